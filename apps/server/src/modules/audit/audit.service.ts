import { sha256 } from '../../platform/hash.ts';
import type { Transaction } from 'kysely';
import { nowIso } from '@jing/db';
import type { AuditEntry, AuditVerification } from '@jing/contracts';
import type { Caller } from '../../platform/auth/context.ts';
import { scopePaths } from '../../platform/auth/context.ts';
import { GENESIS, type AuditFilter, type AuditRepository, type AuditRow } from './audit.repository.ts';

/** What a module says about a change it made. */
export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string;
  /** The org unit the change belongs to: auditors see entries within their scope. */
  unitCode?: string | null;
  before?: unknown;
  after?: unknown;
  /** Overrides the actor when there is no session yet (self-registration, sign-in). */
  actorId?: string;
}

/** Fields hashed into an entry, in a fixed order. */
function entryHash(r: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    r.seq, r.at, r.actor_id, r.on_behalf_of_id, r.action, r.target_type, r.target_id,
    r.unit_code, r.unit_path, r.before_json, r.after_json, r.request_id, r.prev_hash,
  ]);
  return sha256(canonical);
}

function toJson(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/**
 * The tamper-evident audit log: every state change in every module is
 * recorded here in the same transaction, each entry hash-chained to the one
 * before (ADR 0006).
 */
export class AuditLog {
  constructor(
    private readonly repo: AuditRepository,
    /** Resolves a unit's path inside the given transaction (SQLite has one connection: reading outside it would wait forever). */
    private readonly unitPath: (code: string, trx: Transaction<any>) => Promise<string | null>,
    private readonly clock: () => number = Date.now,
    /** Told of every action, to move the epoch of the cached topic it changes (ADR 0019). */
    private readonly epochs?: { topicOf(action: string): string | null; bump(trx: Transaction<any>, topic: string): Promise<void> },
  ) {}

  /** Appends an entry inside the caller's transaction. */
  async record(trx: Transaction<any>, caller: Caller, rec: AuditRecord): Promise<void> {
    const head = await this.repo.lockHead(trx);
    const actor = rec.actorId ?? caller.auth?.actor.id ?? null;
    const principal = rec.actorId ? rec.actorId : (caller.auth?.principal.id ?? null);
    const row: Omit<AuditRow, 'hash'> = {
      seq: head.seq + 1,
      at: nowIso(this.clock),
      actor_id: actor,
      on_behalf_of_id: principal && principal !== actor ? principal : null,
      action: rec.action,
      target_type: rec.targetType,
      target_id: rec.targetId,
      unit_code: rec.unitCode ?? null,
      unit_path: rec.unitCode ? await this.unitPath(rec.unitCode, trx) : null,
      before_json: toJson(rec.before),
      after_json: toJson(rec.after),
      request_id: caller.requestId,
      prev_hash: head.hash,
    };
    await this.repo.append(trx, { ...row, hash: entryHash(row) });
    const topic = this.epochs?.topicOf(rec.action);
    if (topic) await this.epochs!.bump(trx, topic);
  }

  /** Walks the whole chain and names the first entry that does not fit. */
  async verify(onProgress?: (checked: number, total: number) => void): Promise<AuditVerification> {
    const head = await this.repo.head();
    const total = head?.seq ?? 0;
    let expectedSeq = 1;
    let prev = GENESIS;
    let checked = 0;
    for (;;) {
      const rows = await this.repo.page(expectedSeq - 1, 2000);
      if (rows.length === 0) break;
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expectedSeq) return bad(checked, expectedSeq, `entry ${expectedSeq} is missing (deleted or renumbered)`);
        if (r.prev_hash !== prev) return bad(checked, seq, 'does not link to the previous entry (an entry before it was changed, deleted or reordered)');
        const { hash, ...rest } = r;
        if (entryHash({ ...rest, seq }) !== hash) return bad(checked, seq, 'content does not match its hash (edited)');
        prev = hash;
        expectedSeq++;
        checked++;
      }
      onProgress?.(checked, total);
    }
    if (head && (head.seq !== checked || head.hash !== prev)) {
      return bad(checked, checked + 1, `the chain ends at ${checked} but the head says ${head.seq} (entries deleted from the end)`);
    }
    return { ok: true, entries: checked, firstBad: null };
  }

  async list(caller: Caller, f: Omit<AuditFilter, 'scopePaths'>): Promise<AuditEntry[]> {
    const paths = scopePaths(caller.auth, 'audit.read');
    // A grant at a root (a province-level unit) sees every entry, including ones with no unit.
    const unrestricted = paths.some((p) => this.isRoot(p));
    const rows = await this.repo.list({ ...f, scopePaths: unrestricted ? null : paths });
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_id,
      onBehalfOfId: r.on_behalf_of_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      unitCode: r.unit_code,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
      requestId: r.request_id,
      hash: r.hash,
    }));
  }

  private isRoot(path: string): boolean {
    return /^\/[0-9]{2}0000\/$/.test(path);
  }
}

function bad(entries: number, seq: number, reason: string): AuditVerification {
  return { ok: false, entries, firstBad: { seq, reason } };
}
