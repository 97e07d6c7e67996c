import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import type { AssignmentStatus } from '@jing/contracts';
import { covers, scopePaths, type Caller } from '../../platform/auth/context.ts';
import { conflict, DomainError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { sortableId } from '../../platform/ids.ts';
import type { AuditLog } from '../audit/index.ts';
import type { InboxService } from '../inbox/index.ts';
import { OWING, type AssignmentRow, type EventRow, type SupervisionRepository, type TaskRow } from './supervision.repository.ts';

export interface OrgLookup {
  unitPath(code: string, trx?: Transaction<any>): Promise<string | null>;
  unitName(code: string): Promise<string>;
  parentOf(code: string): Promise<string | null>;
}

export interface NewTask {
  title: string;
  description: string;
  source: string;
  sourceRef?: string;
  dueAt: string;
  units: string[];
}

type Actor = 'assignee' | 'issuer';

/** What an action may carry; which fields it needs is checked by the route's schema. */
export interface ActionInput {
  version: number;
  text?: string;
  reason?: string;
  newDueAt?: string;
  approve?: boolean;
  comment?: string;
  score?: number;
}

/** What each action needs: who may take it, from which states, and the resulting state. */
const ACTIONS: Record<string, { by: Actor; from: AssignmentStatus[]; to: AssignmentStatus | null }> = {
  accept: { by: 'assignee', from: ['assigned', 'returned'], to: 'accepted' },
  progress: { by: 'assignee', from: ['accepted'], to: null },
  extension_request: { by: 'assignee', from: ['accepted'], to: 'extension_requested' },
  extension_decision: { by: 'issuer', from: ['extension_requested'], to: 'accepted' },
  report: { by: 'assignee', from: ['accepted'], to: 'reported' },
  return: { by: 'issuer', from: ['reported'], to: 'returned' },
  close: { by: 'issuer', from: ['reported'], to: 'closed' },
  evaluate: { by: 'issuer', from: ['closed'], to: null },
};

const LINK = (taskId: string) => `/ban/supervision/${taskId}`;

/**
 * 督办 supervision: register and assign → accept → progress → (extension) →
 * report → verify and close (销号) or return → evaluate; overdue work
 * escalates one level up the org tree. Every step is audited and drives the inbox.
 */
export class SupervisionService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly repo: SupervisionRepository,
    private readonly audit: AuditLog,
    private readonly inbox: InboxService,
    private readonly org: OrgLookup,
    private readonly escalationStepMs = 24 * 3600_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(caller: Caller, input: NewTask) {
    const me = caller.auth!.principal;
    if (!me.unitCode) throw forbidden('only staff can issue supervised tasks');
    return this.issue(caller, me.unitCode, input, (path) => covers(caller.auth, 'supervision.manage', path));
  }

  /** A task raised by the system itself (e.g. 未诉先办 detection) on behalf of `issuerUnit`. */
  createBySystem(caller: Caller, issuerUnit: string, input: NewTask) {
    return this.issue(caller, issuerUnit, input, () => true);
  }

  /**
   * Like {@link createBySystem}, inside the caller's transaction, so the record
   * that raises the task (a bad review, an 一微克 alert) and the task commit together.
   * Returns the task id and the assignment id of each unit.
   */
  async createInTransaction(trx: Transaction<any>, caller: Caller, issuerUnit: string, input: NewTask): Promise<{ taskId: string; assignments: Record<string, string> }> {
    const { task, assignments } = await this.prepare(caller, issuerUnit, input, () => true, trx);
    await this.write(trx, caller, task, assignments);
    return { taskId: task.id, assignments: Object.fromEntries(assignments.map((a) => [a.unit_code, a.id])) };
  }

  private async issue(caller: Caller, issuerUnit: string, input: NewTask, mayAssign: (path: string) => boolean) {
    const { task, assignments } = await this.prepare(caller, issuerUnit, input, mayAssign);
    await inTransaction(this.db, (trx) => this.write(trx, caller, task, assignments));
    return this.view(task.id, caller);
  }

  private async prepare(caller: Caller, issuerUnit: string, input: NewTask, mayAssign: (path: string) => boolean, trx?: Transaction<any>) {
    const due = Date.parse(input.dueAt);
    if (!(due > this.clock())) throw invalidField('body.dueAt', 'must be in the future');
    const units = [...new Set(input.units)];
    const paths: string[] = [];
    for (const [i, code] of units.entries()) {
      const path = await this.org.unitPath(code, trx);
      if (!path || !mayAssign(path)) throw invalidField(`body.units.${i}`, `${code} is not a unit within your scope`);
      paths.push(path);
    }
    const now = nowIso(this.clock);
    const task: TaskRow = {
      id: randomUUID(),
      title: input.title,
      description: input.description,
      source: input.source,
      source_ref: input.sourceRef ?? null,
      issuer_unit_code: issuerUnit,
      issuer_unit_path: (await this.org.unitPath(issuerUnit, trx))!,
      created_by: caller.auth?.actor.id ?? null,
      due_at: new Date(due).toISOString(),
      created_at: now,
    };
    const assignments: AssignmentRow[] = units.map((code, i) => ({
      id: randomUUID(), task_id: task.id, unit_code: code, unit_path: paths[i]!, status: 'assigned', due_at: task.due_at,
      requested_due_at: null, accepted_at: null, reported_at: null, closed_at: null, escalations: 0, score: null, version: 0,
    }));
    return { task, assignments };
  }

  private async write(trx: Transaction<any>, caller: Caller, task: TaskRow, assignments: AssignmentRow[]) {
    await this.repo.insertTask(trx, task, assignments);
    for (const a of assignments) {
      await this.event(trx, caller, a.id, 'assign', null, { unit: a.unit_code, dueAt: a.due_at });
      await this.inbox.post(trx, { module: 'supervision', kind: 'supervision.handle', sourceId: a.id, title: `【督办】${task.title}`, summary: task.description.slice(0, 200), link: LINK(task.id), unitCode: a.unit_code, dueAt: a.due_at });
    }
    await this.audit.record(trx, caller, { action: 'supervision.create', targetType: 'supervision_task', targetId: task.id, unitCode: task.issuer_unit_code, after: { title: task.title, units: assignments.map((a) => a.unit_code), dueAt: task.due_at } });
  }

  /** Takes one action on an assignment, checking who, from which state, and the version. */
  async act(caller: Caller, id: string, action: keyof typeof ACTIONS, input: ActionInput) {
    const taskId = await this.apply(null, caller, id, action, input, false);
    return (await this.view(taskId, caller)).assignments.find((x) => x.id === id)!;
  }

  /**
   * One action inside the caller's transaction, for modules whose own record
   * drives the assignment (a 好差评 rectification reports its task when the unit
   * records the outcome; an 一微克 alert is reported, closed or returned with it). `onBehalf`: the module has checked who may act, so the
   * assignee/issuer check is skipped; the caller is still who the history names.
   */
  async actInTransaction(trx: Transaction<any>, caller: Caller, id: string, action: keyof typeof ACTIONS, input: ActionInput, onBehalf = false): Promise<void> {
    await this.apply(trx, caller, id, action, input, onBehalf);
  }

  /** The assignment's status and version (inside a transaction when given). */
  async assignmentState(id: string, trx?: Transaction<any>): Promise<{ status: AssignmentStatus; version: number } | null> {
    const a = await this.repo.assignment(id, trx);
    return a ? { status: a.status, version: a.version } : null;
  }

  private async apply(outer: Transaction<any> | null, caller: Caller, id: string, action: keyof typeof ACTIONS, input: ActionInput, onBehalf: boolean): Promise<string> {
    const a = await this.repo.assignment(id, outer ?? undefined);
    if (!a || (!onBehalf && !this.canSee(caller, a))) throw notFound('assignment', id);
    const rule = ACTIONS[action]!;
    if (!onBehalf && rule.by === 'assignee' && !this.isAssignee(caller, a)) throw forbidden(`only the assigned unit can ${action.replace('_', ' ')}`);
    // The system (no session: jobs such as the air alerts' data verification) may take the issuer's steps.
    if (!onBehalf && rule.by === 'issuer' && caller.auth && !covers(caller.auth, 'supervision.manage', a.unit_path)) throw forbidden(`only the supervisor can ${action.replace('_', ' ')}`);
    if (a.version !== input.version) throw conflict('the assignment changed since you loaded it', { current: a.version });
    if (!rule.from.includes(a.status)) throw new DomainError('conflict', `cannot ${action.replace('_', ' ')} an assignment that is ${a.status}`, { status: a.status });
    const now = nowIso(this.clock);
    const patch: Partial<AssignmentRow> = rule.to ? { status: rule.to } : {};
    const task = (await this.repo.task(a.task_id, outer ?? undefined))!;
    const inboxWork: ((trx: Transaction<any>) => Promise<unknown>)[] = [];
    const issuerItem = (kind: string, title: string) => (trx: Transaction<any>) =>
      this.inbox.post(trx, { module: 'supervision', kind, sourceId: a.id, title, link: LINK(task.id), unitCode: task.issuer_unit_code });
    switch (action) {
      case 'accept':
        patch.accepted_at = a.accepted_at ?? now;
        break;
      case 'extension_request': {
        const newDue = Date.parse(input.newDueAt!);
        if (!(newDue > Date.parse(a.due_at))) throw invalidField('body.newDueAt', 'must be later than the current deadline');
        if (Date.parse(a.due_at) < this.clock()) throw invalidField('body.newDueAt', 'the deadline has passed: extensions must be asked for before it');
        patch.requested_due_at = new Date(newDue).toISOString();
        inboxWork.push(issuerItem('supervision.extension', `【延期申请】${task.title}`));
        break;
      }
      case 'extension_decision':
        if (input.approve) patch.due_at = a.requested_due_at!;
        patch.requested_due_at = null;
        inboxWork.push((trx) => this.inbox.complete(trx, 'supervision', a.id, 'supervision.extension'));
        break;
      case 'report':
        patch.reported_at = now;
        inboxWork.push((trx) => this.inbox.complete(trx, 'supervision', a.id, 'supervision.handle'));
        inboxWork.push((trx) => this.inbox.complete(trx, 'supervision', a.id, 'supervision.escalated'));
        inboxWork.push(issuerItem('supervision.verify', `【待核销】${task.title}`));
        break;
      case 'return':
        patch.reported_at = null;
        inboxWork.push((trx) => this.inbox.complete(trx, 'supervision', a.id, 'supervision.verify'));
        inboxWork.push((trx) => this.inbox.post(trx, { module: 'supervision', kind: 'supervision.handle', sourceId: a.id, title: `【退回重办】${task.title}`, summary: input.reason ?? null, link: LINK(task.id), unitCode: a.unit_code, dueAt: a.due_at }));
        break;
      case 'close':
        patch.closed_at = now;
        inboxWork.push((trx) => this.inbox.complete(trx, 'supervision', a.id, 'supervision.verify'));
        break;
      case 'evaluate':
        patch.score = input.score!;
        break;
    }
    const type = action === 'extension_decision' ? (input.approve ? 'extension_approved' : 'extension_rejected') : action;
    const write = async (trx: Transaction<any>) => {
      if (!(await this.repo.update(trx, a.id, a.version, patch))) throw conflict('the assignment changed since you loaded it');
      await this.event(trx, caller, a.id, type, input.text ?? input.reason ?? input.comment ?? null, { ...patch, ...(input.score ? { score: input.score } : {}) });
      for (const w of inboxWork) await w(trx);
      await this.audit.record(trx, caller, { action: `supervision.${type}`, targetType: 'supervision_assignment', targetId: a.id, unitCode: a.unit_code, before: { status: a.status, dueAt: a.due_at }, after: patch });
    };
    if (outer) await write(outer);
    else await inTransaction(this.db, write);
    return task.id;
  }

  /**
   * Escalates owed assignments past their deadline one level up the org
   * tree per `escalationStepMs` overdue: the parent unit gets an inbox item.
   */
  async escalateOverdue(caller: Caller): Promise<number> {
    const now = nowIso(this.clock);
    let n = 0;
    for (const a of await this.repo.dueForEscalation(now, this.escalationStepMs)) {
      let target: string | null = a.unit_code;
      for (let i = 0; i <= a.escalations && target; i++) target = await this.org.parentOf(target);
      const task = (await this.repo.task(a.task_id))!;
      await inTransaction(this.db, async (trx) => {
        if (!(await this.repo.update(trx, a.id, a.version, { escalations: a.escalations + 1 }))) return;
        await this.event(trx, caller, a.id, 'escalate', null, { level: a.escalations + 1, to: target });
        if (target) {
          await this.inbox.post(trx, { module: 'supervision', kind: 'supervision.escalated', sourceId: a.id, title: `【逾期升级】${task.title}（${await this.org.unitName(a.unit_code)}）`, link: LINK(task.id), unitCode: target });
        }
        await this.audit.record(trx, caller, { action: 'supervision.escalate', targetType: 'supervision_assignment', targetId: a.id, unitCode: a.unit_code, after: { escalations: a.escalations + 1, to: target } });
        n++;
      });
    }
    return n;
  }

  async list(caller: Caller, q: { role: 'assigned' | 'issued'; status: 'open' | 'closed' | 'all'; limit: number }) {
    const me = caller.auth!.principal;
    const tasks =
      q.role === 'assigned'
        ? me.unitCode ? await this.repo.tasksAssignedTo(me.unitCode, q.status === 'all' ? null : q.status === 'open', q.limit) : []
        : await this.repo.tasksIssuedWithin(scopePaths(caller.auth, 'supervision.manage'), q.limit);
    const views = await Promise.all(tasks.map((t) => this.assemble(t, caller, false)));
    if (q.role === 'assigned' || q.status === 'all') return views;
    // Issued tasks are open while any unit still has its assignment open.
    return views.filter((v) => v.assignments.some((a) => a.status !== 'closed') === (q.status === 'open'));
  }

  async get(caller: Caller, id: string) {
    return this.view(id, caller);
  }

  async stats(caller: Caller, within?: string) {
    const root = within ?? caller.auth!.principal.unitCode;
    const path = root ? await this.org.unitPath(root) : null;
    if (!root || !path || !covers(caller.auth, 'supervision.manage', path)) throw notFound('org unit', root ?? '');
    const rows = await this.repo.stats(path, nowIso(this.clock));
    return Promise.all(
      rows.map(async (r) => ({
        unit: { code: r.unit_code, name: await this.org.unitName(r.unit_code) },
        assigned: Number(r.assigned),
        open: Number(r.open),
        overdue: Number(r.overdue),
        closed: Number(r.closed),
        closedOnTime: Number(r.closed_on_time),
        onTimeRate: Number(r.closed) > 0 ? Number(r.closed_on_time) / Number(r.closed) : null,
        averageScore: r.average_score === null ? null : Number(r.average_score),
        escalations: Number(r.escalations),
      })),
    );
  }

  private isAssignee(caller: Caller, a: AssignmentRow): boolean {
    const me = caller.auth?.principal;
    return !!me && me.kind === 'staff' && me.unitCode === a.unit_code;
  }

  private canSee(caller: Caller, a: AssignmentRow): boolean {
    // No session means the system itself (jobs, CLI): it sees everything.
    if (!caller.auth) return true;
    return this.isAssignee(caller, a) || covers(caller.auth, 'supervision.manage', a.unit_path);
  }

  private async view(taskId: string, caller: Caller) {
    const task = await this.repo.task(taskId);
    if (!task) throw notFound('supervision task', taskId);
    const v = await this.assemble(task, caller, true);
    if (v.assignments.length === 0) throw notFound('supervision task', taskId);
    return v;
  }

  /** A task with the assignments the caller may see (all for the supervisor; their own for a unit). */
  private async assemble(task: TaskRow, caller: Caller, withEvents: boolean) {
    const all = await this.repo.assignmentsOf([task.id]);
    const visible = all.filter((a) => this.canSee(caller, a));
    const events = withEvents ? await this.repo.eventsOf(visible.map((a) => a.id)) : [];
    const now = nowIso(this.clock);
    return {
      id: task.id,
      title: task.title,
      description: task.description,
      source: task.source,
      sourceRef: task.source_ref,
      issuerUnit: { code: task.issuer_unit_code, name: await this.org.unitName(task.issuer_unit_code) },
      createdBy: task.created_by,
      createdAt: task.created_at,
      dueAt: task.due_at,
      assignments: await Promise.all(
        visible.map(async (a) => ({
          id: a.id,
          taskId: a.task_id,
          unit: { code: a.unit_code, name: await this.org.unitName(a.unit_code) },
          status: a.status,
          dueAt: a.due_at,
          acceptedAt: a.accepted_at,
          reportedAt: a.reported_at,
          closedAt: a.closed_at,
          overdue: OWING.includes(a.status) && a.due_at < now,
          escalations: a.escalations,
          score: a.score,
          version: a.version,
          ...(withEvents ? { events: events.filter((e) => e.assignment_id === a.id).map(toEvent) } : {}),
        })),
      ),
    };
  }

  private event(trx: Transaction<any>, caller: Caller, assignmentId: string, type: string, text: string | null, data: unknown) {
    return this.repo.insertEvent(trx, { id: sortableId(), assignment_id: assignmentId, at: nowIso(this.clock), actor_id: caller.auth?.actor.id ?? null, type, text, data_json: data ? JSON.stringify(data) : null });
  }
}

function toEvent(e: EventRow) {
  return { at: e.at, actorId: e.actor_id, type: e.type, text: e.text, data: e.data_json ? JSON.parse(e.data_json) : null };
}
