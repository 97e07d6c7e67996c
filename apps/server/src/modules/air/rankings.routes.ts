import { airRankingRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { AirRankingService } from './rankings.service.ts';

export function airRankingBindings(s: AirRankingService): RouteBinding[] {
  return [
    bind(r.latest, async () => ({ items: await s.latest() })),
    bind(r.near, async ({ query }) => ({ items: await s.near(query.lng, query.lat, query.limit) })),
    bind(r.months, async () => ({ items: await s.months() })),
    bind(r.districtRankings, ({ query }) => s.districts(query.month)),
    bind(r.streetRankings, ({ query }) => s.streets(query.month, query.district)),
    bind(r.trend, ({ query }) => s.trend(query.from, query.to)),
    bind(r.assessment, ({ query }) => s.assessment(query.year, query.standard)),
  ];
}
