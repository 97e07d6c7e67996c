import type { Kysely, Transaction } from 'kysely';
import { lookupBy, subtreeRange } from '@jing/db';
import type { AccountKind, Role } from '@jing/contracts';

export interface AccountRow {
  id: string;
  username: string;
  kind: AccountKind;
  display_name: string;
  password_hash: string | null;
  failed_logins: number;
  locked_until: string | null;
  unit_code: string | null;
  unit_path: string | null;
  position: string | null;
  id_number_enc: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  uscc: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  acting_for_id: string | null;
  created_at: string;
  expires_at: string;
}

export interface GrantRow {
  account_id: string;
  role: Role;
  unit_code: string;
  granted_by: string | null;
  granted_at: string;
}

interface Tables {
  accounts: AccountRow;
  sessions: SessionRow;
  role_grants: GrantRow;
  business_members: { business_id: string; person_id: string; role: string; created_at: string };
  delegations: { principal_id: string; delegate_id: string; until: string; created_at: string };
}

type Db = Kysely<Tables> | Transaction<Tables>;

/** The only SQL of identity: accounts, sessions, grants, business members, delegations. */
export class IdentityRepository {
  private readonly db: Kysely<Tables>;
  private readonly byId: (id: unknown, trx?: Transaction<any>) => Promise<AccountRow | undefined>;
  constructor(db: Kysely<any>) {
    this.db = db;
    this.byId = lookupBy<AccountRow>(db, 'accounts', 'id');
  }

  private t(trx?: Transaction<any>): Db {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  /** By id (compiled once: applicants and recipients are read on every submission). */
  accountById(id: string, trx?: Transaction<any>): Promise<AccountRow | undefined> {
    return this.byId(id, trx);
  }

  accountByUsername(username: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  }

  /** A resident by the blind index of their ID number (ADR 0007). */
  accountByIdNumberIndex(index: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('id_number_index', '=', index).where('kind', '=', 'resident').executeTakeFirst();
  }

  businessByUscc(uscc: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('uscc', '=', uscc).where('kind', '=', 'business').executeTakeFirst();
  }

  accountsByIds(ids: string[]): Promise<AccountRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('accounts').selectAll().where('id', 'in', ids).execute();
  }

  async insertAccount(trx: Transaction<any>, row: AccountRow): Promise<void> {
    await this.t(trx).insertInto('accounts').values(row).execute();
  }

  async updateAccount(trx: Transaction<any> | undefined, id: string, patch: Partial<AccountRow>): Promise<void> {
    await this.t(trx).updateTable('accounts').set(patch).where('id', '=', id).execute();
  }

  /** Staff of a unit, or of every unit in the subtree at `path`. */
  staffOf(unitCode: string, subtreePath: string | null): Promise<AccountRow[]> {
    let q = this.db.selectFrom('accounts').selectAll().where('kind', '=', 'staff');
    if (subtreePath) {
      const [lo, hi] = subtreeRange(subtreePath);
      q = q.where('unit_path', '>=', lo).where('unit_path', '<', hi);
    } else q = q.where('unit_code', '=', unitCode);
    return q.orderBy('unit_code').orderBy('display_name').limit(2000).execute();
  }

  // --- sessions ---
  async insertSession(trx: Transaction<any> | undefined, row: SessionRow): Promise<void> {
    await this.t(trx).insertInto('sessions').values(row).execute();
  }

  sessionByHash(idHash: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }

  async deleteSession(trx: Transaction<any> | undefined, idHash: string): Promise<void> {
    await this.t(trx).deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteOtherSessions(trx: Transaction<any>, accountId: string, keepHash: string): Promise<void> {
    await this.t(trx).deleteFrom('sessions').where('account_id', '=', accountId).where('id_hash', '!=', keepHash).execute();
  }

  async setActingFor(trx: Transaction<any>, idHash: string, principalId: string | null): Promise<void> {
    await this.t(trx).updateTable('sessions').set({ acting_for_id: principalId }).where('id_hash', '=', idHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  // --- grants ---
  grantsOf(accountId: string): Promise<GrantRow[]> {
    return this.db.selectFrom('role_grants').selectAll().where('account_id', '=', accountId).execute();
  }

  async insertGrant(trx: Transaction<any>, row: GrantRow): Promise<boolean> {
    const r = await this.t(trx)
      .insertInto('role_grants')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'role', 'unit_code']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  // --- businesses and delegations ---
  async addBusinessMember(trx: Transaction<any>, businessId: string, personId: string, role: string, at: string): Promise<void> {
    await this.t(trx).insertInto('business_members').values({ business_id: businessId, person_id: personId, role, created_at: at }).execute();
  }

  businessesOf(personId: string): Promise<AccountRow[]> {
    return this.db
      .selectFrom('business_members as m')
      .innerJoin('accounts as a', 'a.id', 'm.business_id')
      .selectAll('a')
      .where('m.person_id', '=', personId)
      .execute();
  }

  async upsertDelegation(trx: Transaction<any>, principalId: string, delegateId: string, until: string, at: string): Promise<void> {
    await this.t(trx)
      .insertInto('delegations')
      .values({ principal_id: principalId, delegate_id: delegateId, until, created_at: at })
      .onConflict((oc) => oc.columns(['principal_id', 'delegate_id']).doUpdateSet({ until, created_at: at }))
      .execute();
  }

  /** Principals who delegated to `delegateId` and whose delegation runs past `now`. */
  delegatorsOf(delegateId: string, now: string): Promise<AccountRow[]> {
    return this.db
      .selectFrom('delegations as d')
      .innerJoin('accounts as a', 'a.id', 'd.principal_id')
      .selectAll('a')
      .where('d.delegate_id', '=', delegateId)
      .where('d.until', '>', now)
      .execute();
  }

  countAccounts(): Promise<number> {
    return this.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  }
}
