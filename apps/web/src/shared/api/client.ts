import type { ErrorCode, FieldIssue } from '@jing/contracts';

/**
 * Why a call failed: one of the API's closed set of error codes, or
 * `network` (no answer at all) / `bad_response` (an answer we cannot read).
 */
export type ApiErrorCode = ErrorCode | 'network' | 'bad_response';

/** A failed API call, carrying the server's error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: unknown,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems reported with `validation_failed` / `malformed_json`, else `[]`. */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | null | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }
}

/** Query values; `undefined` entries are left out of the URL. */
export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on a submission that must not be repeated. */
  headers?: Record<string, string>;
  /** A non-JSON body sent as is (an upload), with its content type. */
  raw?: { body: Blob; contentType: string };
}

/** The one way the web app talks to the Jing API. */
export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  put<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  delete<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** Remembers the session's CSRF token (from login or `GET /auth/me`); `null` after logout. */
  setCsrfToken(token: string | null): void;
  /** Called whenever a request answers 401 `unauthenticated` (the session ended). Returns an unsubscribe function. */
  onUnauthenticated(listener: () => void): () => void;
}

export interface ApiClientOptions {
  /** Prefix for every path; empty for same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Path that returns `{ csrfToken }` for the current session, used to recover from a stale token once. */
  csrfRefreshPath?: string;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Creates an API client: JSON in and out, cookie session, CSRF header on
 * state-changing requests, and every failure turned into an {@link ApiError}.
 *
 * @example
 * const api = createApiClient();
 * const unit = await api.get<OrgUnit>('/api/v1/org/units/110105');
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const csrfRefreshPath = options.csrfRefreshPath ?? '/api/v1/auth/me';
  let csrfToken: string | null = null;
  const listeners = new Set<() => void>();

  async function once<T>(method: string, path: string, opts: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { ...opts.headers, accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.raw) headers['content-type'] = opts.raw.contentType;
    if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
    let res: Response;
    try {
      res = await doFetch(baseUrl + path + queryString(opts.query), {
        method,
        headers,
        body: opts.raw ? opts.raw.body : opts.body === undefined ? undefined : JSON.stringify(opts.body),
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError(0, 'network', (err as Error).message, null, null);
    }
    const requestId = res.headers.get('x-request-id');
    const text = await res.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new ApiError(res.status, 'bad_response', `unreadable response (${res.status})`, null, requestId);
      }
    }
    if (res.ok) return json as T;
    const envelope = (json as { error?: { code?: string; message?: string; details?: unknown }; requestId?: string }) ?? {};
    const code = (envelope.error?.code ?? (res.status >= 500 ? 'internal' : 'bad_response')) as ApiErrorCode;
    const error = new ApiError(res.status, code, envelope.error?.message ?? res.statusText, envelope.error?.details, envelope.requestId ?? requestId);
    if (code === 'unauthenticated') for (const listener of listeners) listener();
    throw error;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    try {
      return await once<T>(method, path, opts);
    } catch (err) {
      // A token can go stale (another tab signed in again); fetch the current one and retry once.
      if (err instanceof ApiError && err.code === 'csrf_failed') {
        const me = await once<{ csrfToken?: string }>('GET', csrfRefreshPath, {});
        csrfToken = me.csrfToken ?? null;
        return once<T>(method, path, opts);
      }
      throw err;
    }
  }

  return {
    request,
    get: (path, o) => request('GET', path, o),
    post: (path, body, o) => request('POST', path, { ...o, body }),
    patch: (path, body, o) => request('PATCH', path, { ...o, body }),
    put: (path, body, o) => request('PUT', path, { ...o, body }),
    delete: (path, o) => request('DELETE', path, o),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
    onUnauthenticated: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Encodes one path segment, e.g. a unit code, for use in an API path. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
