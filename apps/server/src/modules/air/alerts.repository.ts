import type { Kysely, Transaction } from 'kysely';
import { subtreeRange } from '@jing/db';

export interface RuleRow {
  id: string;
  kind: string;
  device_types: string;
  pollutant: string;
  enabled: number;
  params_json: string;
  version: number;
  updated_at: string;
}

export interface AlertRow {
  id: string;
  rule_id: string;
  kind: string;
  pollutant: string;
  device_id: number;
  device_code: string;
  device_type: string;
  lng: number | null;
  lat: number | null;
  district_code: string | null;
  district_path: string;
  unit_code: string;
  status: 'dispatched' | 'verifying' | 'closed';
  first_hour: number;
  last_bad_hour: number;
  last_hour: number;
  bad_hours: number;
  clean_hours: number;
  peak: number | null;
  peak_baseline: number | null;
  task_id: string | null;
  assignment_id: string | null;
  report_json: string | null;
  reported_at: string | null;
  reported_hour: number | null;
  returns: number;
  raised_at: string;
  closed_at: string | null;
  note: string | null;
  version: number;
  updated_at: string;
}

interface Tables {
  air_alert_rules: RuleRow;
  air_alerts: AlertRow;
  air_alert_files: { file_id: string; alert_id: string };
  air_device_duty: { device_code: string; unit_code: string; updated_at: string };
}

const numeric = (r: AlertRow): AlertRow => ({
  ...r,
  device_id: Number(r.device_id),
  first_hour: Number(r.first_hour),
  last_bad_hour: Number(r.last_bad_hour),
  last_hour: Number(r.last_hour),
  reported_hour: r.reported_hour === null ? null : Number(r.reported_hour),
  lng: r.lng === null ? null : Number(r.lng),
  lat: r.lat === null ? null : Number(r.lat),
  peak: r.peak === null ? null : Number(r.peak),
  peak_baseline: r.peak_baseline === null ? null : Number(r.peak_baseline),
});

/** The only SQL of alert rules, alerts, their photos, and devices' responsible units. */
export class AlertsRepository {
  private readonly db: Kysely<Tables>;
  constructor(db: Kysely<any>) {
    this.db = db;
  }
  private t(trx?: Transaction<any>) {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  rules(): Promise<RuleRow[]> {
    return this.db.selectFrom('air_alert_rules').selectAll().orderBy('id').execute();
  }

  rule(id: string, trx?: Transaction<any>): Promise<RuleRow | undefined> {
    return this.t(trx).selectFrom('air_alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateRule(trx: Transaction<any>, id: string, version: number, patch: Partial<RuleRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('air_alert_rules').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertAlert(trx: Transaction<any>, row: AlertRow): Promise<void> {
    await this.t(trx).insertInto('air_alerts').values(row).execute();
  }

  async updateAlert(trx: Transaction<any>, id: string, version: number, patch: Partial<AlertRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('air_alerts').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async alert(id: string, trx?: Transaction<any>): Promise<AlertRow | undefined> {
    const r = await this.t(trx).selectFrom('air_alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return r && numeric(r);
  }

  /** Alerts not closed yet (the evaluation keeps them up to date). */
  async open(): Promise<AlertRow[]> {
    return (await this.db.selectFrom('air_alerts').selectAll().where('status', '<>', 'closed').execute()).map(numeric);
  }

  /** The latest alert of each (rule, device) pair among `deviceIds` for a rule: where a new run must start after. */
  async latestByDevice(ruleId: string): Promise<Map<number, AlertRow>> {
    const rows = (await this.db.selectFrom('air_alerts').selectAll().where('rule_id', '=', ruleId).orderBy('first_hour').execute()).map(numeric);
    return new Map(rows.map((r) => [r.device_id, r]));
  }

  /**
   * Alerts visible through scope paths (any alert in a district whose path starts with one of them) or
   * assigned to `unitCode`, newest first.
   */
  async list(scopes: string[], unitCode: string | null, status: 'open' | 'closed' | 'all', limit: number): Promise<AlertRow[]> {
    if (scopes.length === 0 && !unitCode) return [];
    let q = this.db.selectFrom('air_alerts').selectAll();
    q = q.where((eb) =>
      eb.or([
        ...scopes.map((p) => {
          const [lo, hi] = subtreeRange(p);
          return eb.and([eb('district_path', '>=', lo), eb('district_path', '<', hi)]);
        }),
        ...(unitCode ? [eb('unit_code', '=', unitCode)] : []),
      ]),
    );
    if (status === 'open') q = q.where('status', '<>', 'closed');
    if (status === 'closed') q = q.where('status', '=', 'closed');
    return (await q.orderBy('raised_at', 'desc').orderBy('id').limit(limit).execute()).map(numeric);
  }

  async addFiles(trx: Transaction<any>, alertId: string, fileIds: string[]): Promise<void> {
    if (fileIds.length) await this.t(trx).insertInto('air_alert_files').values(fileIds.map((file_id) => ({ file_id, alert_id: alertId }))).execute();
  }

  async alertsOfFile(fileId: string): Promise<AlertRow[]> {
    const rows = await this.db.selectFrom('air_alert_files as f').innerJoin('air_alerts as a', 'a.id', 'f.alert_id').selectAll('a').where('f.file_id', '=', fileId).execute();
    return rows.map(numeric);
  }

  async duty(codes: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < codes.length; i += 500) {
      const rows = await this.db.selectFrom('air_device_duty').selectAll().where('device_code', 'in', codes.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.device_code, r.unit_code);
    }
    return out;
  }

  async setDuty(trx: Transaction<any>, deviceCode: string, unitCode: string, at: string): Promise<string | null> {
    const before = await this.t(trx).selectFrom('air_device_duty').select('unit_code').where('device_code', '=', deviceCode).executeTakeFirst();
    if (before) await this.t(trx).updateTable('air_device_duty').set({ unit_code: unitCode, updated_at: at }).where('device_code', '=', deviceCode).execute();
    else await this.t(trx).insertInto('air_device_duty').values({ device_code: deviceCode, unit_code: unitCode, updated_at: at }).execute();
    return before?.unit_code ?? null;
  }
}
