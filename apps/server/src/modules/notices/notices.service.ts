import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import { covers, type Caller } from '../../platform/auth/context.ts';
import { DomainError, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { InboxService } from '../inbox/index.ts';
import type { NoticeRepository, NoticeRow } from './notices.repository.ts';

export interface NoticeDeps {
  unitPath(code: string): Promise<string | null>;
  unitName(code: string): Promise<string>;
  /** Staff of a unit's whole subtree. */
  staffIn(code: string): Promise<{ id: string; displayName: string; unitCode: string }[]>;
}

/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']: the paths a notice to any of which reaches a reader at c. */
function ancestorPaths(path: string): string[] {
  const codes = path.split('/').filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
}

/** 通知公告: notices to an org subtree, with per-person read and acknowledgement tracking. */
export class NoticeService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly repo: NoticeRepository,
    private readonly audit: AuditLog,
    private readonly inbox: InboxService,
    private readonly deps: NoticeDeps,
    private readonly clock: () => number = Date.now,
  ) {}

  async publish(caller: Caller, input: { title: string; body: string; targetUnit: string; requiresAck: boolean; ackDueAt?: string }) {
    const me = caller.auth!.principal;
    if (!me.unitCode) throw new DomainError('forbidden', 'only staff can publish notices');
    const path = await this.deps.unitPath(input.targetUnit);
    if (!path || !covers(caller.auth, 'notices.publish', path)) throw invalidField('body.targetUnit', `${input.targetUnit} is not a unit within your scope`);
    if (input.ackDueAt && !input.requiresAck) throw invalidField('body.ackDueAt', 'only for notices that require acknowledgement');
    if (input.ackDueAt && !(Date.parse(input.ackDueAt) > this.clock())) throw invalidField('body.ackDueAt', 'must be in the future');
    const row: NoticeRow = {
      id: randomUUID(),
      title: input.title,
      body: input.body,
      issuer_unit_code: me.unitCode,
      issuer_id: caller.auth!.actor.id,
      target_unit_code: input.targetUnit,
      target_path: path,
      requires_ack: input.requiresAck ? 1 : 0,
      ack_due_at: input.ackDueAt ? new Date(input.ackDueAt).toISOString() : null,
      published_at: nowIso(this.clock),
    };
    const recipients = input.requiresAck ? await this.deps.staffIn(input.targetUnit) : [];
    await inTransaction(this.db, async (trx) => {
      await this.repo.insert(trx, row);
      // Acknowledging is a to-do for each recipient, so it shows in everyone's inbox.
      for (const r of recipients) {
        await this.inbox.post(trx, { module: 'notices', kind: 'notice.ack', sourceId: `${row.id}:${r.id}`, title: `【通知】${row.title}`, link: `/ban/notices/${row.id}`, unitCode: r.unitCode, assigneeId: r.id, dueAt: row.ack_due_at });
      }
      await this.audit.record(trx, caller, { action: 'notices.publish', targetType: 'notice', targetId: row.id, unitCode: input.targetUnit, after: { title: row.title, target: input.targetUnit, requiresAck: input.requiresAck, recipients: recipients.length } });
    });
    return this.view(row, null, null);
  }

  async list(caller: Caller, unreadOnly: boolean, limit: number) {
    const me = caller.auth!.principal;
    const path = me.unitCode ? await this.deps.unitPath(me.unitCode) : null;
    if (!path) return { items: [], unread: 0 };
    const rows = await this.repo.forReader(ancestorPaths(path), me.id, unreadOnly, limit);
    const unread = unreadOnly ? rows.length : (await this.repo.forReader(ancestorPaths(path), me.id, true, 1000)).length;
    return { items: await Promise.all(rows.map((r) => this.view(r, r.read_at, r.acked_at))), unread };
  }

  /** 我发布的: the notices the caller published, with read and acknowledged counts out of the current recipients. */
  async published(caller: Caller, limit: number) {
    const rows = await this.repo.byIssuer(caller.auth!.actor.id, limit);
    const staff = new Map<string, Promise<Set<string>>>(); // per target unit
    const staffOf = (code: string) => {
      let ids = staff.get(code);
      if (!ids) staff.set(code, (ids = this.deps.staffIn(code).then((list) => new Set(list.map((s) => s.id)))));
      return ids;
    };
    return {
      items: await Promise.all(rows.map(async (r) => {
        // Counted among the current recipients, as the receipts page counts them.
        const [recipients, receipts] = await Promise.all([staffOf(r.target_unit_code), this.repo.receipts(r.id)]);
        const mine = receipts.filter((x) => recipients.has(x.account_id));
        return { ...(await this.view(r, null, null)), recipients: recipients.size, read: mine.filter((x) => x.read_at).length, acked: mine.filter((x) => x.acked_at).length };
      })),
    };
  }

  async get(caller: Caller, id: string) {
    const row = await this.visible(caller, id);
    const receipt = await this.repo.receipt(id, caller.auth!.principal.id);
    return this.view(row, receipt?.read_at ?? null, receipt?.acked_at ?? null);
  }

  async mark(caller: Caller, id: string, ack: boolean): Promise<void> {
    const row = await this.visible(caller, id);
    if (!(await this.isRecipient(caller, row))) throw notFound('notice', id);
    if (ack && !row.requires_ack) throw new DomainError('conflict', 'this notice needs no acknowledgement');
    const me = caller.auth!.principal;
    const before = await this.repo.receipt(id, me.id);
    if (before?.read_at && (!ack || before.acked_at)) return; // nothing changes
    await inTransaction(this.db, async (trx) => {
      await this.repo.mark(trx, id, me.id, nowIso(this.clock), ack);
      if (ack) await this.inbox.complete(trx, 'notices', `${id}:${me.id}`);
      await this.audit.record(trx, caller, { action: ack ? 'notices.ack' : 'notices.read', targetType: 'notice', targetId: id, unitCode: me.unitCode });
    });
  }

  async receipts(caller: Caller, id: string) {
    const row = await this.repo.get(id);
    if (!row || !covers(caller.auth, 'notices.publish', row.target_path)) throw notFound('notice', id);
    const [staff, receipts] = await Promise.all([this.deps.staffIn(row.target_unit_code), this.repo.receipts(id)]);
    const byAccount = new Map(receipts.map((r) => [r.account_id, r]));
    const items = staff.map((s) => ({ accountId: s.id, displayName: s.displayName, unitCode: s.unitCode, readAt: byAccount.get(s.id)?.read_at ?? null, ackedAt: byAccount.get(s.id)?.acked_at ?? null }));
    return { recipients: items.length, read: items.filter((i) => i.readAt).length, acked: items.filter((i) => i.ackedAt).length, items };
  }

  private async isRecipient(caller: Caller, row: NoticeRow): Promise<boolean> {
    const me = caller.auth!.principal;
    const path = me.unitCode ? await this.deps.unitPath(me.unitCode) : null;
    return !!path && path.startsWith(row.target_path);
  }

  /** Recipients and the publishers' scope may see a notice; others get 404. */
  private async visible(caller: Caller, id: string): Promise<NoticeRow> {
    const row = await this.repo.get(id);
    if (!row || !((await this.isRecipient(caller, row)) || covers(caller.auth, 'notices.publish', row.target_path))) throw notFound('notice', id);
    return row;
  }

  private async view(r: NoticeRow, readAt: string | null, ackedAt: string | null) {
    return {
      id: r.id,
      title: r.title,
      body: r.body,
      issuerUnit: { code: r.issuer_unit_code, name: await this.deps.unitName(r.issuer_unit_code) },
      target: { code: r.target_unit_code, name: await this.deps.unitName(r.target_unit_code) },
      requiresAck: r.requires_ack === 1,
      ackDueAt: r.ack_due_at,
      publishedAt: r.published_at,
      readAt,
      ackedAt,
    };
  }
}
