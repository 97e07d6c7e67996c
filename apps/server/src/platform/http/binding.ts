import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteDef } from '@jing/contracts';
import type { AuthContext, Caller } from '../auth/context.ts';

/** Cookie options the HTTP layer understands; kept free of Fastify types. */
export interface CookieOptions {
  maxAgeSeconds?: number;
}

/** What a route handler gets: validated input, the caller, and a few response controls. */
export interface RequestContext<D extends RouteDef> {
  params: ParamsOf<D>;
  query: QueryOf<D>;
  body: BodyOf<D>;
  auth: AuthContext | null;
  caller: Caller;
  requestId: string;
  ip: string;
  cookies: Record<string, string | undefined>;
  /** The body as parsed, for routes without a body schema (e.g. a file's bytes). */
  rawBody: unknown;
  /** Request headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  setCookie(name: string, value: string, opts?: CookieOptions): void;
  clearCookie(name: string): void;
  /** Sets a response header (e.g. Content-Type for a non-JSON response). */
  header(name: string, value: string): void;
}

export type Handler<D extends RouteDef> = (ctx: RequestContext<D>) => Promise<ResponseOf<D> | string | Buffer>;

/** A contract route joined to the function that serves it. */
export interface RouteBinding {
  def: RouteDef;
  handler: Handler<any>;
  /** For routes whose errors follow another spec (Open311): turns an error into that spec's response. */
  formatError?: (err: unknown, params: Record<string, string>) => { status: number; type: string; body: string };
  /** A body limit for this route other than the server's (e.g. uploads). */
  bodyLimit?: number;
}

/** Joins a route definition to its handler, keeping the types of both. */
export function bind<D extends RouteDef>(def: D, handler: Handler<D>, formatError?: RouteBinding['formatError']): RouteBinding {
  return { def, handler, ...(formatError ? { formatError } : {}) };
}
