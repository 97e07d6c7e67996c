import type { Transaction } from 'kysely';
import { nowIso } from '@jing/db';
import type { Caller } from '../../platform/auth/context.ts';
import { sortableId } from '../../platform/ids.ts';
import type { NotificationRepository, NotificationRow, OutboxRow } from './notifications.repository.ts';

/** One message to one account, sent in-app and through every channel adapter. */
export interface Message {
  accountId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/** Where an account can be reached outside the app (masked addresses only: the outbox is read by operators). */
export interface Reachability {
  phoneMasked: string | null;
  emailMasked: string | null;
}

/**
 * An outside channel (SMS, e-mail). It is called inside the transaction of the
 * change it reports, so a message exists exactly when the change does. The
 * default adapters write to the outbox table; a real gateway would drain it.
 */
export interface ChannelAdapter {
  readonly channel: 'sms' | 'email';
  send(trx: Transaction<any>, message: Message, to: Reachability): Promise<void>;
}

/** The default adapter of a channel: a row in `notification_outbox` an operator can read. */
export class OutboxAdapter implements ChannelAdapter {
  constructor(
    readonly channel: 'sms' | 'email',
    private readonly repo: NotificationRepository,
    private readonly clock: () => number = Date.now,
  ) {}

  async send(trx: Transaction<any>, m: Message, to: Reachability): Promise<void> {
    const address = this.channel === 'sms' ? to.phoneMasked : to.emailMasked;
    const row: OutboxRow = {
      id: sortableId(),
      channel: this.channel,
      account_id: m.accountId,
      recipient: address ?? `account:${m.accountId}`,
      subject: m.title,
      body: this.channel === 'sms' ? `【京通】${m.title}：${m.body}` : m.body,
      status: 'pending',
      created_at: nowIso(this.clock),
    };
    await this.repo.insertOutbox(trx, row);
  }
}

const view = (r: NotificationRow) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at });

/** 消息通知: in-app messages with an unread count, plus SMS and e-mail through adapters. */
export class NotificationService {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly adapters: ChannelAdapter[],
    private readonly reach: (accountId: string, trx: Transaction<any>) => Promise<Reachability>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Sends a message inside the caller's transaction: in-app, then each channel (`to`: where to reach them, when the caller knows). */
  async notify(trx: Transaction<any>, m: Message, to?: Reachability): Promise<void> {
    await this.repo.insert(trx, { id: sortableId(), account_id: m.accountId, kind: m.kind, title: m.title, body: m.body, link: m.link ?? null, created_at: nowIso(this.clock), read_at: null });
    if (this.adapters.length === 0) return;
    const where = to ?? (await this.reach(m.accountId, trx));
    for (const a of this.adapters) await a.send(trx, m, where);
  }

  async list(caller: Caller, limit: number) {
    const me = caller.auth!.principal.id;
    const [rows, unread] = await Promise.all([this.repo.list(me, limit), this.repo.unread(me)]);
    return { items: rows.map(view), unread };
  }

  async unread(caller: Caller): Promise<number> {
    return this.repo.unread(caller.auth!.principal.id);
  }

  async markRead(caller: Caller, input: { ids?: string[]; all?: boolean }): Promise<void> {
    await this.repo.markRead(caller.auth!.principal.id, input.all ? null : (input.ids ?? []), nowIso(this.clock));
  }

  async outbox(channel: 'sms' | 'email' | undefined, limit: number) {
    return (await this.repo.outbox(channel, limit)).map((r) => ({ id: r.id, channel: r.channel, accountId: r.account_id, recipient: r.recipient, subject: r.subject, body: r.body, status: r.status, createdAt: r.created_at }));
  }
}
