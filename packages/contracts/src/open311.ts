import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant } from './common.ts';

/** `json` or `xml`, from the path's extension, as GeoReport v2 does it. */
const Format = z.object({ format: z.string().describe('`json` or `xml`') });
const loose = z.record(z.string(), z.unknown());
const common = { tag: 'open311', errors: 'open311' as const, response: null, produces: 'application/json | text/xml' };

export const open311Routes = {
  discovery: defineRoute({ ...common, id: 'open311.discovery', method: 'GET', path: '/open311/v2/discovery.:format', summary: 'GeoReport v2 service discovery', access: 'public', params: Format }),
  services: defineRoute({ ...common, id: 'open311.services', method: 'GET', path: '/open311/v2/services.:format', summary: 'GeoReport v2: service list (the dispatch catalogue’s leaf categories)', access: 'public', params: Format, query: loose }),
  service: defineRoute({
    ...common,
    id: 'open311.service',
    method: 'GET',
    path: '/open311/v2/services/:service_code.:format',
    summary: 'GeoReport v2: service definition',
    access: 'public',
    params: Format.extend({ service_code: z.string() }),
    query: loose,
  }),
  createRequest: defineRoute({
    ...common,
    id: 'open311.createRequest',
    method: 'POST',
    path: '/open311/v2/requests.:format',
    summary: 'GeoReport v2: create a service request (form-encoded; api_key required)',
    description: 'Fields: api_key, service_code, lat+long or address_string, description, email, first_name, last_name, phone, media_url, attribute[...].',
    access: 'public',
    params: Format,
    body: loose,
    consumes: ['application/x-www-form-urlencoded'],
  }),
  requests: defineRoute({
    ...common,
    id: 'open311.requests',
    method: 'GET',
    path: '/open311/v2/requests.:format',
    summary: 'GeoReport v2: query service requests (service_request_id, service_code, start_date, end_date, status)',
    access: 'public',
    params: Format,
    query: loose,
  }),
  request: defineRoute({
    ...common,
    id: 'open311.request',
    method: 'GET',
    path: '/open311/v2/requests/:service_request_id.:format',
    summary: 'GeoReport v2: one service request',
    access: 'public',
    params: Format.extend({ service_request_id: z.string() }),
    query: loose,
  }),
  token: defineRoute({
    ...common,
    id: 'open311.token',
    method: 'GET',
    path: '/open311/v2/tokens/:token.:format',
    summary: 'GeoReport v2: service_request_id from a token',
    access: 'public',
    params: Format.extend({ token: z.string() }),
    query: loose,
  }),
  createKey: defineRoute({
    id: 'open311.createKey',
    method: 'POST',
    path: '/api/v1/open311/keys',
    summary: 'Issue an Open311 API key to a third-party app (shown once)',
    tag: 'open311',
    access: { permission: 'integrations.manage' },
    body: z.strictObject({ name: z.string().min(1).max(100).describe('The app’s name') }),
    response: z.object({ id: z.string(), name: z.string(), apiKey: z.string().describe('Shown only now; store it'), createdAt: Instant }),
    status: 201,
  }),
  listKeys: defineRoute({
    id: 'open311.listKeys',
    method: 'GET',
    path: '/api/v1/open311/keys',
    summary: 'Open311 API keys (without the secrets)',
    tag: 'open311',
    access: { permission: 'integrations.manage' },
    response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), createdAt: Instant, revokedAt: Instant.nullable(), requests: z.number().int() })) }),
  }),
} as const;
