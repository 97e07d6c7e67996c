import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { engineOf, execute } from '@jing/db';
import type { TrafficLight } from '@jing/contracts';

export interface WorkItemRow {
  id: string;
  module: string;
  kind: string;
  source_id: string;
  title: string;
  summary: string | null;
  link: string;
  assignee_id: string | null;
  unit_code: string;
  unit_path: string;
  status: 'open' | 'done' | 'cancelled';
  due_at: string | null;
  yellow_at: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

interface Tables {
  work_items: WorkItemRow;
}

const INSERT_COLUMNS = [
  'id', 'module', 'kind', 'source_id', 'title', 'summary', 'link', 'assignee_id', 'unit_code', 'unit_path', 'status', 'due_at', 'yellow_at', 'created_at', 'updated_at', 'completed_at',
] as const satisfies readonly (keyof WorkItemRow)[];

export interface InboxFilter {
  /** Items assigned to this person, plus unassigned items of `unitCode`. */
  personId?: string;
  unitCode: string;
  status: 'open' | 'done' | 'all';
  light?: TrafficLight;
  now: string;
  limit: number;
  offset: number;
}

/** The only SQL of the inbox. */
export class InboxRepository {
  private readonly db: Kysely<Tables>;
  /** The insert as compiled SQL: every module posts here inside its own transaction, often on a hot path (ADR 0014). */
  private readonly insertSql: string;
  constructor(db: Kysely<any>) {
    this.db = db;
    const marks = INSERT_COLUMNS.map((_, i) => (engineOf(db) === 'postgres' ? `$${i + 1}` : '?'));
    this.insertSql = `insert into work_items (${INSERT_COLUMNS.join(', ')}) values (${marks.join(', ')})`;
  }

  async insert(trx: Transaction<any>, row: WorkItemRow): Promise<void> {
    await execute(trx, CompiledQuery.raw(this.insertSql, INSERT_COLUMNS.map((c) => row[c])));
  }

  /** Closes the open items of a source record (optionally of one kind); returns how many. */
  async close(trx: Transaction<any>, module: string, sourceId: string, kind: string | null, status: 'done' | 'cancelled', at: string, unitCode?: string): Promise<number> {
    let q = (trx as Transaction<Tables>)
      .updateTable('work_items')
      .set({ status, completed_at: at, updated_at: at })
      .where('module', '=', module)
      .where('source_id', '=', sourceId)
      .where('status', '=', 'open');
    if (kind) q = q.where('kind', '=', kind);
    if (unitCode) q = q.where('unit_code', '=', unitCode);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  private filtered(f: InboxFilter) {
    let q = this.db.selectFrom('work_items');
    if (f.personId) {
      const person = f.personId;
      q = q.where((eb) => eb.or([eb('assignee_id', '=', person), eb.and([eb('assignee_id', 'is', null), eb('unit_code', '=', f.unitCode)])]));
    } else q = q.where('unit_code', '=', f.unitCode);
    if (f.status !== 'all') q = q.where('status', '=', f.status);
    return q;
  }

  async list(f: InboxFilter): Promise<WorkItemRow[]> {
    let q = this.filtered(f).selectAll();
    if (f.light === 'none') q = q.where('due_at', 'is', null);
    else if (f.light === 'red') q = q.where('due_at', '<', f.now);
    else if (f.light === 'yellow') q = q.where('due_at', '>=', f.now).where('yellow_at', '<=', f.now);
    else if (f.light === 'green') q = q.where('due_at', '>=', f.now).where((eb) => eb.or([eb('yellow_at', 'is', null), eb('yellow_at', '>', f.now)]));
    // Most urgent first; items without a deadline last.
    return q
      .orderBy(sql`case when due_at is null then 1 else 0 end`)
      .orderBy('due_at')
      .orderBy('created_at')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  }

  async counts(f: InboxFilter): Promise<Record<TrafficLight, number>> {
    const r = await this.filtered(f)
      .select([
        sql<number>`sum(case when due_at is null then 1 else 0 end)`.as('none'),
        sql<number>`sum(case when due_at < ${f.now} then 1 else 0 end)`.as('red'),
        sql<number>`sum(case when due_at >= ${f.now} and yellow_at <= ${f.now} then 1 else 0 end)`.as('yellow'),
        sql<number>`sum(case when due_at >= ${f.now} and (yellow_at is null or yellow_at > ${f.now}) then 1 else 0 end)`.as('green'),
      ])
      .executeTakeFirstOrThrow();
    return { none: Number(r.none ?? 0), red: Number(r.red ?? 0), yellow: Number(r.yellow ?? 0), green: Number(r.green ?? 0) };
  }

  bySource(module: string, sourceId: string): Promise<WorkItemRow[]> {
    return this.db.selectFrom('work_items').selectAll().where('module', '=', module).where('source_id', '=', sourceId).orderBy('created_at').execute();
  }
}
