import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ERROR_CODES, type ErrorCode, type RouteDef } from '@jing/contracts';
import type { Config } from '../../config.ts';
import type { Logger } from '../logger.ts';
import { DomainError } from '../errors.ts';
import { covers, holds, type AuthContext } from '../auth/context.ts';
import type { CookieOptions, RouteBinding } from './binding.ts';
import { parseOrThrow } from './validate.ts';
import type { Metrics } from './metrics.ts';

export const SESSION_COOKIE = 'jing_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface HttpDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  bindings: RouteBinding[];
  openapi: Record<string, unknown>;
  /** Resolves a session id from the cookie to who is calling. */
  authenticate(sessionId: string): Promise<AuthContext | null>;
  /** The materialised path of an org unit, or null when there is no such unit. */
  unitPath(code: string): Promise<string | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    registeredRoutes: { method: string; url: string }[];
  }
}

/**
 * The security headers of every response: a CSP without inline scripts, no
 * framing, no MIME sniffing, no referrer leaks, isolation from other origins.
 */
export function staticSecurityHeaders(config: Config): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // Ant Design injects component styles at run time; scripts stay strictly external.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // MapLibre runs its workers from blob: URLs.
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    `connect-src 'self'${config.mapStyleUrl ? ` ${new URL(config.mapStyleUrl).origin}` : ''}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(config.cookieSecure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

function envelope(code: ErrorCode, message: string, requestId: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) }, requestId };
}

function send(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  return reply.status(ERROR_CODES[code]).type('application/json').send(envelope(code, message, reply.request.id, details));
}

/** Maps anything thrown while serving a request to the error envelope. */
function mapError(err: unknown): { code: ErrorCode; message: string; details?: unknown } {
  if (err instanceof DomainError) return { code: err.code, message: err.message, details: err.details };
  const e = err as { statusCode?: number; code?: string; message?: string };
  const fst = e.code ?? '';
  if (fst === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) return { code: 'payload_too_large', message: 'request body is too large' };
  if (fst === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415) return { code: 'unsupported_media_type', message: 'send the body as application/json' };
  if (fst === 'FST_ERR_RATE_LIMIT_EXCEEDED' || e.statusCode === 429) return { code: 'rate_limited', message: 'too many requests, try again later' };
  if (fst.startsWith('FST_ERR_CTP_') || err instanceof SyntaxError || fst === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { code: 'malformed_json', message: 'request body is not valid JSON', details: { issues: [{ path: 'body', message: e.message ?? 'invalid JSON' }] } };
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return { code: 'validation_failed', message: e.message ?? 'bad request' };
  return { code: 'internal', message: 'internal error' };
}

/**
 * Builds the HTTP server: security headers, error envelope, request ids,
 * metrics, the API routes from the contract table, OpenAPI and docs, and the web app.
 */
export async function createHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const { config, logger, metrics } = deps;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Bytes Node's HTTP parser rejects (e.g. raw non-ASCII in a URL) never reach
    // the router: answer them in the same envelope, then close.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify(envelope('validation_failed', `malformed HTTP request: ${(err as { code?: string }).code ?? 'bad request'} (percent-encode non-ASCII characters in URLs)`, randomUUID()));
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,80}$/.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A child logger per request costs several percent of a request even when nothing is
    // logged; below info level (request logs off) requests share the root logger, and
    // errors carry the request id explicitly (see the error handler).
    childLoggerFactory: (parent, bindings, opts) => ((parent as Logger).isLevelEnabled('info') ? parent.child(bindings, opts) : parent),
  });
  app.decorateRequest('auth', null);
  // JSON only, unless a route says otherwise: a text body is a client mistake (415), not a string field.
  app.removeContentTypeParser('text/plain');
  // Uploads arrive as raw bytes; the files module checks what they really are.
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // Form posts (Open311 GeoReport v2): repeated keys become arrays.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(body as string)) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, out);
  });
  // Every route registered, so a test can prove each is in the OpenAPI document.
  const registered: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) registered.push({ method: String(m), url: r.url });
  });
  app.decorate('registeredRoutes', registered);

  // Security headers are fixed for the process: computed once here, set with
  // one call per request (helmet recomputed its CSP on every request).
  const securityHeaders = staticSecurityHeaders(config);
  // Synchronous hooks: an async hook costs a promise per request on the hottest path.
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(securityHeaders);
    reply.header('x-request-id', req.id);
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'FST_ERR_RATE_LIMIT_EXCEEDED', message: `rate limited, retry in ${ctx.after}` }) });

  app.addHook('onResponse', (req, reply, done) => {
    metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  app.setErrorHandler((err, req, reply) => {
    const mapped = mapError(err);
    if (mapped.code === 'internal') req.log.error({ err, reqId: req.id }, 'unhandled error');
    else req.log.info({ code: mapped.code, reqId: req.id }, mapped.message);
    return send(reply, mapped.code, mapped.message, mapped.details);
  });

  // --- API routes, from the contract table ---
  for (const b of deps.bindings) registerRoute(app, b, deps);

  // --- OpenAPI document and interactive docs ---
  await app.register(swagger, { mode: 'static', specification: { document: deps.openapi as never } });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: true } });

  // --- The web app (built by Vite) with client-side routing for the three portals ---
  const index = join(config.webDist, 'index.html');
  const hasWeb = existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const indexHtml = hasWeb ? readFileSync(index) : null;
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
    if (isPage && indexHtml) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return send(reply, 'route_not_found', `no route ${req.method} ${path}`);
  });
  return app;
}

function registerRoute(app: FastifyInstance, binding: RouteBinding, deps: HttpDeps) {
  const { def, formatError } = binding;
  const isLogin = def.id === 'auth.login';
  const serve = serveRoute(binding, deps);
  app.route({
    method: def.method,
    url: def.path,
    ...(binding.bodyLimit ? { bodyLimit: binding.bodyLimit } : {}),
    config: isLogin ? { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } } : {},
    handler: !formatError
      ? serve
      : async (req: FastifyRequest, reply: FastifyReply) => {
          try {
            return await serve(req, reply);
          } catch (err) {
            const out = formatError(err, req.params as Record<string, string>);
            if (out.status >= 500) req.log.error({ err }, 'unhandled error');
            return reply.status(out.status).type(out.type).send(out.body);
          }
        },
  });
}

function serveRoute({ def, handler }: RouteBinding, deps: HttpDeps) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const sid = req.cookies[SESSION_COOKIE];
    const auth = sid ? await deps.authenticate(sid) : null;
    req.auth = auth;
    await checkAccess(def, req, auth, deps);
    const params = def.params ? parseOrThrow('params', def.params, req.params) : req.params;
    const query = def.query ? parseOrThrow('query', def.query, req.query) : {};
    const body = def.body ? parseOrThrow('body', def.body, req.body === undefined ? {} : req.body) : undefined;
    const result = await handler(new HandlerContext(req, reply, auth, params, query, body, deps.config.cookieSecure) as never);
    reply.status(def.status ?? 200);
    if (def.response === null) return reply.send(result);
    return reply.type('application/json; charset=utf-8').send(typeof result === 'string' || Buffer.isBuffer(result) ? result : JSON.stringify(result));
  };
}

/**
 * A handler's {@link RequestContext}. A class, so that a request makes one object and no
 * closures: under tsx every closure made per request also pays for naming itself.
 */
class HandlerContext {
  readonly caller: { auth: AuthContext | null; requestId: string };
  readonly requestId: string;
  readonly ip: string;
  readonly cookies: Record<string, string | undefined>;
  readonly rawBody: unknown;
  readonly headers: FastifyRequest['headers'];

  constructor(
    req: FastifyRequest,
    private readonly reply: FastifyReply,
    readonly auth: AuthContext | null,
    readonly params: unknown,
    readonly query: unknown,
    readonly body: unknown,
    private readonly cookieSecure: boolean,
  ) {
    this.requestId = req.id;
    this.caller = { auth, requestId: req.id };
    this.ip = req.ip;
    this.cookies = req.cookies;
    this.rawBody = req.body;
    this.headers = req.headers;
  }

  setCookie(name: string, value: string, opts?: CookieOptions): void {
    this.reply.setCookie(name, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.cookieSecure,
      ...(opts?.maxAgeSeconds ? { maxAge: opts.maxAgeSeconds } : {}),
    });
  }

  clearCookie(name: string): void {
    this.reply.clearCookie(name, { path: '/' });
  }

  header(name: string, value: string): void {
    this.reply.header(name, value);
  }
}

/** 401 without a session, 403 without the permission, 404 when the unit is outside the caller's scope. */
async function checkAccess(def: RouteDef, req: FastifyRequest, auth: AuthContext | null, deps: HttpDeps): Promise<void> {
  if (def.access === 'public') return;
  if (!auth) throw new DomainError('unauthenticated', 'sign in first');
  if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== auth.csrfToken) {
    throw new DomainError('csrf_failed', 'missing or wrong x-csrf-token header');
  }
  if (def.access === 'session') return;
  const { permission, scopeParam } = def.access;
  if (!holds(auth, permission)) throw new DomainError('forbidden', `requires permission ${permission}`);
  if (scopeParam) {
    const code = (req.params as Record<string, string>)[scopeParam];
    const path = code ? await deps.unitPath(code) : null;
    // Out of scope looks exactly like absent: no probing of other districts' units.
    if (!path || !covers(auth, permission, path)) throw new DomainError('not_found', `org unit ${code} not found`, { what: 'org_unit', id: code });
  }
}
