import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseStatus, Satisfaction } from '@jing/contracts';

export interface CaseRow {
  id: string;
  number: string;
  type: string;
  channel: string;
  category_code: string;
  description: string;
  lng: number | null;
  lat: number | null;
  address: string | null;
  district_code: string | null;
  street_code: string | null;
  status: CaseStatus;
  handler_unit_code: string | null;
  handler_unit_path: string | null;
  anonymous: number;
  reporter_id: string | null;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_index: string | null;
  reporter_phone_masked: string | null;
  sign_due_at: string | null;
  contact_due_at: string | null;
  resolve_due_at: string | null;
  signed_at: string | null;
  contacted_at: string | null;
  replied_at: string | null;
  closed_at: string | null;
  contacted_on_time: number | null;
  reopened: number;
  duplicate_of: string | null;
  rating_contacted: number | null;
  rating_resolved: number | null;
  rating_satisfaction: Satisfaction | null;
  month: string;
  extension_due_at: string | null;
  extension_reason: string | null;
  idempotency_key: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CaseEventRow {
  id: string;
  case_id: string;
  at: string;
  type: string;
  actor_id: string | null;
  unit_code: string | null;
  text: string | null;
}

export interface RollupRow {
  month: string;
  unit_code: string;
  unit_path: string;
  cases: number;
  responded: number;
  rated: number;
  resolved: number;
  sat_very_satisfied: number;
  sat_satisfied: number;
  sat_basically_satisfied: number;
  sat_dissatisfied: number;
  sat_very_dissatisfied: number;
}

export interface ParticipantRow {
  case_id: string;
  unit_code: string;
  unit_path: string;
  role: 'assist' | 'summoned';
  invited_at: string;
  checkin_due_at: string | null;
  checked_in_at: string | null;
  score: number | null;
  comment: string | null;
}

export interface AttachmentRow {
  case_id: string;
  file_id: string;
  kind: 'photo' | 'evidence';
  content_type: string;
  added_by: string | null;
  added_at: string;
}

export type RollupCounter = Exclude<keyof RollupRow, 'month' | 'unit_code' | 'unit_path'>;

interface Tables {
  cases: CaseRow;
  case_events: CaseEventRow;
  case_counters: { day: string; n: number };
  case_rollups: RollupRow;
  case_participants: ParticipantRow;
  case_attachments: AttachmentRow;
  case_links: { from_id: string; to_id: string; kind: 'merge' | 'split'; at: string };
  case_category_rollups: { month: string; street_code: string; category_code: string; n: number };
  case_proactive_alerts: { month: string; street_code: string; category_code: string; task_id: string; count: number; baseline: number; created_at: string };
}

/** The only SQL of 接诉即办 cases. */
export class CaseRepository {
  private readonly db: Kysely<Tables>;
  constructor(db: Kysely<any>) {
    this.db = db;
  }

