import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import { covers, type Caller } from '../../platform/auth/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { CertificateRepository, CertificateRow } from './certificates.repository.ts';
import { canonicalJson, type CertificateSigner } from './signer.ts';

/** What an issuing module supplies. */
export interface NewCertificate {
  type: string;
  title: string;
  holder: { id: string; kind: string; name: string; identifier: string };
  issuerCode: string;
  /** The issuer's name, looked up before the transaction (SQLite has one connection: no reads outside `trx` inside it). */
  issuerName: string;
  data: Record<string, string>;
  validFrom?: string;
  /** Years of validity; null or absent: no time limit. */
  validityYears?: number | null;
  applicationId?: string | null;
}

export interface CertificateOrg {
  unitPath(code: string, trx?: Transaction<any>): Promise<string | null>;
  unitName(code: string): Promise<string>;
}

type Reason = 'unknown' | 'signature' | 'tampered' | 'revoked' | 'expired';

/** Years after an instant, same month and day (29 Feb → 28 Feb), minus nothing: valid until that instant. */
function addYears(iso: string, years: number): string {
  const d = new Date(iso);
  const m = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (d.getUTCMonth() !== m) d.setUTCDate(0);
  return d.toISOString();
}

export const verifyPathOf = (r: Pick<CertificateRow, 'id' | 'signature'>) => `/verify/${r.id}?s=${r.signature}`;

/**
 * 电子证照: issues signed certificates into the holder's wallet, serves them
 * back (JSON, signed document, PDF) and verifies them for anyone.
 */
