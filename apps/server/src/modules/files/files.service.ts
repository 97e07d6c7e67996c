import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { inTransaction, lookupBy, nowIso } from '@jing/db';
import { UPLOAD_TYPES } from '@jing/contracts';
import type { Caller } from '../../platform/auth/context.ts';
import { DomainError, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';

export type UploadType = (typeof UPLOAD_TYPES)[number];

export interface FileRow {
  id: string;
  sha256: string;
  content_type: UploadType;
  size: number;
  name: string | null;
  owner_id: string | null;
  created_at: string;
}

/** Does the content start the way files of its declared type must? */
export function sniff(type: UploadType, b: Buffer): boolean {
  switch (type) {
    case 'image/jpeg':
      return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
    case 'image/png':
      return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/webp':
      return b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
    case 'application/pdf':
      return b.length > 5 && b.toString('latin1', 0, 5) === '%PDF-';
  }
}

/** Decides whether a caller may read a file that is not theirs (a module holding it as an attachment). */
export type FileAccessRule = (caller: Caller, fileId: string) => Promise<boolean>;

/**
 * Uploaded files: content-addressed on disk under `var/files` (one copy per
 * content), a row per upload in the database. Readable by the uploader and by
 * whoever a module's access rule admits (e.g. those who may see the case).
 */
export class FileService {
  private readonly rules: FileAccessRule[] = [];
  private readonly byId: (id: unknown) => Promise<FileRow | undefined>;
  constructor(
    private readonly db: Kysely<any>,
    private readonly audit: AuditLog,
    private readonly dir: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.byId = lookupBy<FileRow>(db, 'files', 'id');
  }

  addAccessRule(rule: FileAccessRule): void {
    this.rules.push(rule);
  }

  private pathOf(sha: string): string {
    return join(this.dir, sha.slice(0, 2), sha);
  }

  async store(caller: Caller, contentType: string, body: unknown, name: string | null): Promise<FileRow> {
    const type = contentType.split(';')[0]!.trim().toLowerCase() as UploadType;
    if (!UPLOAD_TYPES.includes(type)) throw new DomainError('unsupported_media_type', `upload one of ${UPLOAD_TYPES.join(', ')}`);
    if (!Buffer.isBuffer(body) || body.length === 0) throw invalidField('body', 'is empty');
    if (!sniff(type, body)) throw invalidField('body', `the content is not a ${type} file`);
    const sha = createHash('sha256').update(body).digest('hex');
    const path = this.pathOf(sha);
    if (!existsSync(path)) {
      mkdirSync(join(this.dir, sha.slice(0, 2)), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under its final name.
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, body);
      renameSync(tmp, path);
    }
    const row: FileRow = { id: randomUUID(), sha256: sha, content_type: type, size: body.length, name: name?.slice(0, 200) ?? null, owner_id: caller.auth?.principal.id ?? null, created_at: nowIso(this.clock) };
    await inTransaction(this.db, async (trx) => {
      await trx.insertInto('files').values(row).execute();
      await this.audit.record(trx, caller, { action: 'files.upload', targetType: 'file', targetId: row.id, after: { sha256: sha, type, size: row.size } });
    });
    return row;
  }

  /** By id (compiled once: submissions check every file they attach). */
  get(id: string): Promise<FileRow | undefined> {
    return this.byId(id);
  }

  /** Checks that each id is a file the caller uploaded (to attach it to something); names the first bad one. */
  async ownedBy(caller: Caller, ids: string[], field: string): Promise<FileRow[]> {
    const rows: FileRow[] = [];
    for (const [i, id] of ids.entries()) {
      const f = await this.get(id);
      if (!f || f.owner_id !== caller.auth?.principal.id) throw invalidField(`${field}.${i}`, `no file ${id} of yours`);
      rows.push(f);
    }
    return rows;
  }

  async read(caller: Caller, id: string): Promise<{ row: FileRow; content: Buffer }> {
    const row = await this.get(id);
    if (!row) throw notFound('file', id);
    let allowed = !!caller.auth && row.owner_id === caller.auth.principal.id;
    for (const rule of this.rules) if (!allowed) allowed = await rule(caller, id);
    if (!allowed) throw notFound('file', id);
    return { row, content: readFileSync(this.pathOf(row.sha256)) };
  }
}

export const toStoredFile = (r: FileRow) => ({ id: r.id, contentType: r.content_type, size: r.size, sha256: r.sha256, name: r.name, createdAt: r.created_at });
