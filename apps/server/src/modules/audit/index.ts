export { AuditLog, type AuditRecord } from './audit.service.ts';
export { AuditRepository } from './audit.repository.ts';
export { auditMigrations } from './migrations/index.ts';
export { auditBindings } from './audit.routes.ts';
