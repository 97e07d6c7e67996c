import assert from 'node:assert/strict';

/** A signed-in API session outside the browser: to arrange data and to check outcomes. */
export interface ApiSession {
  me: { id: string; unit: { code: string } | null; permissions: string[] };
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  /** Uploads a file (`POST /api/v1/files`) and answers its id. */
  upload(body: Buffer, contentType: string, name: string): Promise<string>;
}

/**
 * Signs in over the API (cookie and CSRF token kept for later calls). Every
 * call asserts a 2xx answer and says what the server answered otherwise.
 *
 * @example
 * const street = await apiSession(env.server.url, 'jianwai.officer');
 * const c = await street.post<CaseView>(`/api/v1/cases/${id}/sign`, { version: 0 });
 */
export async function apiSession(baseUrl: string, username: string, password = 'Jing@2026demo'): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(login.status, 200, `sign-in of ${username}`);
  const me = (await login.json()) as ApiSession['me'] & { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const raw = Buffer.isBuffer(body);
    const res = await fetch(baseUrl + path, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} as ${username}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
  return {
    me,
    get: (path) => call('GET', path),
    post: (path, body, headers) => call('POST', path, body, headers),
    patch: (path, body) => call('PATCH', path, body),
    upload: async (body, contentType, name) => (await call<{ id: string }>('POST', '/api/v1/files', body, { 'content-type': contentType, 'x-file-name': encodeURIComponent(name) })).id,
  };
}

/** The parts of a case the tests look at (`GET /api/v1/cases/{id}`). */
export interface CaseJson {
  id: string;
  number: string;
  status: string;
  version: number;
  type: string;
  category: { code: string };
  location: { lng: number; lat: number } | null;
  district: { code: string } | null;
  street: { code: string } | null;
  handler: { code: string; name: string } | null;
  anonymous: boolean;
  reporter: { name: string | null; phoneMasked: string | null } | null;
  participants: { unit: { code: string }; role: string; checkedInAt: string | null; score: number | null }[];
  rating: { contacted: boolean; resolved: boolean; satisfaction: string } | null;
  events: { type: string; text: string | null }[];
  attachments: { fileId: string; kind: 'photo' | 'evidence'; contentType: string; url: string }[];
  duplicateOf: string | null;
  mergedInto: { id: string; number: string } | null;
  related: { id: string; number: string; relation: string }[];
}

/** One row of a 三率 league table (`GET /api/v1/cases/rates`). */
export interface RatesRowJson {
  rank: number;
  unit: { code: string; name: string };
  cases: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  score: number | null;
}

/** This month in Beijing (`YYYY-MM`), as the league tables count it. */
export function beijingMonth(date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(date).slice(0, 7);
}

/** A league-table row of one unit, as the API has it now. */
export async function ratesRow(session: ApiSession, level: 'district' | 'street' | 'agency', code: string, within?: string): Promise<RatesRowJson> {
  const q = new URLSearchParams({ month: beijingMonth(), level, ...(within ? { within } : {}) });
  const table = await session.get<{ items: RatesRowJson[] }>(`/api/v1/cases/rates?${q}`);
  const row = table.items.find((r) => r.unit.code === code);
  assert.ok(row, `${code} is in the ${level} table`);
  return row;
}
