import { auditRoutes } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { AuditLog } from './audit.service.ts';

export function auditBindings(audit: AuditLog): RouteBinding[] {
  return [
    bind(auditRoutes.list, async ({ caller, query }) => ({ items: await audit.list(caller, query) })),
    bind(auditRoutes.verify, async () => audit.verify()),
  ];
}
