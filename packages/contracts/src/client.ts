import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteDef } from './route.ts';
import type { ErrorEnvelope } from './errors.ts';

/** A failed API call: the HTTP status and the error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly envelope: ErrorEnvelope,
  ) {
    super(envelope.error.message);
    this.name = 'ApiError';
  }
  get code() {
    return this.envelope.error.code;
  }
}

// A route without a schema infers `unknown` there: that part of the input is then not asked for.
type Input<D extends RouteDef> = (unknown extends ParamsOf<D> ? {} : { params: ParamsOf<D> }) &
  (unknown extends QueryOf<D> ? {} : { query?: Partial<QueryOf<D>> }) &
  (unknown extends BodyOf<D> ? { body?: unknown } : { body: BodyOf<D> });

/**
 * A typed client over the contract table: `client.call(orgRoutes.getUnit, { params: { code } })`.
 * Used by the web app and scripts; it adds the CSRF header on state-changing calls.
 *
 * @example
 * const api = createClient({ baseUrl: '', csrf: () => token });
 * const unit = await api.call(orgRoutes.getUnit, { params: { code: '110105' } });
 */
export function createClient(opts: { baseUrl?: string; fetch?: typeof fetch; csrf?: () => string | null; headers?: () => Record<string, string> }) {
  const f = opts.fetch ?? fetch;
  return {
    async call<D extends RouteDef>(def: D, input: Input<D> = {} as Input<D>): Promise<ResponseOf<D>> {
      const i = input as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
      let path = def.path.replace(/:([A-Za-z0-9_]+)/g, (_m, k: string) => encodeURIComponent(String(i.params?.[k] ?? '')));
      const q = Object.entries(i.query ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
      if (q.length) path += `?${new URLSearchParams(q.map(([k, v]) => [k, String(v)])).toString()}`;
      const headers: Record<string, string> = { accept: 'application/json', ...opts.headers?.() };
      if (i.body !== undefined) headers['content-type'] = 'application/json';
      const token = opts.csrf?.();
      if (def.method !== 'GET' && token) headers['x-csrf-token'] = token;
      const res = await f(`${opts.baseUrl ?? ''}${path}`, {
        method: def.method,
        headers,
        credentials: 'same-origin',
        ...(i.body !== undefined ? { body: JSON.stringify(i.body) } : {}),
      });
      const text = await res.text();
      const data = text ? JSON.parse(text) : null;
      if (!res.ok) throw new ApiError(res.status, data ?? { error: { code: 'internal', message: res.statusText }, requestId: '' });
      return data as ResponseOf<D>;
    },
  };
}
