import { sql, type Kysely, type Transaction } from 'kysely';
import { subtreeRange } from '@jing/db';
import type { AssignmentStatus } from '@jing/contracts';

export interface TaskRow {
  id: string;
  title: string;
  description: string;
  source: string;
  source_ref: string | null;
  issuer_unit_code: string;
  issuer_unit_path: string;
  created_by: string | null;
  due_at: string;
  created_at: string;
}

export interface AssignmentRow {
  id: string;
  task_id: string;
  unit_code: string;
  unit_path: string;
  status: AssignmentStatus;
  due_at: string;
  requested_due_at: string | null;
  accepted_at: string | null;
  reported_at: string | null;
  closed_at: string | null;
  escalations: number;
  score: number | null;
  version: number;
}

export interface EventRow {
  id: string;
  assignment_id: string;
  at: string;
  actor_id: string | null;
  type: string;
  text: string | null;
  data_json: string | null;
}

interface Tables {
  supervision_tasks: TaskRow;
  supervision_assignments: AssignmentRow;
  supervision_events: EventRow;
}

/** States in which the assigned unit still owes the work. */
export const OWING: AssignmentStatus[] = ['assigned', 'accepted', 'extension_requested', 'returned'];

/** The only SQL of supervision. */
export class SupervisionRepository {
  private readonly db: Kysely<Tables>;
  constructor(db: Kysely<any>) {
    this.db = db;
  }

  private t(trx?: Transaction<any>) {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  async insertTask(trx: Transaction<any>, task: TaskRow, assignments: AssignmentRow[]): Promise<void> {
    await this.t(trx).insertInto('supervision_tasks').values(task).execute();
    await this.t(trx).insertInto('supervision_assignments').values(assignments).execute();
  }

  async insertEvent(trx: Transaction<any>, e: EventRow): Promise<void> {
    await this.t(trx).insertInto('supervision_events').values(e).execute();
  }

  task(id: string, trx?: Transaction<any>): Promise<TaskRow | undefined> {
    return this.t(trx).selectFrom('supervision_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  assignment(id: string, trx?: Transaction<any>): Promise<AssignmentRow | undefined> {
    return this.t(trx).selectFrom('supervision_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  assignmentsOf(taskIds: string[]): Promise<AssignmentRow[]> {
    if (taskIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('supervision_assignments').selectAll().where('task_id', 'in', taskIds).orderBy('unit_code').execute();
  }

  eventsOf(assignmentIds: string[]): Promise<EventRow[]> {
    if (assignmentIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('supervision_events').selectAll().where('assignment_id', 'in', assignmentIds).orderBy('at').orderBy('id').execute();
  }

  /**
   * Applies a change only if nobody changed the assignment since `version`
   * (optimistic concurrency); returns false when someone did.
   */
  async update(trx: Transaction<any>, id: string, version: number, patch: Partial<AssignmentRow>): Promise<boolean> {
    const r = await this.t(trx)
      .updateTable('supervision_assignments')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  tasksAssignedTo(unitCode: string, open: boolean | null, limit: number): Promise<TaskRow[]> {
    let q = this.db
      .selectFrom('supervision_tasks as t')
      .innerJoin('supervision_assignments as a', 'a.task_id', 't.id')
      .selectAll('t')
      .where('a.unit_code', '=', unitCode);
    if (open !== null) q = open ? q.where('a.status', '!=', 'closed') : q.where('a.status', '=', 'closed');
    return q.distinct().orderBy('t.due_at').limit(limit).execute();
  }

  tasksIssuedWithin(paths: string[], limit: number): Promise<TaskRow[]> {
    if (paths.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('supervision_tasks')
      .selectAll()
      .where((eb) => eb.or(paths.map((p) => { const [lo, hi] = subtreeRange(p); return eb.and([eb('issuer_unit_path', '>=', lo), eb('issuer_unit_path', '<', hi)]); })))
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** Assignments still owed whose escalation is due at `now` (the deadline plus `stepMs` per escalation so far). */
  async dueForEscalation(now: string, stepMs: number): Promise<AssignmentRow[]> {
    const rows = await this.db
      .selectFrom('supervision_assignments')
      .selectAll()
      .where('status', 'in', OWING)
      .where('due_at', '<', now)
      .execute();
    const t = Date.parse(now);
    return rows.filter((r) => Date.parse(r.due_at) + r.escalations * stepMs < t);
  }

  /** Per-unit figures for assignments within a subtree. */
  stats(path: string, now: string) {
    const [lo, hi] = subtreeRange(path);
    const owing = sql.join(OWING.map((s) => sql.lit(s)));
    return this.db
      .selectFrom('supervision_assignments')
      .select([
        'unit_code',
        sql<number>`count(*)`.as('assigned'),
        sql<number>`sum(case when status != 'closed' then 1 else 0 end)`.as('open'),
        sql<number>`sum(case when status in (${owing}) and due_at < ${now} then 1 else 0 end)`.as('overdue'),
        sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('closed'),
        sql<number>`sum(case when status = 'closed' and reported_at <= due_at then 1 else 0 end)`.as('closed_on_time'),
        sql<number | null>`avg(score)`.as('average_score'),
        sql<number>`sum(escalations)`.as('escalations'),
      ])
      .where('unit_path', '>=', lo)
      .where('unit_path', '<', hi)
      .groupBy('unit_code')
      .orderBy('unit_code')
      .execute();
  }
}
