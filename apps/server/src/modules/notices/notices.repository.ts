import type { Kysely, Transaction } from 'kysely';

export interface NoticeRow {
  id: string;
  title: string;
  body: string;
  issuer_unit_code: string;
  issuer_id: string | null;
  target_unit_code: string;
  target_path: string;
  requires_ack: number;
  ack_due_at: string | null;
  published_at: string;
}

export interface ReceiptRow {
  notice_id: string;
  account_id: string;
  read_at: string | null;
  acked_at: string | null;
}

interface Tables {
  notices: NoticeRow;
  notice_receipts: ReceiptRow;
}

/** The only SQL of notices. */
export class NoticeRepository {
  private readonly db: Kysely<Tables>;
  constructor(db: Kysely<any>) {
    this.db = db;
  }

  async insert(trx: Transaction<any>, row: NoticeRow): Promise<void> {
    await (trx as Transaction<Tables>).insertInto('notices').values(row).execute();
  }

  get(id: string): Promise<NoticeRow | undefined> {
    return this.db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Notices whose target is one of `paths` (the reader's unit and its ancestors), with the reader's receipt. */
  forReader(paths: string[], accountId: string, unreadOnly: boolean, limit: number) {
    let q = this.db
      .selectFrom('notices as n')
      .leftJoin('notice_receipts as r', (j) => j.onRef('r.notice_id', '=', 'n.id').on('r.account_id', '=', accountId))
      .selectAll('n')
      .select(['r.read_at', 'r.acked_at'])
      .where('n.target_path', 'in', paths);
    if (unreadOnly) q = q.where('r.read_at', 'is', null);
    return q.orderBy('n.published_at', 'desc').limit(limit).execute();
  }

  /** Notices an account published, newest first. */
  byIssuer(issuerId: string, limit: number): Promise<NoticeRow[]> {
    return this.db.selectFrom('notices').selectAll().where('issuer_id', '=', issuerId).orderBy('published_at', 'desc').limit(limit).execute();
  }

  receipt(noticeId: string, accountId: string): Promise<ReceiptRow | undefined> {
    return this.db.selectFrom('notice_receipts').selectAll().where('notice_id', '=', noticeId).where('account_id', '=', accountId).executeTakeFirst();
  }

  receipts(noticeId: string): Promise<ReceiptRow[]> {
    return this.db.selectFrom('notice_receipts').selectAll().where('notice_id', '=', noticeId).execute();
  }

  /** Records a read (and an acknowledgement); the first time of each is kept. */
  async mark(trx: Transaction<any>, noticeId: string, accountId: string, at: string, ack: boolean): Promise<void> {
    const t = trx as Transaction<Tables>;
    const existing = await t.selectFrom('notice_receipts').selectAll().where('notice_id', '=', noticeId).where('account_id', '=', accountId).executeTakeFirst();
    if (!existing) {
      await t.insertInto('notice_receipts').values({ notice_id: noticeId, account_id: accountId, read_at: at, acked_at: ack ? at : null }).execute();
      return;
    }
    await t
      .updateTable('notice_receipts')
      .set({ read_at: existing.read_at ?? at, acked_at: ack ? (existing.acked_at ?? at) : existing.acked_at })
      .where('notice_id', '=', noticeId)
      .where('account_id', '=', accountId)
      .execute();
  }
}
