import { ratingRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { RatingService } from './ratings.service.ts';
import type { RectificationService } from './rectification.service.ts';

export function ratingBindings(ratings: RatingService, rect: RectificationService): RouteBinding[] {
  return [
    bind(r.create, ({ caller, body }) => ratings.create(caller, body)),
    bind(r.forSubject, ({ caller, params }) => ratings.forSubject(caller, params.kind, params.id)),
    bind(r.mine, async ({ caller }) => ({ items: await ratings.mine(caller) })),
    bind(r.rectifications, async ({ caller, query }) => ({ items: await ratings.rectifications(caller, query) })),
    bind(r.stats, ({ query }) => ratings.stats(query)),
    bind(r.get, ({ caller, params }) => ratings.get(caller, params.id)),
    bind(r.callback, ({ caller, params, body }) => rect.callback(caller, params.id, body)),
    bind(r.outcome, ({ caller, params, body }) => rect.outcome(caller, params.id, body)),
    bind(r.appeal, ({ caller, params, body }) => rect.appeal(caller, params.id, body)),
    bind(r.decideAppeal, ({ caller, params, body }) => rect.decide(caller, params.id, body)),
  ];
}
