import { supervisionRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { SupervisionService } from './supervision.service.ts';

export function supervisionBindings(s: SupervisionService): RouteBinding[] {
  return [
    bind(r.create, ({ caller, body }) => s.create(caller, body)),
    bind(r.list, async ({ caller, query }) => ({ items: await s.list(caller, query) })),
    bind(r.get, ({ caller, params }) => s.get(caller, params.id)),
    bind(r.accept, ({ caller, params, body }) => s.act(caller, params.id, 'accept', body)),
    bind(r.progress, ({ caller, params, body }) => s.act(caller, params.id, 'progress', body)),
    bind(r.requestExtension, ({ caller, params, body }) => s.act(caller, params.id, 'extension_request', body)),
    bind(r.decideExtension, ({ caller, params, body }) => s.act(caller, params.id, 'extension_decision', body)),
    bind(r.report, ({ caller, params, body }) => s.act(caller, params.id, 'report', body)),
    bind(r.return, ({ caller, params, body }) => s.act(caller, params.id, 'return', body)),
    bind(r.close, ({ caller, params, body }) => s.act(caller, params.id, 'close', body)),
    bind(r.evaluate, ({ caller, params, body }) => s.act(caller, params.id, 'evaluate', body)),
    bind(r.stats, async ({ caller, query }) => ({ items: await s.stats(caller, query.within) })),
  ];
}
