import { knowledgeRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { KnowledgeService } from './knowledge.service.ts';

export function knowledgeBindings(k: KnowledgeService): RouteBinding[] {
  return [
    bind(r.search, async ({ query }) => ({ items: await k.search(query) })),
    bind(r.create, ({ caller, body }) => k.save(caller, null, body)),
    bind(r.update, ({ caller, params, body }) => k.save(caller, params.id, body)),
  ];
}
