import { airRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { AirService } from './air.service.ts';

export function airBindings(s: AirService): RouteBinding[] {
  return [
    bind(r.stations, async () => ({ items: await s.stations() })),
    bind(r.daily, async ({ params, query }) => ({ items: await s.daily(params.code, query.from, query.to, query.standard) })),
    bind(r.hourly, async ({ params, query }) => ({ items: await s.hourly(params.code, query.from, query.to, query.standard) })),
    bind(r.now, ({ query }) => s.now(query.lng, query.lat)),
  ];
}
