import { open311Routes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import { DomainError } from '../../platform/errors.ts';
import { Open311Error, type Open311Service } from './open311.service.ts';
import { xmlDoc, xmlList } from './xml.ts';

type Fmt = 'json' | 'xml';

function formatOf(params: Record<string, string>): Fmt {
  const f = params.format;
  if (f !== 'json' && f !== 'xml') throw new Open311Error(400, 'format must be json or xml');
  return f;
}

/** GeoReport v2 errors: `[{ code, description }]` in the requested format. */
function formatError(err: unknown, params: Record<string, string>) {
  let status = 500;
  let description = 'internal error';
  if (err instanceof Open311Error) [status, description] = [err.status, err.message];
  else if (err instanceof DomainError) [status, description] = [err.status, err.message];
  else if ((err as { statusCode?: number }).statusCode && (err as { statusCode: number }).statusCode < 500) [status, description] = [(err as { statusCode: number }).statusCode, (err as Error).message];
  const errors = [{ code: status, description }];
  return params.format === 'xml'
    ? { status, type: 'text/xml; charset=utf-8', body: xmlList('errors', 'error', errors) }
    : { status, type: 'application/json; charset=utf-8', body: JSON.stringify(errors) };
}

export function open311Bindings(s: Open311Service, baseUrl: () => string): RouteBinding[] {
  const send = (ctx: { header(n: string, v: string): void }, fmt: Fmt, json: unknown, xml: () => string) => {
    ctx.header('content-type', fmt === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8');
    return fmt === 'xml' ? xml() : JSON.stringify(json);
  };
  return [
    bind(r.discovery, async (ctx) => {
      const fmt = formatOf(ctx.params);
      const doc = {
        changeset: '2026-11-28T00:00:00Z',
        contact: '12345 市民热线服务中心',
        key_service: 'API keys are issued by the city administrator in 京办 Ban',
        endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${baseUrl()}/open311/v2`, changeset: '2026-11-28T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] }],
      };
      return send(ctx, fmt, doc, () => xmlDoc('discovery', doc));
    }, formatError),
    bind(r.services, async (ctx) => {
      const fmt = formatOf(ctx.params);
      const items = s.services();
      return send(ctx, fmt, items, () => xmlList('services', 'service', items));
    }, formatError),
    bind(r.service, async (ctx) => {
      const fmt = formatOf(ctx.params);
      const def = s.service(ctx.params.service_code);
      return send(ctx, fmt, def, () => xmlDoc('service_definition', def));
    }, formatError),
    bind(r.createRequest, async (ctx) => {
      const fmt = formatOf(ctx.params);
      const out = await s.createRequest((ctx.body ?? {}) as Record<string, unknown>);
      ctx.header('x-open311', 'created');
      return send(ctx, fmt, out, () => xmlList('service_requests', 'request', out));
    }, formatError),
    bind(r.requests, async (ctx) => {
      const fmt = formatOf(ctx.params);
      const out = await s.requests(ctx.query as Record<string, unknown>);
      return send(ctx, fmt, out, () => xmlList('service_requests', 'request', out));
    }, formatError),
    bind(r.request, async (ctx) => {
      const fmt = formatOf(ctx.params);
      const out = await s.request(ctx.params.service_request_id);
      return send(ctx, fmt, out, () => xmlList('service_requests', 'request', out));
    }, formatError),
    bind(r.token, async (ctx) => {
      formatOf(ctx.params);
      return s.token(ctx.params.token);
    }, formatError),
    bind(r.createKey, ({ caller, body }) => s.createKey(caller, body.name)),
    bind(r.listKeys, async () => ({ items: await s.listKeys() })),
  ];
}
