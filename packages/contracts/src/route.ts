import type { z } from 'zod';
import type { Permission } from './permissions.ts';

/**
 * Who may call a route.
 * - `public`: anyone, no session needed.
 * - `session`: any signed-in account.
 * - `{ permission }`: a signed-in account holding the permission somewhere;
 *   with `scopeParam`, the permission must cover the org unit named by that
 *   path parameter, otherwise the record is reported as not found (404).
 */
export type Access =
  | 'public'
  | 'session'
  | { permission: Permission; scopeParam?: string };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A route of the public API: the single source for validation, client and OpenAPI. */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** Stable operation id, `module.verb`, e.g. `org.getUnit`. */
  id: string;
  method: HttpMethod;
  /** Fastify-style path with `:param` placeholders. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the 2xx response body; `null` for a non-JSON response. */
  response: R | null;
  /** Success status; 200 unless stated. */
  status?: number;
  /** Content type of a non-JSON response, e.g. `text/plain`. */
  produces?: string;
  /** Content types accepted for the body besides JSON. */
  consumes?: string[];
  /**
   * Error body format. Our own envelope by default; `open311` answers errors
   * as GeoReport v2 requires (`[{ code, description }]`, JSON or XML by the path's format).
   */
  errors?: 'envelope' | 'open311';
}

/** Declares a route; a typed identity function so inference keeps the schemas' types. */
export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

export type ParamsOf<D> = D extends RouteDef<infer P, any, any, any> ? z.infer<P> : never;
export type QueryOf<D> = D extends RouteDef<any, infer Q, any, any> ? z.infer<Q> : never;
export type BodyOf<D> = D extends RouteDef<any, any, infer B, any> ? z.infer<B> : never;
export type ResponseOf<D> = D extends RouteDef<any, any, any, infer R> ? z.infer<R> : never;
