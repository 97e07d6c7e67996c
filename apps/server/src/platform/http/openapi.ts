import { z } from 'zod';
import { ErrorEnvelope, type RouteDef } from '@jing/contracts';

/** `/a/:b/c` → `/a/{b}/c` */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

function parameters(where: 'path' | 'query', s: z.ZodType | undefined): unknown[] {
  if (!s) return [];
  const json = schemaOf(s, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    description: schema.description,
    schema,
  }));
}

/**
 * Builds the OpenAPI 3.1 document from the same route table and zod schemas
 * that validate requests, so the two cannot drift.
 */
export function buildOpenApi(routes: RouteDef[], info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: 'Error', content: { 'application/json': { schema: schemaOf(ErrorEnvelope, 'output') } } };
  for (const r of routes) {
    const p = (paths[openApiPath(r.path)] ??= {});
    const security = r.access === 'public' ? [] : [{ session: [] }];
    const op: Record<string, unknown> = {
      operationId: r.id,
      summary: r.summary,
      description: [r.description, accessText(r)].filter(Boolean).join('\n\n'),
      tags: [r.tag],
      security,
      'x-access': r.access,
      parameters: [...parameters('path', r.params), ...parameters('query', r.query)],
      responses: {
        [String(r.status ?? 200)]: r.response
          ? { description: 'Success', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } }
          : { description: 'Success', content: { [r.produces ?? 'application/octet-stream']: {} } },
        '4XX': errorResponse,
      },
    };
    if (r.body) {
      const types = ['application/json', ...(r.consumes ?? [])];
      op.requestBody = {
        required: true,
        content: Object.fromEntries(types.map((t) => [t, { schema: schemaOf(r.body!, 'input') }])),
      };
    }
    p[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jing 京 — city governance platform API',
      version: info.version,
      description: 'Every route of Jing. Errors use one envelope: `{ error: { code, message, details }, requestId }`.',
    },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jing_sid' } } },
    paths,
  };
}

function accessText(r: RouteDef): string {
  if (r.access === 'public') return 'Access: public.';
  if (r.access === 'session') return 'Access: any signed-in account.';
  return `Access: permission \`${r.access.permission}\`${r.access.scopeParam ? ` covering the unit \`${r.access.scopeParam}\`` : ''}.`;
}
