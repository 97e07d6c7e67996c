import { serviceAdminRoutes as admin, serviceRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import { invalidField } from '../../platform/errors.ts';
import type { ServiceCatalogue } from './services.service.ts';

export function serviceBindings(s: ServiceCatalogue): RouteBinding[] {
  return [
    bind(r.search, ({ query }) => s.searchAnswer(query)),
    bind(r.get, ({ params }) => s.get(params.code)),
    bind(r.guide, ({ params, body }) => s.guide(params.code, body.answers)),
    bind(admin.list, async ({ query }) => ({ items: await s.adminList(query) })),
    bind(admin.versions, async ({ params }) => ({ items: await s.versions(params.code) })),
    bind(admin.saveDraft, async ({ params, body, caller }) => {
      if (body.definition.code !== params.code) throw invalidField('body.definition.code', `must be the code in the path (${params.code})`);
      return s.saveDraft(caller, body.definition, body.basedOn, 'body.definition');
    }),
    bind(admin.publish, ({ params, caller }) => s.publish(caller, params.code, params.version)),
    bind(admin.retire, ({ params, body, caller }) => s.retire(caller, params.code, body.version)),
  ];
}
