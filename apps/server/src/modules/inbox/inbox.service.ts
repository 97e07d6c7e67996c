import { sortableId } from '../../platform/ids.ts';
import type { Transaction } from 'kysely';
import { nowIso } from '@jing/db';
import type { TrafficLight, WorkItem } from '@jing/contracts';
import type { Caller } from '../../platform/auth/context.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { InboxRepository, WorkItemRow } from './inbox.repository.ts';

/** What a module posts to an inbox. */
export interface NewWorkItem {
  module: string;
  kind: string;
  sourceId: string;
  title: string;
  summary?: string | null;
  link: string;
  /** The unit whose inbox receives it. */
  unitCode: string;
  /** A person within the unit, when the work is theirs alone. */
  assigneeId?: string | null;
  /** The deadline (UTC instant); none for work without a limit. */
  dueAt?: string | null;
  /** When the light turns yellow; default: when 80% of the time to the deadline has passed. */
  yellowAt?: string | null;
}

/** Green, yellow (near the limit) or red (overdue) for a deadline at `now`. */
export function lightOf(dueAt: string | null, yellowAt: string | null, now: string): TrafficLight {
  if (!dueAt) return 'none';
  if (dueAt < now) return 'red';
  if (yellowAt && yellowAt <= now) return 'yellow';
  return 'green';
}

/**
 * One to-do inbox per person and per unit, fed by every module. Modules post
 * and close items inside their own transactions; people read them here.
 */
export class InboxService {
  constructor(
    private readonly repo: InboxRepository,
    private readonly unitPath: (code: string, trx?: Transaction<any>) => Promise<string | null>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Posts an item inside the caller's transaction; returns its id. */
  async post(trx: Transaction<any>, item: NewWorkItem): Promise<string> {
    const path = await this.unitPath(item.unitCode, trx);
    if (!path) throw notFound('org unit', item.unitCode);
    const now = nowIso(this.clock);
    let yellowAt = item.yellowAt ?? null;
    if (item.dueAt && !yellowAt) {
      const start = this.clock();
      const due = Date.parse(item.dueAt);
      yellowAt = new Date(start + Math.max(0, due - start) * 0.8).toISOString();
    }
    const row: WorkItemRow = {
      id: sortableId(),
      module: item.module,
      kind: item.kind,
      source_id: item.sourceId,
      title: item.title,
      summary: item.summary ?? null,
      link: item.link,
      assignee_id: item.assigneeId ?? null,
      unit_code: item.unitCode,
      unit_path: path,
      status: 'open',
      due_at: item.dueAt ?? null,
      yellow_at: yellowAt,
      created_at: now,
      updated_at: now,
      completed_at: null,
    };
    await this.repo.insert(trx, row);
    return row.id;
  }

  /** Marks the open items of a source record done (or of one kind only, or of one unit only). */
  complete(trx: Transaction<any>, module: string, sourceId: string, kind?: string, unitCode?: string): Promise<number> {
    return this.repo.close(trx, module, sourceId, kind ?? null, 'done', nowIso(this.clock), unitCode);
  }

  cancel(trx: Transaction<any>, module: string, sourceId: string, kind?: string): Promise<number> {
    return this.repo.close(trx, module, sourceId, kind ?? null, 'cancelled', nowIso(this.clock));
  }

  async list(caller: Caller, q: { box: 'mine' | 'unit'; status: 'open' | 'done' | 'all'; light?: TrafficLight; limit: number; offset: number }) {
    const me = caller.auth!.principal;
    if (me.kind !== 'staff' || !me.unitCode) throw new DomainError('forbidden', 'the inbox is for staff');
    const now = nowIso(this.clock);
    const filter = { personId: q.box === 'mine' ? me.id : undefined, unitCode: me.unitCode, status: q.status, light: q.light, now, limit: q.limit, offset: q.offset };
    const [rows, counts] = await Promise.all([this.repo.list(filter), this.repo.counts({ ...filter, light: undefined })]);
    return { items: rows.map((r) => toWorkItem(r, now)), counts };
  }

  /** Items of a source record, for the module that posted them. */
  async ofSource(module: string, sourceId: string): Promise<WorkItem[]> {
    const now = nowIso(this.clock);
    return (await this.repo.bySource(module, sourceId)).map((r) => toWorkItem(r, now));
  }
}

function toWorkItem(r: WorkItemRow, now: string): WorkItem {
  return {
    id: r.id,
    module: r.module,
    kind: r.kind,
    sourceId: r.source_id,
    title: r.title,
    summary: r.summary,
    link: r.link,
    assigneeId: r.assignee_id,
    unitCode: r.unit_code,
    status: r.status,
    dueAt: r.due_at,
    light: r.status === 'open' ? lightOf(r.due_at, r.yellow_at, now) : 'none',
    createdAt: r.created_at,
    completedAt: r.completed_at,
  };
}
