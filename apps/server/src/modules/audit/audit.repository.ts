import type { Kysely, Transaction } from 'kysely';
import type { DialectHelper } from '@jing/db';

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  on_behalf_of_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  unit_code: string | null;
  unit_path: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

interface Tables {
  audit_log: AuditRow;
  audit_head: { id: number; seq: number; hash: string };
}

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  actorId?: string;
  beforeSeq?: number;
  limit: number;
  /** Only entries whose unit path starts with one of these; `null` means no restriction. */
  scopePaths: string[] | null;
}

/** Advisory-lock key that serialises appends to the chain on PostgreSQL. */
const AUDIT_LOCK = 0x6a696e67; // "jing"

/** The only SQL of the audit log. */
export class AuditRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly dialect: DialectHelper,
  ) {}

  /** Locks the chain for this transaction and returns its head. */
  async lockHead(trx: Transaction<any>): Promise<{ seq: number; hash: string }> {
    await this.dialect.lockResource(trx, AUDIT_LOCK);
    const head = await (trx as Transaction<Tables>).selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    return head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: GENESIS };
  }

  async append(trx: Transaction<any>, row: AuditRow): Promise<void> {
    const t = trx as Transaction<Tables>;
    await t.insertInto('audit_log').values(row).execute();
    if (row.seq === 1) await t.insertInto('audit_head').values({ id: 1, seq: row.seq, hash: row.hash }).execute();
    else await t.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
  }

  async head(): Promise<{ seq: number; hash: string } | null> {
    const h = await this.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    return h ? { seq: Number(h.seq), hash: h.hash } : null;
  }

  /** Entries in chain order, `limit` at a time, after `afterSeq`. */
  async page(afterSeq: number, limit: number): Promise<AuditRow[]> {
    return this.db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  }

  async list(f: AuditFilter): Promise<AuditRow[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (f.targetType) q = q.where('target_type', '=', f.targetType);
    if (f.targetId) q = q.where('target_id', '=', f.targetId);
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
    if (f.scopePaths) {
      const paths = f.scopePaths;
      if (paths.length === 0) return [];
      q = q.where((eb) => eb.or(paths.map((p) => eb('unit_path', 'like', `${p}%`))));
    }
    return q.orderBy('seq', 'desc').limit(f.limit).execute();
  }
}

export const GENESIS = '0'.repeat(64);
