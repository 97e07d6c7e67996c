import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant } from './common.ts';

export const AuditEntry = z
  .object({
    seq: z.number().int().describe('Position in the chain, from 1'),
    at: Instant,
    actorId: z.string().nullable().describe('Who really did it (null: the system)'),
    onBehalfOfId: z.string().nullable().describe('代理: the principal, when acting for someone'),
    action: z.string().describe('e.g. `org.unit.create`'),
    targetType: z.string(),
    targetId: z.string(),
    unitCode: z.string().nullable().describe('Org unit the change belongs to, for scoping'),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
    hash: z.string().describe('SHA-256 over the previous hash and this entry'),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    entries: z.number().int().describe('Entries checked'),
    firstBad: z
      .object({ seq: z.number().int(), reason: z.string() })
      .nullable()
      .describe('The first entry that does not fit the chain'),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof AuditVerification>;

export const auditRoutes = {
  list: defineRoute({
    id: 'audit.list',
    method: 'GET',
    path: '/api/v1/audit/entries',
    summary: 'Audit entries, newest first, within the caller’s scope',
    tag: 'audit',
    access: { permission: 'audit.read' },
    query: z.strictObject({
      targetType: z.string().max(64).optional(),
      targetId: z.string().max(128).optional(),
      actorId: z.string().max(64).optional(),
      beforeSeq: z.coerce.number().int().min(1).optional().describe('Page: entries before this seq'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(AuditEntry) }),
  }),
  verify: defineRoute({
    id: 'audit.verify',
    method: 'GET',
    path: '/api/v1/audit/verify',
    summary: 'Verify the whole hash chain',
    tag: 'audit',
    access: { permission: 'audit.read' },
    response: AuditVerification,
  }),
} as const;
