import { lookupBy } from '@jing/db';
import type { Kysely, Transaction } from 'kysely';

export interface CertificateRow {
  id: string;
  number: string;
  type: string;
  title: string;
  holder_id: string;
  holder_kind: string;
  holder_name: string;
  holder_identifier: string;
  issuer_code: string;
  issuer_name: string;
  issuer_path: string;
  data_json: string;
  issued_at: string;
  valid_from: string;
  valid_until: string | null;
  application_id: string | null;
  payload: string;
  signature: string;
  key_id: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface KeyRow {
  key_id: string;
  public_key: string;
  created_at: string;
  retired_at: string | null;
}

interface Tables {
  certificates: CertificateRow;
  certificate_keys: KeyRow;
}

/** The only SQL of certificates. */
export class CertificateRepository {
  private readonly db: Kysely<Tables>;
  private readonly byId: (id: unknown, trx?: Transaction<any>) => Promise<CertificateRow | undefined>;
  constructor(db: Kysely<any>) {
    this.db = db;
    this.byId = lookupBy<CertificateRow>(db, 'certificates', 'id');
  }

  private t(trx?: Transaction<any>) {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  async insert(trx: Transaction<any>, row: CertificateRow): Promise<void> {
    await this.t(trx).insertInto('certificates').values(row).execute();
  }

  /** By id: every submission checks the wallet certificates it references. */
  get(id: string, trx?: Transaction<any>): Promise<CertificateRow | undefined> {
    return this.byId(id, trx);
  }

  ofHolder(holderId: string, type?: string, trx?: Transaction<any>): Promise<CertificateRow[]> {
    let q = this.t(trx).selectFrom('certificates').selectAll().where('holder_id', '=', holderId);
    if (type) q = q.where('type', '=', type);
    return q.orderBy('issued_at', 'desc').execute();
  }

  async revoke(trx: Transaction<any>, id: string, at: string, reason: string): Promise<boolean> {
    const r = await this.t(trx).updateTable('certificates').set({ revoked_at: at, revoked_reason: reason }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  key(keyId: string): Promise<KeyRow | undefined> {
    return this.db.selectFrom('certificate_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
  }

  keys(): Promise<KeyRow[]> {
    return this.db.selectFrom('certificate_keys').selectAll().orderBy('created_at').execute();
  }

  async upsertKey(row: KeyRow): Promise<void> {
    const existing = await this.key(row.key_id);
    if (!existing) await this.db.insertInto('certificate_keys').values(row).execute();
  }

  async retireKeysExcept(keyId: string, at: string): Promise<void> {
    await this.db.updateTable('certificate_keys').set({ retired_at: at }).where('key_id', '!=', keyId).where('retired_at', 'is', null).execute();
  }
}