  private t(trx?: Transaction<any>) {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  /** The next number of the day (a counter row per day; the update serialises concurrent writers). */
  async nextNumber(trx: Transaction<any>, day: string): Promise<number> {
    const t = this.t(trx);
    const r = await t.updateTable('case_counters').set((eb) => ({ n: eb('n', '+', 1) })).where('day', '=', day).returning('n').executeTakeFirst();
    if (r) return Number(r.n);
    await t.insertInto('case_counters').values({ day, n: 1 }).execute();
    return 1;
  }

  async insert(trx: Transaction<any>, row: CaseRow): Promise<void> {
    await this.t(trx).insertInto('cases').values(row).execute();
  }

  get(id: string, trx?: Transaction<any>): Promise<CaseRow | undefined> {
    return this.t(trx).selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byNumbers(numbers: string[]): Promise<CaseRow[]> {
    if (numbers.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('cases').selectAll().where('number', 'in', numbers).orderBy('created_at', 'desc').execute();
  }

  /** Open311 GET requests: by categories, time range and open/closed, newest first. */
  query(f: { categories?: string[]; from: string; to: string; closed?: boolean; limit: number }): Promise<CaseRow[]> {
    let q = this.db.selectFrom('cases').selectAll().where('created_at', '>=', f.from).where('created_at', '<=', f.to);
    if (f.categories?.length) q = q.where('category_code', 'in', f.categories);
    if (f.closed !== undefined) q = f.closed ? q.where('status', 'in', ['closed', 'answered']) : q.where('status', 'not in', ['closed', 'answered']);
    return q.orderBy('created_at', 'desc').limit(f.limit).execute();
  }

  byIdempotencyKey(key: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom('cases').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }

  /** Applies a change only at the expected version (optimistic concurrency). */
  async update(trx: Transaction<any>, id: string, version: number, patch: Partial<CaseRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('cases').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertEvent(trx: Transaction<any>, e: CaseEventRow): Promise<void> {
    await this.t(trx).insertInto('case_events').values(e).execute();
  }

  events(caseId: string): Promise<CaseEventRow[]> {
    return this.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
  }

  async link(trx: Transaction<any>, fromId: string, toId: string, kind: 'merge' | 'split', at: string): Promise<void> {
    await this.t(trx).insertInto('case_links').values({ from_id: fromId, to_id: toId, kind, at }).execute();
  }

  /** Links touching a case, with the other case's number. */
  links(caseId: string) {
    return this.db
      .selectFrom('case_links as l')
      .innerJoin('cases as f', 'f.id', 'l.from_id')
      .innerJoin('cases as t', 't.id', 'l.to_id')
      .select(['l.from_id', 'l.to_id', 'l.kind', 'f.number as from_number', 't.number as to_number', 'f.reporter_id as from_reporter'])
      .where((eb) => eb.or([eb('l.from_id', '=', caseId), eb('l.to_id', '=', caseId)]))
      .orderBy('l.at')
      .execute();
  }

  async attach(trx: Transaction<any>, rows: AttachmentRow[]): Promise<void> {
    if (rows.length) await this.t(trx).insertInto('case_attachments').values(rows).onConflict((oc) => oc.columns(['case_id', 'file_id']).doNothing()).execute();
  }

  attachments(caseId: string): Promise<AttachmentRow[]> {
    return this.db.selectFrom('case_attachments').selectAll().where('case_id', '=', caseId).orderBy('added_at').execute();
  }

  casesHoldingFile(fileId: string): Promise<string[]> {
    return this.db.selectFrom('case_attachments').select('case_id').where('file_id', '=', fileId).execute().then((r) => r.map((x) => x.case_id));
  }

  participants(caseId: string): Promise<ParticipantRow[]> {
    return this.db.selectFrom('case_participants').selectAll().where('case_id', '=', caseId).orderBy('invited_at').orderBy('unit_code').execute();
  }

  async addParticipant(trx: Transaction<any>, p: ParticipantRow): Promise<boolean> {
    const r = await this.t(trx).insertInto('case_participants').values(p).onConflict((oc) => oc.columns(['case_id', 'unit_code']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async updateParticipant(trx: Transaction<any>, caseId: string, unitCode: string, patch: Partial<ParticipantRow>): Promise<void> {
    await this.t(trx).updateTable('case_participants').set(patch).where('case_id', '=', caseId).where('unit_code', '=', unitCode).execute();
  }

  /** Recent open cases of a category inside a bounding box: candidates for a duplicate. */
  nearby(category: string, since: string, box: [number, number, number, number]): Promise<CaseRow[]> {
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where('category_code', '=', category)
      .where('created_at', '>=', since)
      .where('status', 'not in', ['closed', 'answered'])
      .where('lng', '>=', box[0])
      .where('lat', '>=', box[1])
      .where('lng', '<=', box[2])
      .where('lat', '<=', box[3])
      .orderBy('created_at')
      .limit(20)
      .execute();
  }

  list(f: { reporterId?: string; handlerUnit?: string; phoneIndex?: string; status?: CaseStatus; limit: number }): Promise<CaseRow[]> {
    let q = this.db.selectFrom('cases').selectAll();
    if (f.reporterId) q = q.where('reporter_id', '=', f.reporterId);
    if (f.handlerUnit) q = q.where('handler_unit_code', '=', f.handlerUnit);
    if (f.phoneIndex) q = q.where('reporter_phone_index', '=', f.phoneIndex);
    if (f.status) q = q.where('status', '=', f.status);
    return q.orderBy('created_at', 'desc').limit(f.limit).execute();
  }

  /** Adds `delta` to counters of a unit's monthly rollup; one upsert, safe under concurrent writers. */
  async bump(trx: Transaction<any>, month: string, unitCode: string, unitPath: string, delta: Partial<Record<RollupCounter, number>>): Promise<void> {
    const zero: RollupRow = {
      month, unit_code: unitCode, unit_path: unitPath, cases: 0, responded: 0, rated: 0, resolved: 0,
      sat_very_satisfied: 0, sat_satisfied: 0, sat_basically_satisfied: 0, sat_dissatisfied: 0, sat_very_dissatisfied: 0,
    };
    const keys = Object.keys(delta) as RollupCounter[];
    await this.t(trx)
      .insertInto('case_rollups')
      .values({ ...zero, ...delta })
      .onConflict((oc) =>
        oc.columns(['month', 'unit_code']).doUpdateSet(Object.fromEntries(keys.map((k) => [k, sql<number>`${sql.ref(`case_rollups.${k}`)} + ${sql.ref(`excluded.${k}`)}`]))),
      )
      .execute();
  }

  async bumpCategory(trx: Transaction<any>, month: string, street: string, category: string): Promise<void> {
    await this.t(trx)
      .insertInto('case_category_rollups')
      .values({ month, street_code: street, category_code: category, n: 1 })
      .onConflict((oc) => oc.columns(['month', 'street_code', 'category_code']).doUpdateSet({ n: sql<number>`case_category_rollups.n + 1` }))
      .execute();
  }

  categoryCounts(months: string[]) {
    return this.db.selectFrom('case_category_rollups').selectAll().where('month', 'in', months).execute();
  }

  alertsOf(month: string) {
    return this.db.selectFrom('case_proactive_alerts').selectAll().where('month', '=', month).execute();
  }

  async insertAlert(trx: Transaction<any>, row: { month: string; street_code: string; category_code: string; task_id: string; count: number; baseline: number; created_at: string }): Promise<void> {
    await this.t(trx).insertInto('case_proactive_alerts').values(row).execute();
  }

  rollups(month: string): Promise<RollupRow[]> {
    return this.db.selectFrom('case_rollups').selectAll().where('month', '=', month).execute();
  }
}
