import type { AuditEntry, AuditVerification, auditRoutes, ResponseOf } from '@jing/contracts';
import { api } from '../../shared/api/index.ts';

export type { AuditEntry, AuditVerification };

/** The newest audit entries within the caller's scope (needs `audit.read`). */
export async function listEntries(limit = 50, signal?: AbortSignal): Promise<AuditEntry[]> {
  const res = await api.get<ResponseOf<typeof auditRoutes.list>>('/api/v1/audit/entries', { query: { limit }, signal });
  return res.items;
}

/** Re-computes the whole hash chain on the server and reports the first entry that does not fit. */
export function verifyChain(): Promise<AuditVerification> {
  return api.get<AuditVerification>('/api/v1/audit/verify');
}
