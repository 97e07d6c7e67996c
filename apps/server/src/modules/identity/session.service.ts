import { randomBytes } from 'node:crypto';
import { sha256 } from '../../platform/hash.ts';
import type { Kysely } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import { ROLES, type Me, type Permission, type Role } from '@jing/contracts';
import type { AuthContext, Caller, ScopedGrant, Subject } from '../../platform/auth/context.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { LruCache } from '../../platform/cache.ts';
import { DomainError, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { IdentityRepository, AccountRow, SessionRow } from './identity.repository.ts';

export interface SessionSettings {
  ttlMs: number;
  maxFailures: number;
  lockMs: number;
}

export const subjectOf = (a: AccountRow): Subject => ({ id: a.id, kind: a.kind, displayName: a.display_name, unitCode: a.unit_code });
const hashToken = (token: string) => sha256(token, 'base64url');

/**
 * Sign-in, sessions and who-is-calling. Session tokens are random; only their
 * SHA-256 is stored, so a database leak does not leak live sessions.
 */
export class SessionService {
  // Resolving a session costs several reads; cache it briefly. Any identity
  // write clears the cache, so a revoked grant or ended session takes effect at once.
  private readonly contexts = new LruCache<string, { ctx: AuthContext | null; at: number }>(10_000);

  constructor(
    private readonly db: Kysely<any>,
    private readonly repo: IdentityRepository,
    private readonly audit: AuditLog,
    private readonly unitPath: (code: string) => Promise<string | null>,
    private readonly unitName: (code: string) => Promise<string | null>,
    private readonly settings: SessionSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  invalidate(): void {
    this.contexts.clear();
  }

  /** Checks the password; on success opens a session and returns its token. */
  async login(caller: Caller, username: string, password: string): Promise<{ token: string; me: Me }> {
    const account = await this.repo.accountByUsername(username);
    const now = this.clock();
    if (!account || !account.password_hash) {
      await verifyPassword(await dummyHash(), password); // same time whether or not the user exists
      throw new DomainError('invalid_credentials', 'wrong username or password');
    }
    if (account.locked_until && Date.parse(account.locked_until) > now) {
      throw new DomainError('rate_limited', 'too many failed sign-ins; try again later', { lockedUntil: account.locked_until });
    }
    if (!(await verifyPassword(account.password_hash, password))) {
      const failures = account.failed_logins + 1;
      const lock = failures >= this.settings.maxFailures;
      await inTransaction(this.db, async (trx) => {
        await this.repo.updateAccount(trx, account.id, {
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? new Date(now + this.settings.lockMs).toISOString() : account.locked_until,
        });
        await this.audit.record(trx, caller, { action: lock ? 'auth.lock' : 'auth.login_failed', targetType: 'account', targetId: account.id, unitCode: account.unit_code, actorId: account.id });
      });
      throw new DomainError('invalid_credentials', 'wrong username or password');
    }
    const token = randomBytes(32).toString('base64url');
    const session: SessionRow = {
      id_hash: hashToken(token),
      account_id: account.id,
      csrf_token: randomBytes(24).toString('base64url'),
      acting_for_id: null,
      created_at: nowIso(this.clock),
      expires_at: new Date(now + this.settings.ttlMs).toISOString(),
    };
    await inTransaction(this.db, async (trx) => {
      await this.repo.insertSession(trx, session);
      await this.repo.updateAccount(trx, account.id, { failed_logins: 0, locked_until: null });
      await this.audit.record(trx, caller, { action: 'auth.login', targetType: 'account', targetId: account.id, unitCode: account.unit_code, actorId: account.id });
    });
    const ctx = await this.contextOf(session);
    return { token, me: await this.me(ctx!) };
  }

  async logout(caller: Caller): Promise<void> {
    const auth = caller.auth!;
    await inTransaction(this.db, async (trx) => {
      await this.repo.deleteSession(trx, auth.sessionId);
      await this.audit.record(trx, caller, { action: 'auth.logout', targetType: 'account', targetId: auth.actor.id, unitCode: auth.actor.unitCode });
    });
    this.invalidate();
  }

  async changePassword(caller: Caller, current: string, next: string): Promise<void> {
    const auth = caller.auth!;
    const account = await this.repo.accountById(auth.actor.id);
    if (!account?.password_hash || !(await verifyPassword(account.password_hash, current))) {
      throw invalidField('body.currentPassword', 'is not your current password');
    }
    if (current === next) throw invalidField('body.newPassword', 'must differ from the current password');
    const hash = await hashPassword(next);
    await inTransaction(this.db, async (trx) => {
      await this.repo.updateAccount(trx, account.id, { password_hash: hash, updated_at: nowIso(this.clock) });
      await this.repo.deleteOtherSessions(trx, account.id, auth.sessionId);
      await this.audit.record(trx, caller, { action: 'auth.password_change', targetType: 'account', targetId: account.id, unitCode: account.unit_code });
    });
    this.invalidate();
  }

  /** Resolves a session cookie to who is calling; null when unknown or expired. */
  async authenticate(token: string): Promise<AuthContext | null> {
    if (token.length > 100) return null;
    const idHash = hashToken(token);
    const hit = this.contexts.get(idHash);
    const now = this.clock();
    if (hit && now - hit.at < 15_000) return hit.ctx;
    const session = await this.repo.sessionByHash(idHash);
    const ctx = session && Date.parse(session.expires_at) > now ? await this.contextOf(session) : null;
    this.contexts.set(idHash, { ctx, at: now });
    return ctx;
  }

  /** Principals the account may act for (代理): businesses it represents, colleagues who delegated to it. */
  async principalsFor(actorId: string): Promise<AccountRow[]> {
    const [biz, delegators] = await Promise.all([this.repo.businessesOf(actorId), this.repo.delegatorsOf(actorId, nowIso(this.clock))]);
    return [...biz, ...delegators];
  }

  async actAs(caller: Caller, principalId: string | null): Promise<Me> {
    const auth = caller.auth!;
    if (principalId !== null) {
      const allowed = await this.principalsFor(auth.actor.id);
      if (!allowed.some((p) => p.id === principalId)) throw notFound('principal', principalId);
    }
    await inTransaction(this.db, async (trx) => {
      await this.repo.setActingFor(trx, auth.sessionId, principalId);
      await this.audit.record(trx, caller, {
        action: principalId ? 'auth.act_as' : 'auth.stop_acting',
        targetType: 'account',
        targetId: principalId ?? auth.principal.id,
        unitCode: auth.actor.unitCode,
        after: { actingFor: principalId },
      });
    });
    this.invalidate();
    const session = await this.repo.sessionByHash(auth.sessionId);
    return this.me((await this.contextOf(session!))!);
  }

  async me(ctx: AuthContext): Promise<Me> {
    const actor = (await this.repo.accountById(ctx.actor.id))!;
    const unitName = actor.unit_code ? await this.unitName(actor.unit_code) : null;
    const acting = ctx.principal.id !== ctx.actor.id ? ctx.principal : null;
    return {
      id: actor.id,
      username: actor.username,
      kind: actor.kind,
      displayName: actor.display_name,
      unit: actor.unit_code ? { code: actor.unit_code, name: unitName ?? actor.unit_code } : null,
      position: actor.position,
      idNumberMasked: actor.id_number_masked,
      grants: ctx.grants.map((g) => ({ role: g.role, unitCode: g.unitCode })),
      permissions: [...ctx.permissions.keys()],
      actingFor: acting ? { id: acting.id, displayName: acting.displayName, kind: acting.kind } : null,
      canActFor: (await this.principalsFor(actor.id)).map((p) => ({ id: p.id, displayName: p.display_name, kind: p.kind })),
      csrfToken: ctx.csrfToken,
    };
  }

  private async contextOf(session: SessionRow): Promise<AuthContext | null> {
    const actor = await this.repo.accountById(session.account_id);
    if (!actor) return null;
    let principal = actor;
    if (session.acting_for_id) {
      // Re-check on every resolve: an expired delegation ends the acting at once.
      const allowed = await this.principalsFor(actor.id);
      principal = allowed.find((p) => p.id === session.acting_for_id) ?? actor;
    }
    const grants: ScopedGrant[] = [];
    if (principal.kind === 'staff' && principal.unit_code && principal.unit_path) {
      grants.push({ role: 'staff', unitCode: principal.unit_code, unitPath: principal.unit_path });
    }
    for (const g of await this.repo.grantsOf(principal.id)) {
      const path = await this.unitPath(g.unit_code);
      if (path) grants.push({ role: g.role, unitCode: g.unit_code, unitPath: path });
    }
    const permissions = new Map<Permission, string[]>();
    for (const g of grants) {
      for (const p of ROLES[g.role as Role] as readonly Permission[]) {
        const list = permissions.get(p) ?? [];
        if (!list.includes(g.unitPath)) list.push(g.unitPath);
        permissions.set(p, list);
      }
    }
    return { sessionId: session.id_hash, csrfToken: session.csrf_token, actor: subjectOf(actor), principal: subjectOf(principal), grants, permissions };
  }
}