export class CertificateService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly repo: CertificateRepository,
    readonly signer: CertificateSigner,
    private readonly audit: AuditLog,
    private readonly org: CertificateOrg,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Issues inside the caller's transaction (the approval that produced it); returns the row. */
  async issue(trx: Transaction<any>, caller: Caller, c: NewCertificate): Promise<CertificateRow> {
    await this.signer.ready();
    const now = nowIso(this.clock);
    const validFrom = c.validFrom ?? now;
    const issuerPath = await this.org.unitPath(c.issuerCode, trx);
    if (!issuerPath) throw notFound('org unit', c.issuerCode);
    const id = randomUUID();
    const number = `${now.slice(0, 10).replaceAll('-', '')}${String(randomInt(0, 1e9)).padStart(9, '0')}`;
    const issuerName = c.issuerName;
    const validUntil = c.validityYears ? addYears(validFrom, c.validityYears) : null;
    const payload = canonicalJson({
      v: 1,
      id,
      number,
      type: c.type,
      title: c.title,
      holder: c.holder,
      issuer: { code: c.issuerCode, name: issuerName },
      data: c.data,
      issuedAt: now,
      validFrom,
      validUntil,
    });
    const { signature, keyId } = this.signer.sign(payload);
    const row: CertificateRow = {
      id, number, type: c.type, title: c.title,
      holder_id: c.holder.id, holder_kind: c.holder.kind, holder_name: c.holder.name, holder_identifier: c.holder.identifier,
      issuer_code: c.issuerCode, issuer_name: issuerName, issuer_path: issuerPath,
      data_json: JSON.stringify(c.data), issued_at: now, valid_from: validFrom, valid_until: validUntil,
      application_id: c.applicationId ?? null, payload, signature, key_id: keyId, revoked_at: null, revoked_reason: null,
    };
    await this.repo.insert(trx, row);
    await this.audit.record(trx, caller, { action: 'certificates.issue', targetType: 'certificate', targetId: id, unitCode: c.issuerCode, after: { number, type: c.type, holder: c.holder.id, keyId, applicationId: row.application_id } });
    return row;
  }

  /** Issues in its own transaction (the seed, the CLI). */
  async issueNow(caller: Caller, c: Omit<NewCertificate, 'issuerName'>): Promise<CertificateRow> {
    const issuerName = await this.org.unitName(c.issuerCode);
    await this.signer.ready();
    return inTransaction(this.db, (trx) => this.issue(trx, caller, { ...c, issuerName }));
  }

  statusOf(r: CertificateRow, now = nowIso(this.clock)): 'valid' | 'revoked' | 'expired' {
    if (r.revoked_at) return 'revoked';
    if (r.valid_until && r.valid_until <= now) return 'expired';
    return 'valid';
  }

  view(r: CertificateRow) {
    return {
      id: r.id,
      number: r.number,
      type: r.type,
      title: r.title,
      holder: { id: r.holder_id, kind: r.holder_kind, name: r.holder_name, identifier: r.holder_identifier },
      issuer: { code: r.issuer_code, name: r.issuer_name },
      data: JSON.parse(r.data_json) as Record<string, string>,
      issuedAt: r.issued_at,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      status: this.statusOf(r),
      applicationId: r.application_id,
      keyId: r.key_id,
      verifyPath: verifyPathOf(r),
    };
  }

  /** 我的证照: the principal's certificates (a business's when acting for it). */
  async wallet(caller: Caller, type?: string) {
    return (await this.repo.ofHolder(caller.auth!.principal.id, type)).map((r) => this.view(r));
  }

  /** Valid certificates of a holder and type (for 免提交 materials), read inside a transaction when given. */
  async usable(holderId: string, type: string, trx?: Transaction<any>): Promise<CertificateRow[]> {
    const now = nowIso(this.clock);
    return (await this.repo.ofHolder(holderId, type, trx)).filter((r) => this.statusOf(r, now) === 'valid');
  }

  row(id: string, trx?: Transaction<any>): Promise<CertificateRow | undefined> {
    return this.repo.get(id, trx);
  }

  /** A certificate its holder, or staff of the issuing unit's scope, may see; anyone else gets 404. */
  async load(caller: Caller, id: string): Promise<CertificateRow> {
    const r = await this.repo.get(id);
    const auth = caller.auth;
    if (!r || !auth) throw notFound('certificate', id);
    if (r.holder_id === auth.principal.id) return r;
    if (covers(auth, 'applications.read', r.issuer_path) || covers(auth, 'applications.process', r.issuer_path)) return r;
    throw notFound('certificate', id);
  }

  async get(caller: Caller, id: string) {
    return this.view(await this.load(caller, id));
  }

  async document(caller: Caller, id: string) {
    const r = await this.load(caller, id);
    return { payload: r.payload, signature: r.signature, keyId: r.key_id };
  }

  async revoke(caller: Caller, id: string, reason: string) {
    const r = await this.load(caller, id);
    if (!covers(caller.auth, 'applications.process', r.issuer_path)) throw notFound('certificate', id);
    const now = nowIso(this.clock);
    await inTransaction(this.db, async (trx) => {
      if (!(await this.repo.revoke(trx, id, now, reason))) throw conflict('the certificate is already revoked');
      await this.audit.record(trx, caller, { action: 'certificates.revoke', targetType: 'certificate', targetId: id, unitCode: r.issuer_code, before: { revoked: false }, after: { revoked: true, reason } });
    });
    return this.view((await this.repo.get(id))!);
  }

  private verdict(reason: Reason | null, r: CertificateRow | null) {
    return {
      verdict: reason ? ('invalid' as const) : ('valid' as const),
      reason,
      certificate: r
        ? { number: r.number, type: r.type, title: r.title, holderName: maskName(r.holder_name, r.holder_kind), holderIdentifier: r.holder_identifier, issuer: r.issuer_name, issuedAt: r.issued_at, validUntil: r.valid_until }
        : null,
      checkedAt: nowIso(this.clock),
    };
  }

  /**
   * What the QR code opens: the stored certificate is checked against its
   * signature (an altered record is `tampered`), against the signature printed
   * in the code (a forged code is `signature`), then revocation and expiry.
   */
  async verifyById(id: string, printedSignature?: string) {
    const r = await this.repo.get(id);
    if (!r) return this.verdict('unknown', null);
    if (!(await this.signer.verify(r.payload, r.signature, r.key_id)) || !this.payloadMatches(r)) return this.verdict('tampered', null);
    if (printedSignature !== undefined && printedSignature !== r.signature) return this.verdict('signature', null);
    const status = this.statusOf(r);
    return this.verdict(status === 'valid' ? null : status, r);
  }

  /** A signed document (payload + signature + key): any change to either makes it invalid. */
  async verifyDocument(doc: { payload: string; signature: string; keyId: string }) {
    if (!(await this.signer.verify(doc.payload, doc.signature, doc.keyId))) return this.verdict('signature', null);
    let id: unknown;
    try {
      id = (JSON.parse(doc.payload) as { id?: unknown }).id;
    } catch {
      return this.verdict('signature', null);
    }
    const r = typeof id === 'string' ? await this.repo.get(id) : undefined;
    // Genuinely signed but not ours on record (or a different issue of it): not a certificate this platform stands by.
    if (!r || r.signature !== doc.signature) return this.verdict('unknown', null);
    const status = this.statusOf(r);
    return this.verdict(status === 'valid' ? null : status, r);
  }

  /** The columns shown to people must say what the signed payload says. */
  private payloadMatches(r: CertificateRow): boolean {
    try {
      const p = JSON.parse(r.payload) as { id: string; number: string; type: string; holder: { id: string; name: string }; issuer: { code: string }; data: Record<string, string>; validUntil: string | null };
      return p.id === r.id && p.number === r.number && p.type === r.type && p.holder.id === r.holder_id && p.holder.name === r.holder_name && p.issuer.code === r.issuer_code && p.validUntil === r.valid_until && canonicalJson(p.data) === canonicalJson(JSON.parse(r.data_json));
    } catch {
      return false;
    }
  }
}

/** 张伟 → 张*; a business name is public and shown whole. */
function maskName(name: string, kind: string): string {
  if (kind === 'business') return name;
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}
