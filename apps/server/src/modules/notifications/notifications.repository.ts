import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import { engineOf, prepared, execute } from '@jing/db';

export interface NotificationRow {
  id: string;
  account_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface OutboxRow {
  id: string;
  channel: 'sms' | 'email';
  account_id: string;
  recipient: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  created_at: string;
}

interface Tables {
  notifications: NotificationRow;
  notification_outbox: OutboxRow;
}

const COLUMNS = ['id', 'account_id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'] as const satisfies readonly (keyof NotificationRow)[];
const OUTBOX_COLUMNS = ['id', 'channel', 'account_id', 'recipient', 'subject', 'body', 'status', 'created_at'] as const satisfies readonly (keyof OutboxRow)[];
const insertSql = (table: string, cols: readonly string[]) => `insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`;

/** The only SQL of notifications. */
export class NotificationRepository {
  private readonly db: Kysely<Tables>;
  /** Every step of every application notifies: the inserts are compiled once (ADR 0014). */
  private readonly sql: Record<'insert' | 'insertOutbox', (params: readonly unknown[]) => CompiledQuery>;

  constructor(db: Kysely<any>) {
    this.db = db;
    const engine = engineOf(db);
    this.sql = { insert: prepared(engine, insertSql('notifications', COLUMNS)), insertOutbox: prepared(engine, insertSql('notification_outbox', OUTBOX_COLUMNS)) };
  }

  async insert(trx: Transaction<any>, row: NotificationRow): Promise<void> {
    await execute(trx, this.sql.insert(COLUMNS.map((c) => row[c])));
  }

  async insertOutbox(trx: Transaction<any>, row: OutboxRow): Promise<void> {
    await execute(trx, this.sql.insertOutbox(OUTBOX_COLUMNS.map((c) => row[c])));
  }

  list(accountId: string, limit: number): Promise<NotificationRow[]> {
    return this.db.selectFrom('notifications').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  async unread(accountId: string): Promise<number> {
    const r = await this.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async markRead(accountId: string, ids: string[] | null, at: string): Promise<number> {
    let q = this.db.updateTable('notifications').set({ read_at: at }).where('account_id', '=', accountId).where('read_at', 'is', null);
    if (ids) {
      if (ids.length === 0) return 0;
      q = q.where('id', 'in', ids);
    }
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  outbox(channel: 'sms' | 'email' | undefined, limit: number): Promise<OutboxRow[]> {
    let q = this.db.selectFrom('notification_outbox').selectAll();
    if (channel) q = q.where('channel', '=', channel);
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
