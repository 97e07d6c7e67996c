import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import { prepared, type DialectHelper, execute } from '@jing/db';

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

const COLUMNS = ['seq', 'at', 'actor_id', 'on_behalf_of_id', 'action', 'target_type', 'target_id', 'unit_code', 'unit_path', 'before_json', 'after_json', 'request_id', 'prev_hash', 'hash'] as const satisfies readonly (keyof AuditRow)[];

/** The only SQL of the audit log. */
export class AuditRepository {
  /** Every change of every module appends here: its statements are compiled once (ADR 0014). */
  private readonly sql: Record<'head' | 'insert' | 'firstHead' | 'moveHead', (params: readonly unknown[]) => CompiledQuery>;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly dialect: DialectHelper,
  ) {
    const q = (text: string) => prepared(dialect.engine, text);
    this.sql = {
      head: q('select seq, hash from audit_head where id = 1'),
      insert: q(`insert into audit_log (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`),
      firstHead: q('insert into audit_head (id, seq, hash) values (1, ?, ?)'),
      moveHead: q('update audit_head set seq = ?, hash = ? where id = 1'),
    };
  }

  /**
   * The head each open transaction has moved the chain to: a transaction that
   * records several entries (a batch of intakes) locks and reads the head once.
   * Nothing in Jing rolls back part of a transaction, so the head it wrote last
   * is the head it sees.
   */
  private readonly heads = new WeakMap<Transaction<any>, { seq: number; hash: string }>();

  /** Locks the chain for this transaction and returns its head. */
  async lockHead(trx: Transaction<any>): Promise<{ seq: number; hash: string }> {
    const held = this.heads.get(trx);
    if (held) return held;
    await this.dialect.lockResource(trx, AUDIT_LOCK);
    const head = (await execute<{ seq: number | string; hash: string }>(trx, this.sql.head([]))).rows[0];
    return head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: GENESIS };
  }

  async append(trx: Transaction<any>, row: AuditRow): Promise<void> {
    await execute(trx, this.sql.insert(COLUMNS.map((c) => row[c])));
    await execute(trx, row.seq === 1 ? this.sql.firstHead([row.seq, row.hash]) : this.sql.moveHead([row.seq, row.hash]));
    this.heads.set(trx, { seq: row.seq, hash: row.hash });
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
