import { orgRoutes } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { OrgService } from './org.service.ts';

export function orgBindings(org: OrgService): RouteBinding[] {
  return [
    bind(orgRoutes.getUnit, ({ params }) => org.getUnit(params.code)),
    // Sent as prepared JSON: the hottest public read (ADR 0004).
    bind(orgRoutes.listChildren, ({ params }) => org.childrenJson(params.code)),
    bind(orgRoutes.search, async ({ query }) => ({ items: await org.search(query) })),
    bind(orgRoutes.createUnit, ({ caller, params, body }) => org.createUnit(caller, params.code, body)),
    bind(orgRoutes.renameUnit, ({ caller, params, body }) => org.renameUnit(caller, params.code, body.name)),
  ];
}
