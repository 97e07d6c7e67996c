import { applicationRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { ApplicationService } from './applications.service.ts';
import type { ApplicationHandling } from './applications.handling.ts';

export function applicationBindings(s: ApplicationService, h: ApplicationHandling): RouteBinding[] {
  const header = (v: string | string[] | undefined) => (typeof v === 'string' && v.length > 0 && v.length <= 100 ? v : undefined);
  return [
    bind(r.submit, ({ caller, body, headers }) => s.submission.submitAndView(caller, body, header(headers['idempotency-key']))),
    bind(r.prefill, ({ caller, query }) => s.submission.prefill(caller, query)),
    bind(r.list, async ({ caller, query }) => ({ items: await s.lists.list(caller, query) })),
    bind(r.overdue, ({ caller, query }) => s.lists.overdue(caller, query.within)),
    bind(r.get, async ({ caller, params }) => s.view(caller, await s.load(caller, params.id))),
    bind(r.accept, ({ caller, params, body }) => h.act(caller, params.id, 'accept', body)),
    bind(r.refuse, ({ caller, params, body }) => h.act(caller, params.id, 'refuse', body)),
    bind(r.requestCorrection, ({ caller, params, body }) => h.act(caller, params.id, 'correction', body)),
    bind(r.resubmit, ({ caller, params, body }) => h.act(caller, params.id, 'resubmit', body)),
    bind(r.review, ({ caller, params, body }) => h.act(caller, params.id, 'review', body)),
    bind(r.special, ({ caller, params, body }) => h.act(caller, params.id, 'special', body)),
    bind(r.countersign, ({ caller, params, body }) => h.act(caller, params.id, 'countersign', body)),
    bind(r.decide, ({ caller, params, body }) => h.act(caller, params.id, 'decide', body)),
  ];
}
