import { caseRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { CaseService } from './cases.service.ts';
import type { CaseHandling } from './cases.handling.ts';
import type { CaseRates } from './cases.rates.ts';
import type { CaseCollaboration } from './cases.collaboration.ts';
import type { CaseMerging } from './cases.merging.ts';

export function caseBindings(cases: CaseService, handling: CaseHandling, collab: CaseCollaboration, merging: CaseMerging, rates: CaseRates): RouteBinding[] {
  const header = (h: Record<string, string | string[] | undefined>, name: string) => {
    const v = h[name];
    return typeof v === 'string' && v.length > 0 && v.length <= 100 ? v : undefined;
  };
  return [
    bind(r.categories, async () => ({ items: cases.deps.catalogue.categories })),
    bind(r.submit, async ({ caller, body, headers }) => {
      const { row, known } = await cases.submit(caller, body, header(headers, 'idempotency-key'));
      return cases.view(caller, row, true, known);
    }),
    bind(r.get, async ({ caller, params }) => cases.view(caller, await cases.load(caller, params.id))),
    bind(r.list, async ({ caller, query }) => ({ items: await cases.list(caller, query) })),
    bind(r.sign, ({ caller, params, body }) => handling.act(caller, params.id, 'sign', body)),
    bind(r.return, ({ caller, params, body }) => handling.act(caller, params.id, 'return', body)),
    bind(r.dispatch, ({ caller, params, body }) => handling.act(caller, params.id, 'dispatch', body)),
    bind(r.contact, ({ caller, params, body }) => handling.act(caller, params.id, 'contact', body)),
    bind(r.reply, ({ caller, params, body }) => handling.act(caller, params.id, 'reply', body)),
    bind(r.answer, ({ caller, params, body }) => handling.act(caller, params.id, 'answer', body)),
    bind(r.rate, ({ caller, params, body }) => handling.act(caller, params.id, 'rate', body)),
    bind(r.requestExtension, ({ caller, params, body }) => handling.act(caller, params.id, 'extension_request', body)),
    bind(r.decideExtension, ({ caller, params, body }) => handling.act(caller, params.id, 'extension_decision', body)),
    bind(r.assist, ({ caller, params, body }) => collab.assist(caller, params.id, body)),
    bind(r.whistle, ({ caller, params, body }) => collab.whistle(caller, params.id, body)),
    bind(r.checkin, ({ caller, params, body }) => collab.checkin(caller, params.id, body)),
    bind(r.note, ({ caller, params, body }) => collab.note(caller, params.id, body)),
    bind(r.scoreAgency, ({ caller, params, body }) => collab.scoreAgency(caller, params.id, body)),
    bind(r.merge, ({ caller, params, body }) => merging.merge(caller, params.id, body)),
    bind(r.split, ({ caller, params, body }) => merging.split(caller, params.id, body)),
    bind(r.rates, ({ query }) => rates.table(query.month, query.level, query.within)),
  ];
}
