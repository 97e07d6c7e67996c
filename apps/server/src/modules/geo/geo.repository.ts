import type { Kysely, Transaction } from 'kysely';

export interface BoundaryRow {
  unit_code: string;
  parent_code: string | null;
  level: string;
  name: string;
  geometry: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  source: string;
  updated_at: string;
}

interface Tables {
  geo_boundaries: BoundaryRow;
}

/** The only SQL of geo. */
export class GeoRepository {
  private readonly db: Kysely<Tables>;
  constructor(db: Kysely<any>) {
    this.db = db;
  }

  all(): Promise<BoundaryRow[]> {
    return this.db.selectFrom('geo_boundaries').selectAll().execute();
  }

  get(code: string): Promise<BoundaryRow | undefined> {
    return this.db.selectFrom('geo_boundaries').selectAll().where('unit_code', '=', code).executeTakeFirst();
  }

  async upsert(trx: Transaction<any>, row: BoundaryRow): Promise<void> {
    const { unit_code: _code, ...rest } = row;
    await (trx as Transaction<Tables>)
      .insertInto('geo_boundaries')
      .values(row)
      .onConflict((oc) => oc.column('unit_code').doUpdateSet(rest))
      .execute();
  }
}
