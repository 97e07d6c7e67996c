import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { engineOf, prepared, SequenceCounter, type Engine, execute } from '@jing/db';
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
  /** Grid cell of the pin (`gridCell`), for the duplicate check; null without a pin. */
  geo_cell: number | null;
  idempotency_key: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Every column of `cases`, in the order the intake statement binds them. */
const CASE_COLUMNS = [
  'id', 'number', 'type', 'channel', 'category_code', 'description', 'lng', 'lat', 'address', 'district_code', 'street_code', 'status',
  'handler_unit_code', 'handler_unit_path', 'anonymous', 'reporter_id', 'reporter_name', 'reporter_phone_enc', 'reporter_phone_index',
  'reporter_phone_masked', 'sign_due_at', 'contact_due_at', 'resolve_due_at', 'signed_at', 'contacted_at', 'replied_at', 'closed_at',
  'contacted_on_time', 'reopened', 'duplicate_of', 'rating_contacted', 'rating_resolved', 'rating_satisfaction', 'month',
  'extension_due_at', 'extension_reason', 'geo_cell', 'idempotency_key', 'version', 'created_at', 'updated_at',
] as const satisfies readonly (keyof CaseRow)[];
const ROLLUP_COUNTERS = ['cases', 'responded', 'rated', 'resolved', 'sat_very_satisfied', 'sat_satisfied', 'sat_basically_satisfied', 'sat_dissatisfied', 'sat_very_dissatisfied'] as const;


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
  private readonly sql: {
    insert: (p: readonly unknown[]) => CompiledQuery;
    bumpCategory: (p: readonly unknown[]) => CompiledQuery;
  };
  /** Duplicate lookups by the number of grid cells. */
  private readonly nearbyByCells = new Map<number, (p: readonly unknown[]) => CompiledQuery>();
  /** Event inserts by the number of rows. */
  private readonly eventInserts = new Map<number, (p: readonly unknown[]) => CompiledQuery>();
  /** Rollup upserts by the set of counters they add to. */
  private readonly bumps = new Map<string, (p: readonly unknown[]) => CompiledQuery>();
  private readonly engine: Engine;
  private readonly numbers: SequenceCounter;

  constructor(db: Kysely<any>) {
    this.db = db;
    this.engine = engineOf(db);
    this.numbers = new SequenceCounter(this.engine, 'case_counters', ['day'], 'n');
    const q = (text: string) => prepared(this.engine, text);
    this.sql = {
      insert: q(`insert into cases (${CASE_COLUMNS.join(', ')}) values (${CASE_COLUMNS.map(() => '?').join(', ')})`),
      bumpCategory: q('insert into case_category_rollups (month, street_code, category_code, n) values (?, ?, ?, 1) on conflict (month, street_code, category_code) do update set n = case_category_rollups.n + 1'),
    };
  }

  private t(trx?: Transaction<any>) {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  /** The next number of the day (a counter row per day, locked until commit). */
  nextNumber(trx: Transaction<any>, day: string): Promise<number> {
    return this.numbers.next(trx, [day]);
  }

  async insert(trx: Transaction<any>, row: CaseRow): Promise<void> {
    await execute(trx, this.sql.insert(CASE_COLUMNS.map((c) => row[c])));
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
    await this.insertEvents(trx, [e]);
  }

  /** Several timeline events in one statement. */
  async insertEvents(trx: Transaction<any>, events: CaseEventRow[]): Promise<void> {
    if (events.length === 0) return;
    let q = this.eventInserts.get(events.length);
    if (!q) {
      q = prepared(this.engine, `insert into case_events (id, case_id, at, type, actor_id, unit_code, text) values ${events.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
      if (this.eventInserts.size < 16) this.eventInserts.set(events.length, q);
    }
    await execute(trx, q(events.flatMap((e) => [e.id, e.case_id, e.at, e.type, e.actor_id, e.unit_code, e.text])));
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

  /**
   * Recent open cases of a category inside a bounding box: candidates for a
   * duplicate (asked at every intake with a pin). Looked up by the grid cells
   * the box touches, so the read stays small however many cases the category has.
   */
  async nearby(category: string, since: string, box: [number, number, number, number], cells: number[]): Promise<Pick<CaseRow, 'id' | 'lng' | 'lat' | 'duplicate_of'>[]> {
    let q = this.nearbyByCells.get(cells.length);
    if (!q) {
      q = prepared(
        this.engine,
        // cases_near (category, cell, time, lng, lat) reads only the pin's cells and tests the box on the index
        // entry, so a case's row is read only when it is near (2× faster than the cell index without the
        // coordinates, and flat as the category grows). SQLite, without statistics, is told to use it;
        // PostgreSQL's statistics pick it on their own.
        `select id, lng, lat, duplicate_of from cases${this.engine === 'sqlite' ? ' indexed by cases_near' : ''} where category_code = ? and geo_cell in (${cells.map(() => '?').join(', ')}) and created_at >= ? ` +
          "and status not in ('closed', 'answered') and lng >= ? and lat >= ? and lng <= ? and lat <= ? order by created_at limit 20",
      );
      if (this.nearbyByCells.size < 64) this.nearbyByCells.set(cells.length, q);
    }
    return (await this.db.executeQuery<Pick<CaseRow, 'id' | 'lng' | 'lat' | 'duplicate_of'>>(q([category, ...cells, since, ...box]))).rows;
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
    const keys = ROLLUP_COUNTERS.filter((k) => delta[k] !== undefined);
    const shape = keys.join(',');
    let q = this.bumps.get(shape);
    if (!q) {
      q = prepared(
        this.engine,
        `insert into case_rollups (month, unit_code, unit_path, ${ROLLUP_COUNTERS.join(', ')}) values (?, ?, ?, ${ROLLUP_COUNTERS.map(() => '?').join(', ')}) ` +
          `on conflict (month, unit_code) do ${keys.length ? `update set ${keys.map((k) => `${k} = case_rollups.${k} + excluded.${k}`).join(', ')}` : 'nothing'}`,
      );
      this.bumps.set(shape, q);
    }
    await execute(trx, q([month, unitCode, unitPath, ...ROLLUP_COUNTERS.map((k) => delta[k] ?? 0)]));
  }

  async bumpCategory(trx: Transaction<any>, month: string, street: string, category: string): Promise<void> {
    await execute(trx, this.sql.bumpCategory([month, street, category]));
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
