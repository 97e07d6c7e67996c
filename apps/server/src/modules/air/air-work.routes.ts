import { airWorkRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { AirWork } from './air-work.ts';

/** Routes of 一微克 work: alerts, measures, reductions and the monthly brief. */
export function airWorkBindings(w: AirWork): RouteBinding[] {
  return [
    bind(r.rules, async () => ({ items: await w.alerts.rules() })),
    bind(r.updateRule, ({ caller, params, body }) => w.alerts.updateRule(caller, params.id, body)),
    bind(r.evaluate, ({ caller }) => w.alerts.evaluate(caller)),
    bind(r.alerts, async ({ caller, query }) => ({ items: await w.alerts.list(caller, query) })),
    bind(r.alert, ({ caller, params }) => w.alerts.get(caller, params.id)),
    bind(r.report, ({ caller, params, body }) => w.alerts.report(caller, params.id, body)),
    bind(r.setDuty, ({ caller, params, body }) => w.alerts.setDuty(caller, params.code, body.unitCode)),
    bind(r.measures, async ({ query }) => ({ items: await w.measures.list({ district: query.district, station: query.station, category: query.category, from: query.activeOn, to: query.activeOn }, query.limit) })),
    bind(r.measure, ({ params }) => w.measures.get(params.id)),
    bind(r.createMeasure, ({ caller, body }) => w.measures.create(caller, body)),
    bind(r.updateMeasure, ({ caller, params, body }) => w.measures.update(caller, params.id, body)),
    bind(r.deleteMeasure, ({ caller, params, query }) => w.measures.remove(caller, params.id, query.version)),
    bind(r.reductions, ({ query }) => w.reductions.estimate(query)),
    bind(r.brief, async (ctx) => {
      const pdf = await w.brief.pdf(ctx.query.district, ctx.query.month);
      ctx.header('content-type', 'application/pdf');
      ctx.header('content-disposition', `attachment; filename="air-brief-${ctx.query.district}-${ctx.query.month}.pdf"`);
      return pdf;
    }),
  ];
}
