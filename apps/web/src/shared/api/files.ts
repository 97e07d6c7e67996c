import type { fileRoutes, ResponseOf } from '@jing/contracts';
import { api, seg } from './index.ts';

/** A stored upload, as `POST /api/v1/files` answers. */
export type StoredFile = ResponseOf<typeof fileRoutes.upload>;

/**
 * Uploads a file as the raw body (`POST /api/v1/files`); answers its id, to
 * attach to a record (a material, a case's photos, evidence). The server checks
 * the type by the first bytes and the size against its limit.
 */
export function uploadFile(file: File): Promise<StoredFile> {
  return api.request('POST', '/api/v1/files', { raw: { body: file, contentType: file.type || 'application/octet-stream' }, headers: { 'x-file-name': encodeURIComponent(file.name) } });
}

/**
 * Where a stored file is read (`GET /api/v1/files/{id}`): the session cookie
 * goes with it, so an `<img>` or a link of the same origin is the authorised GET.
 */
export const fileUrl = (id: string) => `/api/v1/files/${seg(id)}`;
