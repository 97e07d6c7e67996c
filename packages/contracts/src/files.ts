import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant } from './common.ts';

/** What may be uploaded: photos and PDF documents, checked by their first bytes, not just the header. */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export const StoredFile = z
  .object({
    id: z.string(),
    contentType: z.enum(UPLOAD_TYPES),
    size: z.number().int(),
    sha256: z.string(),
    name: z.string().nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'StoredFile' });

export const fileRoutes = {
  upload: defineRoute({
    id: 'files.upload',
    method: 'POST',
    path: '/api/v1/files',
    summary: 'Upload a photo (JPEG, PNG, WebP) or a PDF as the raw request body; returns its id to attach to a record',
    description: 'Send the file as the body with its Content-Type; optional header `x-file-name`. Limit: JING_UPLOAD_LIMIT_BYTES (default 5 MB).',
    tag: 'files',
    access: 'session',
    consumes: [...UPLOAD_TYPES],
    response: StoredFile,
    status: 201,
  }),
  download: defineRoute({
    id: 'files.download',
    method: 'GET',
    path: '/api/v1/files/:id',
    summary: 'A file you uploaded, or one attached to a record you may see',
    tag: 'files',
    access: 'session',
    params: z.object({ id: z.string().min(1).max(64) }),
    response: null,
    produces: 'image/* | application/pdf',
  }),
} as const;
