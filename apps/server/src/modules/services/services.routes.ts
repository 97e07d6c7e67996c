import { serviceRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { ServiceCatalogue } from './services.service.ts';

export function serviceBindings(s: ServiceCatalogue): RouteBinding[] {
  return [
    bind(r.search, async ({ query }) => ({ items: await s.search(query) })),
    bind(r.get, ({ params }) => s.get(params.code)),
  ];
}
