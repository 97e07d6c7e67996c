import { sql, type CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { engineOf, prepared, SequenceCounter, subtreeRange, type Engine, execute } from '@jing/db';
import type { ApplicationStatus } from '@jing/contracts';

export interface ApplicationRow {
  id: string;
  number: string;
  item_code: string;
  item_version: number;
  item_name: string;
  situation: string;
  channel: 'online' | 'hall';
  status: ApplicationStatus;
  step_index: number | null;
  applicant_id: string;
  applicant_kind: string;
  applicant_name: string;
  submitted_by: string | null;
  submitted_by_name: string | null;
  unit_code: string;
  unit_path: string;
  form_json: string;
  correction_json: string | null;
  special_json: string | null;
  decision_json: string | null;
  certificate_id: string | null;
  accepted_at: string | null;
  promised_due_at: string | null;
  statutory_due_at: string | null;
  paused: number;
  idempotency_key: string | null;
  version: number;
  submitted_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface MaterialRow {
  application_id: string;
  code: string;
  position: number;
  file_id: string | null;
  certificate_id: string | null;
}

export interface PauseRow {
  id: string;
  application_id: string;
  from_at: string;
  to_at: string | null;
  reason: string;
}

export interface CountersignRow {
  application_id: string;
  step_index: number;
  unit_code: string;
  unit_path: string;
  signed_at: string | null;
  signed_by: string | null;
  agree: number | null;
  opinion: string | null;
}

export interface EventRow {
  id: string;
  application_id: string;
  at: string;
  type: string;
  actor_id: string | null;
  actor_name: string | null;
  unit_code: string | null;
  channel: string | null;
  text: string | null;
  data_json: string | null;
}

interface Tables {
  applications: ApplicationRow;
  application_counters: { day: string; n: number };
  application_materials: MaterialRow;
  application_pauses: PauseRow;
  application_countersigns: CountersignRow;
  application_events: EventRow;
}

/** Statuses in which the implementing unit still owes work. */
export const OPEN: ApplicationStatus[] = ['submitted', 'correction', 'processing'];
export const DONE: ApplicationStatus[] = ['approved', 'denied', 'refused'];

export interface ListFilter {
  applicantId?: string;
  /** Subtrees of implementing units (staff scope). */
  paths?: string[];
  status: 'open' | 'done' | 'all';
  overdueAt?: string;
  limit: number;
}

const COLUMNS = [
  'id', 'number', 'item_code', 'item_version', 'item_name', 'situation', 'channel', 'status', 'step_index', 'applicant_id', 'applicant_kind', 'applicant_name',
  'submitted_by', 'submitted_by_name', 'unit_code', 'unit_path', 'form_json', 'correction_json', 'special_json', 'decision_json', 'certificate_id', 'accepted_at',
  'promised_due_at', 'statutory_due_at', 'paused', 'idempotency_key', 'version', 'submitted_at', 'updated_at', 'completed_at',
] as const satisfies readonly (keyof ApplicationRow)[];
const MATERIAL_COLUMNS = ['application_id', 'code', 'position', 'file_id', 'certificate_id'] as const satisfies readonly (keyof MaterialRow)[];
const EVENT_COLUMNS = ['id', 'application_id', 'at', 'type', 'actor_id', 'actor_name', 'unit_code', 'channel', 'text', 'data_json'] as const satisfies readonly (keyof EventRow)[];
const rows = (n: number, width: number) => Array.from({ length: n }, () => `(${Array(width).fill('?').join(', ')})`).join(', ');

/** The only SQL of applications. */
export class ApplicationRepository {
  private readonly db: Kysely<Tables>;
  private readonly engine: Engine;
  private readonly numbers: SequenceCounter;
  /** Submission's statements, compiled once (ADR 0014); material inserts per count of rows. */
  private readonly sql: Record<'insert' | 'insertEvent' | 'byKey', (params: readonly unknown[]) => CompiledQuery>;
  private readonly materialInserts = new Map<number, (params: readonly unknown[]) => CompiledQuery>();

  constructor(db: Kysely<any>) {
    this.db = db;
    this.engine = engineOf(db);
    this.numbers = new SequenceCounter(this.engine, 'application_counters', ['day'], 'n');
    const q = (text: string) => prepared(this.engine, text);
    this.sql = {
      insert: q(`insert into applications (${COLUMNS.join(', ')}) values ${rows(1, COLUMNS.length)}`),
      insertEvent: q(`insert into application_events (${EVENT_COLUMNS.join(', ')}) values ${rows(1, EVENT_COLUMNS.length)}`),
      byKey: q(`select * from applications where idempotency_key = ?`),
    };
  }

  private t(trx?: Transaction<any>) {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  /** The next number of the day (a counter row per day, locked until commit). */
  nextNumber(trx: Transaction<any>, day: string): Promise<number> {
    return this.numbers.next(trx, [day]);
  }

  async insert(trx: Transaction<any>, row: ApplicationRow, materials: MaterialRow[]): Promise<void> {
    await execute(trx, this.sql.insert(COLUMNS.map((c) => row[c])));
    if (materials.length === 0) return;
    let q = this.materialInserts.get(materials.length);
    if (!q) this.materialInserts.set(materials.length, (q = prepared(this.engine, `insert into application_materials (${MATERIAL_COLUMNS.join(', ')}) values ${rows(materials.length, MATERIAL_COLUMNS.length)}`)));
    await execute(trx, q(materials.flatMap((m) => MATERIAL_COLUMNS.map((c) => m[c]))));
  }

  get(id: string, trx?: Transaction<any>): Promise<ApplicationRow | undefined> {
    return this.t(trx).selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byNumber(number: string): Promise<ApplicationRow | undefined> {
    return this.db.selectFrom('applications').selectAll().where('number', '=', number).executeTakeFirst();
  }

  async byIdempotencyKey(key: string): Promise<ApplicationRow | undefined> {
    return (await this.db.executeQuery<ApplicationRow>(this.sql.byKey([key]))).rows[0];
  }

  /** Applies a change only if nobody changed the application since `version`; false when someone did. */
  async update(trx: Transaction<any>, id: string, version: number, patch: Partial<ApplicationRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('applications').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  materials(id: string): Promise<MaterialRow[]> {
    return this.db.selectFrom('application_materials').selectAll().where('application_id', '=', id).orderBy('code').orderBy('position').execute();
  }

  /** Replaces the attachments of the given material codes (a resubmission). */
  async replaceMaterials(trx: Transaction<any>, id: string, codes: string[], rows: MaterialRow[]): Promise<void> {
    if (codes.length) await this.t(trx).deleteFrom('application_materials').where('application_id', '=', id).where('code', 'in', codes).execute();
    if (rows.length) await this.t(trx).insertInto('application_materials').values(rows).execute();
  }

  async holdsFile(fileId: string, paths: string[], applicantId: string | null): Promise<boolean> {
    const r = await this.db
      .selectFrom('application_materials as m')
      .innerJoin('applications as a', 'a.id', 'm.application_id')
      .select(['a.unit_path', 'a.applicant_id'])
      .where('m.file_id', '=', fileId)
      .execute();
    return r.some((x) => x.applicant_id === applicantId || paths.some((p) => x.unit_path.startsWith(p)));
  }

  pauses(id: string, trx?: Transaction<any>): Promise<PauseRow[]> {
    return this.t(trx).selectFrom('application_pauses').selectAll().where('application_id', '=', id).orderBy('from_at').execute();
  }

  pausesOf(ids: string[]): Promise<PauseRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('application_pauses').selectAll().where('application_id', 'in', ids).orderBy('from_at').execute();
  }

  async insertPause(trx: Transaction<any>, row: PauseRow): Promise<void> {
    await this.t(trx).insertInto('application_pauses').values(row).execute();
  }

  async endPauses(trx: Transaction<any>, id: string, at: string): Promise<void> {
    await this.t(trx).updateTable('application_pauses').set({ to_at: at }).where('application_id', '=', id).where('to_at', 'is', null).execute();
  }

  countersigns(id: string, trx?: Transaction<any>): Promise<CountersignRow[]> {
    return this.t(trx).selectFrom('application_countersigns').selectAll().where('application_id', '=', id).orderBy('step_index').orderBy('unit_code').execute();
  }

  async insertCountersigns(trx: Transaction<any>, rows: CountersignRow[]): Promise<void> {
    if (rows.length) await this.t(trx).insertInto('application_countersigns').values(rows).execute();
  }

  async sign(trx: Transaction<any>, id: string, stepIndex: number, unitCode: string, patch: Partial<CountersignRow>): Promise<boolean> {
    const r = await this.t(trx)
      .updateTable('application_countersigns')
      .set(patch)
      .where('application_id', '=', id)
      .where('step_index', '=', stepIndex)
      .where('unit_code', '=', unitCode)
      .where('signed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Applications where a unit within `paths` has a countersign (to let its staff see them). */
  async countersignedWithin(id: string, paths: string[]): Promise<boolean> {
    const rows = await this.db.selectFrom('application_countersigns').select('unit_path').where('application_id', '=', id).execute();
    return rows.some((r) => paths.some((p) => r.unit_path.startsWith(p)));
  }

  async insertEvent(trx: Transaction<any>, e: EventRow): Promise<void> {
    await execute(trx, this.sql.insertEvent(EVENT_COLUMNS.map((c) => e[c])));
  }

  events(id: string): Promise<EventRow[]> {
    return this.db.selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('at').orderBy('id').execute();
  }

  list(f: ListFilter): Promise<ApplicationRow[]> {
    let q = this.db.selectFrom('applications').selectAll();
    if (f.applicantId) q = q.where('applicant_id', '=', f.applicantId);
    if (f.paths) {
      const paths = f.paths;
      if (paths.length === 0) return Promise.resolve([]);
      q = q.where((eb) => eb.or(paths.map((p) => { const [lo, hi] = subtreeRange(p); return eb.and([eb('unit_path', '>=', lo), eb('unit_path', '<', hi)]); })));
    }
    if (f.status === 'open') q = q.where('status', 'in', OPEN);
    if (f.status === 'done') q = q.where('status', 'in', DONE);
    if (f.overdueAt) q = q.where('status', 'in', OPEN).where('promised_due_at', '<', f.overdueAt);
    return q.orderBy('submitted_at', 'desc').limit(f.limit).execute();
  }

  /** Open, overdue and paused applications per implementing unit within a subtree. */
  perUnit(path: string, now: string) {
    const [lo, hi] = subtreeRange(path);
    const open = sql.join(OPEN.map((s) => sql.lit(s)));
    return this.db
      .selectFrom('applications')
      .select([
        'unit_code',
        sql<number>`sum(case when status in (${open}) then 1 else 0 end)`.as('open'),
        sql<number>`sum(case when status in (${open}) and promised_due_at < ${now} then 1 else 0 end)`.as('overdue'),
        sql<number>`sum(case when status in (${open}) and paused = 1 then 1 else 0 end)`.as('paused'),
      ])
      .where('unit_path', '>=', lo)
      .where('unit_path', '<', hi)
      .groupBy('unit_code')
      .orderBy('unit_code')
      .execute();
  }
}
