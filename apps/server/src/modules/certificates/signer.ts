import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CertificateRepository } from './certificates.repository.ts';

/**
 * JSON with object keys sorted at every level: the one byte sequence that is
 * signed and verified, whatever order a producer wrote the keys in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A key's id: `ed25519-` and the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return `ed25519-${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16)}`;
}

/**
 * The platform's Ed25519 signing keys (ADR 0017). Private keys live in
 * `<var>/keys/certificates/<created>_<keyId>.pem` (PKCS#8, mode 0600): the
 * newest signs. Public keys are also kept in the database, so certificates
 * signed by a rotated-out key still verify — on every server sharing the database.
 */
export class CertificateSigner {
  private current: { keyId: string; privateKey: KeyObject } | null = null;
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly dir: string,
    private readonly repo: CertificateRepository,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Loads the newest key, generating and persisting one on first start; records its public half. */
  async ready(): Promise<string> {
    if (this.current) return this.current.keyId;
    const files = existsSync(this.dir) ? readdirSync(this.dir).filter((f) => f.endsWith('.pem')).sort() : [];
    const file = files.at(-1);
    if (!file) return this.rotate();
    const privateKey = createPrivateKey(readFileSync(join(this.dir, file), 'utf8'));
    const publicKey = createPublicKey(privateKey);
    const keyId = keyIdOf(publicKey);
    await this.repo.upsertKey({ key_id: keyId, public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(), created_at: new Date(this.clock()).toISOString(), retired_at: null });
    this.current = { keyId, privateKey };
    this.publicKeys.set(keyId, publicKey);
    return keyId;
  }

  /** 密钥轮换: a new key signs from now on; the old ones are marked retired and keep verifying. */
  async rotate(): Promise<string> {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyId = keyIdOf(publicKey);
    const now = new Date(this.clock()).toISOString();
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const name = `${now.replace(/[-:.TZ]/g, '')}_${keyId}.pem`;
    const tmp = join(this.dir, `${name}.tmp`);
    writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    renameSync(tmp, join(this.dir, name));
    await this.repo.upsertKey({ key_id: keyId, public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(), created_at: now, retired_at: null });
    await this.repo.retireKeysExcept(keyId, now);
    this.current = { keyId, privateKey };
    this.publicKeys.set(keyId, publicKey);
    return keyId;
  }

  /** Signs a canonical payload with the current key. */
  sign(payload: string): { signature: string; keyId: string } {
    if (!this.current) throw new Error('CertificateSigner.ready() was not awaited');
    return { signature: sign(null, Buffer.from(payload, 'utf8'), this.current.privateKey).toString('base64url'), keyId: this.current.keyId };
  }

  /** True when `signature` is a valid signature of `payload` by the key `keyId` (false for unknown keys and malformed input). */
  async verify(payload: string, signature: string, keyId: string): Promise<boolean> {
    let key = this.publicKeys.get(keyId);
    if (!key) {
      const row = await this.repo.key(keyId);
      if (!row) return false;
      key = createPublicKey(row.public_key);
      this.publicKeys.set(keyId, key);
    }
    try {
      const sig = Buffer.from(signature, 'base64url');
      if (sig.length !== 64) return false;
      return verify(null, Buffer.from(payload, 'utf8'), key, sig);
    } catch {
      return false;
    }
  }
}
