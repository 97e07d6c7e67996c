import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inTransaction, nowIso, type DialectHelper } from '@jing/db';
import { ROLES, type Permission, type Role } from '@jing/contracts';
import { covers, holds, type Caller } from '../../platform/auth/context.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { AccountRow, IdentityRepository } from './identity.repository.ts';
import { idNumberProblem, maskIdNumber, maskPhone, usccProblem } from './identity.validation.ts';

export interface AccountView {
  id: string;
  username: string;
  kind: AccountRow['kind'];
  displayName: string;
  unitCode: string | null;
  position: string | null;
  idNumber: string | null;
  uscc: string | null;
  createdAt: string;
}

/** An account's identity and contact details, decrypted, for modules that act on its behalf. */
export interface AccountProfile {
  id: string;
  kind: AccountRow['kind'];
  name: string;
  idNumber: string | null;
  idNumberMasked: string | null;
  phone: string | null;
  phoneMasked: string | null;
  uscc: string | null;
}

export interface NewStaff {
  username: string;
  password: string;
  name: string;
  position: string;
  phone?: string;
  roles?: Role[];
}

/** Accounts of residents, businesses and staff; grants; delegations. */
export class AccountService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly dialect: DialectHelper,
    private readonly repo: IdentityRepository,
    private readonly audit: AuditLog,
    private readonly crypto: FieldCrypto,
    private readonly unitPath: (code: string) => Promise<string | null>,
    private readonly onChange: () => void,
    private readonly clock: () => number = Date.now,
  ) {}

  private view(a: AccountRow, fullId: boolean): AccountView {
    return {
      id: a.id,
      username: a.username,
      kind: a.kind,
      displayName: a.display_name,
      unitCode: a.unit_code,
      position: a.position,
      idNumber: a.id_number_enc ? (fullId ? this.crypto.decrypt(a.id_number_enc) : a.id_number_masked) : null,
      uscc: a.uscc,
      createdAt: a.created_at,
    };
  }

  /** Inserts an account, turning unique violations into 409s that name the field. */
  private async insert(caller: Caller, row: AccountRow, action: string, extra?: (trx: any) => Promise<void>): Promise<void> {
    try {
      await inTransaction(this.db, async (trx) => {
        await this.repo.insertAccount(trx, row);
        await extra?.(trx);
        await this.audit.record(trx, caller, {
          action,
          targetType: 'account',
          targetId: row.id,
          unitCode: row.unit_code,
          after: { username: row.username, kind: row.kind, displayName: row.display_name, unitCode: row.unit_code, idNumber: row.id_number_masked, uscc: row.uscc },
          ...(caller.auth ? {} : { actorId: row.id }),
        });
      });
    } catch (err) {
      if (!this.dialect.isUniqueViolation(err)) throw err;
      if (await this.repo.accountByUsername(row.username)) throw conflict('username is taken', { issues: [{ path: 'body.username', message: 'is taken' }] });
      if (row.uscc) throw conflict('a business with this code is already registered', { issues: [{ path: 'body.uscc', message: 'is already registered' }] });
      throw conflict('an account with this identity number exists', { issues: [{ path: 'body.idNumber', message: 'is already registered' }] });
    }
    this.onChange();
  }

  private base(kind: AccountRow['kind'], username: string, name: string): AccountRow {
    const at = nowIso(this.clock);
    return {
      id: randomUUID(), username, kind, display_name: name, password_hash: null, failed_logins: 0, locked_until: null,
      unit_code: null, unit_path: null, position: null, id_number_enc: null, id_number_index: null, id_number_masked: null,
      phone_enc: null, phone_masked: null, uscc: null, created_at: at, updated_at: at,
    };
  }

  async registerResident(caller: Caller, input: { username: string; password: string; name: string; idNumber: string; phone?: string }): Promise<AccountView> {
    const idNumber = input.idNumber.toUpperCase();
    const problem = idNumberProblem(idNumber);
    if (problem) throw invalidField('body.idNumber', problem);
    const row: AccountRow = {
      ...this.base('resident', input.username, input.name),
      password_hash: await hashPassword(input.password),
      id_number_enc: this.crypto.encrypt(idNumber),
      id_number_index: this.crypto.blindIndex(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      phone_enc: input.phone ? this.crypto.encrypt(input.phone) : null,
      phone_masked: input.phone ? maskPhone(input.phone) : null,
    };
    await this.insert(caller, row, 'account.register_resident');
    return this.view(row, true);
  }

  async registerBusiness(caller: Caller, input: { name: string; uscc: string }): Promise<AccountView> {
    const auth = caller.auth!;
    if (auth.actor.kind !== 'resident' || auth.principal.id !== auth.actor.id) throw forbidden('only a resident acting for themselves can register a business');
    return this.registerBusinessFor(caller, auth.actor.id, input);
  }

  /** Registers a business with `personId` as its representative (the seed and CLI call this directly). */
  async registerBusinessFor(caller: Caller, personId: string, input: { name: string; uscc: string }): Promise<AccountView> {
    const uscc = input.uscc.toUpperCase();
    const problem = usccProblem(uscc);
    if (problem) throw invalidField('body.uscc', problem);
    const row: AccountRow = { ...this.base('business', `biz-${uscc}`, input.name), uscc };
    await this.insert(caller, row, 'account.register_business', (trx) => this.repo.addBusinessMember(trx, row.id, personId, 'representative', row.created_at));
    return this.view(row, false);
  }

  async createStaff(caller: Caller, unitCode: string, input: NewStaff): Promise<AccountView> {
    const path = await this.unitPath(unitCode);
    if (!path) throw notFound('org unit', unitCode);
    for (const role of input.roles ?? []) this.assertMayGrant(caller, role, path);
    const row: AccountRow = {
      ...this.base('staff', input.username, input.name),
      password_hash: await hashPassword(input.password),
      unit_code: unitCode,
      unit_path: path,
      position: input.position,
      phone_enc: input.phone ? this.crypto.encrypt(input.phone) : null,
      phone_masked: input.phone ? maskPhone(input.phone) : null,
    };
    const grantedBy = caller.auth?.actor.id ?? null;
    await this.insert(caller, row, 'account.create_staff', async (trx) => {
      for (const role of input.roles ?? []) await this.repo.insertGrant(trx, { account_id: row.id, role, unit_code: unitCode, granted_by: grantedBy, granted_at: row.created_at });
    });
    return this.view(row, false);
  }

  /** No privilege escalation: a caller may grant only permissions they hold over the unit. */
  private assertMayGrant(caller: Caller, role: Role, unitPath: string): void {
    if (!caller.auth) return; // the system (seed, CLI) may grant anything
    for (const p of ROLES[role] as readonly Permission[]) {
      if (!covers(caller.auth, p, unitPath)) throw forbidden(`you cannot grant ${role}: it includes ${p}, which you do not hold here`);
    }
  }

  async grantRole(caller: Caller, unitCode: string, accountId: string, role: Role): Promise<void> {
    const path = await this.unitPath(unitCode);
    if (!path) throw notFound('org unit', unitCode);
    const target = await this.repo.accountById(accountId);
    // Only staff inside the caller's own users.manage scope can be granted roles.
    if (!target || target.kind !== 'staff' || (caller.auth && !covers(caller.auth, 'users.manage', target.unit_path ?? '#'))) throw notFound('account', accountId);
    this.assertMayGrant(caller, role, path);
    const at = nowIso(this.clock);
    await inTransaction(this.db, async (trx) => {
      const added = await this.repo.insertGrant(trx, { account_id: accountId, role, unit_code: unitCode, granted_by: caller.auth?.actor.id ?? null, granted_at: at });
      if (added) await this.audit.record(trx, caller, { action: 'account.grant_role', targetType: 'account', targetId: accountId, unitCode, after: { role, unitCode } });
    });
    this.onChange();
  }

  async delegate(caller: Caller, delegateId: string, until: string): Promise<void> {
    const auth = caller.auth!;
    if (auth.actor.kind !== 'staff' || auth.principal.id !== auth.actor.id) throw forbidden('only staff acting for themselves can delegate');
    const end = Date.parse(until);
    const now = this.clock();
    if (!(end > now)) throw invalidField('body.until', 'must be in the future');
    if (end - now > 90 * 86400_000) throw invalidField('body.until', 'may be at most 90 days ahead');
    const delegate = await this.repo.accountById(delegateId);
    if (!delegate || delegate.kind !== 'staff' || delegate.id === auth.actor.id) throw invalidField('body.delegateId', 'must be another staff account');
    const at = nowIso(this.clock);
    await inTransaction(this.db, async (trx) => {
      await this.repo.upsertDelegation(trx, auth.actor.id, delegateId, new Date(end).toISOString(), at);
      await this.audit.record(trx, caller, { action: 'account.delegate', targetType: 'account', targetId: delegateId, unitCode: auth.actor.unitCode, after: { delegateId, until: new Date(end).toISOString() } });
    });
    this.onChange();
  }

  /**
   * One account. The person sees themselves in full; staff see staff in their
   * directory scope and residents/businesses (ID masked unless users.read_pii).
   * Anything else is "not found".
   */
  async get(caller: Caller, id: string): Promise<AccountView> {
    const auth = caller.auth!;
    const a = await this.repo.accountById(id);
    if (!a) throw notFound('account', id);
    if (a.id === auth.actor.id || a.id === auth.principal.id) return this.view(a, a.id === auth.actor.id);
    if (auth.principal.kind !== 'staff') throw notFound('account', id);
    if (a.kind === 'staff') {
      if (!covers(auth, 'directory.read', a.unit_path ?? '#')) throw notFound('account', id);
      return this.view(a, false);
    }
    return this.view(a, holds(auth, 'users.read_pii'));
  }

  async listStaff(unitCode: string, subtree: boolean) {
    const path = subtree ? await this.unitPath(unitCode) : null;
    const rows = await this.repo.staffOf(unitCode, path);
    return rows.map((a) => ({ id: a.id, displayName: a.display_name, position: a.position, unitCode: a.unit_code!, phoneMasked: a.phone_masked }));
  }

  async setPassword(caller: Caller, accountId: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await inTransaction(this.db, async (trx) => {
      await this.repo.updateAccount(trx, accountId, { password_hash: hash, updated_at: nowIso(this.clock) });
      await this.audit.record(trx, caller, { action: 'account.set_password', targetType: 'account', targetId: accountId });
    });
    this.onChange();
  }

  /**
   * What other modules may read about an applicant to pre-fill a form or to
   * reach them (no permission check: the caller module decides who sees it).
   * With `secrets: false`, the ID number and phone stay encrypted (null here).
   */
  async profile(id: string, trx?: Transaction<any>, opts: { secrets?: boolean } = {}): Promise<AccountProfile | null> {
    const a = await this.repo.accountById(id, trx);
    if (!a) return null;
    // Decrypting costs: callers that need only names and masked values say so (`secrets: false`).
    const secrets = opts.secrets !== false;
    return {
      id: a.id,
      kind: a.kind,
      name: a.display_name,
      idNumber: secrets && a.id_number_enc ? this.crypto.decrypt(a.id_number_enc) : null,
      idNumberMasked: a.id_number_masked,
      phone: secrets && a.phone_enc ? this.crypto.decrypt(a.phone_enc) : null,
      phoneMasked: a.phone_masked,
      uscc: a.uscc,
    };
  }

  /** The account of a resident identified by ID number, or of a business by credit code (hall windows). */
  async findApplicant(by: { idNumber: string } | { creditCode: string }): Promise<string | null> {
    if ('idNumber' in by) return (await this.repo.accountByIdNumberIndex(this.crypto.blindIndex(by.idNumber.toUpperCase())))?.id ?? null;
    return (await this.repo.businessByUscc(by.creditCode.toUpperCase()))?.id ?? null;
  }

  findByUsername(username: string): Promise<AccountRow | undefined> {
    return this.repo.accountByUsername(username);
  }

  count(): Promise<number> {
    return this.repo.countAccounts();
  }
}
