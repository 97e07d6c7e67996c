/** Audit: the hash-chained audit log and its verification. The only surface other modules import. */
export { AuditPage } from './pages/AuditPage.tsx';
export { listEntries, verifyChain } from './api.ts';
export type { AuditEntry, AuditVerification } from './api.ts';
