import type { Kysely, Transaction } from 'kysely';

export interface MeasureRow {
  id: string;
  category: string;
  type: string;
  title: string;
  description: string;
  place_kind: string;
  place_unit_code: string | null;
  station_code: string | null;
  lng: number | null;
  lat: number | null;
  district_code: string | null;
  start_date: string;
  end_date: string | null;
  responsible_unit_code: string;
  scope_path: string;
  alert_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MeasureFilter {
  district?: string | undefined;
  station?: string | undefined;
  category?: string | undefined;
  /** Overlapping [from, to] (local dates). */
  from?: string | undefined;
  to?: string | undefined;
}

const numeric = (r: MeasureRow): MeasureRow => ({ ...r, lng: r.lng === null ? null : Number(r.lng), lat: r.lat === null ? null : Number(r.lat), version: Number(r.version) });

/** The only SQL of the register of measures. */
export class MeasuresRepository {
  private readonly db: Kysely<{ air_measures: MeasureRow }>;
  constructor(db: Kysely<any>) {
    this.db = db;
  }
  private t(trx?: Transaction<any>) {
    return (trx as Transaction<{ air_measures: MeasureRow }> | undefined) ?? this.db;
  }

  async insert(trx: Transaction<any>, row: MeasureRow): Promise<void> {
    await this.t(trx).insertInto('air_measures').values(row).execute();
  }

  async update(trx: Transaction<any>, id: string, version: number, patch: Partial<MeasureRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('air_measures').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delete(trx: Transaction<any>, id: string, version: number): Promise<boolean> {
    const r = await this.t(trx).deleteFrom('air_measures').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async get(id: string, trx?: Transaction<any>): Promise<MeasureRow | undefined> {
    const r = await this.t(trx).selectFrom('air_measures').selectAll().where('id', '=', id).executeTakeFirst();
    return r && numeric(r);
  }

  async list(f: MeasureFilter, limit: number): Promise<MeasureRow[]> {
    let q = this.db.selectFrom('air_measures').selectAll();
    if (f.district) q = q.where('district_code', '=', f.district);
    if (f.station) q = q.where('station_code', '=', f.station);
    if (f.category) q = q.where('category', '=', f.category);
    if (f.to) q = q.where('start_date', '<=', f.to);
    if (f.from) q = q.where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', f.from!)]));
    return (await q.orderBy('start_date', 'desc').orderBy('id').limit(limit).execute()).map(numeric);
  }
}
