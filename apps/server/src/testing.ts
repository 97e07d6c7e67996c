/**
 * Test harness for the server: a composed Jing on a fresh database of either
 * engine, with the Beijing org tree and demo accounts, plus an HTTP client
 * that signs in as a demo account.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestDatabase, type TestDatabase } from '@jing/db/testing';
import type { Engine } from '@jing/db';
import { loadConfig } from './config.ts';
import { createLogger } from './platform/logger.ts';
import { createJing, createServer, type Jing } from './app.ts';
import { seedDemoCity, DEMO_PASSWORD } from './seed.ts';

export { testEngines } from '@jing/db/testing';
export { DEMO_PASSWORD };

export interface TestJing {
  engine: Engine;
  jing: Jing;
  database: TestDatabase;
  cleanup(): Promise<void>;
}

/** A migrated Jing on a fresh database; `seed` adds the demo city. */
export async function createTestJing(engine: Engine, opts: { seed?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<TestJing> {
  const database = await createTestDatabase(engine);
  const varDir = mkdtempSync(join(tmpdir(), 'jing-var-'));
  const config = loadConfig({ JING_VAR_DIR: varDir, JING_DATA_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', ...opts.env });
  const jing = await createJing(config, createLogger('silent'), { database });
  if (opts.seed) await seedDemoCity(jing);
  return { engine, jing, database, cleanup: () => database.cleanup() };
}

export interface Session {
  cookie: string;
  csrf: string;
  me: Record<string, unknown>;
}

export interface TestApp extends TestJing {
  app: FastifyInstance;
  /** Signs in and returns the cookie and CSRF token. */
  login(username: string, password?: string): Promise<Session>;
  /** A request, optionally as a signed-in session (adds cookie and CSRF header). */
  call(method: string, url: string, opts?: { as?: Session; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/** `TestApp.call` for any composed server (a second one on the same database, say). */
export function callerOf(app: FastifyInstance): TestApp['call'] {
  return (method, url, o = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(o.as ? { cookie: o.as.cookie, 'x-csrf-token': o.as.csrf } : {}),
        ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...o.headers,
      },
      ...(o.body !== undefined ? { payload: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}),
    });
}

/** A seeded Jing behind its HTTP server (requests are injected, no port). */
export async function createTestApp(engine: Engine, opts: { env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  // Tests sign in often from one address; the throttle itself is tested with a low limit.
  const t = await createTestJing(engine, { seed: true, env: { JING_LOGIN_RATE_PER_MINUTE: '10000', ...opts.env } });
  const app = await createServer(t.jing);
  await app.ready();
  const call = callerOf(app);
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await call('POST', '/api/v1/auth/login', { body: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const set = res.headers['set-cookie'];
    const cookie = (Array.isArray(set) ? set : [set!]).map((c) => c!.split(';')[0]).join('; ');
    const me = res.json();
    return { cookie, csrf: me.csrfToken, me };
  };
  return {
    ...t,
    app,
    login,
    call,
    cleanup: async () => {
      await app.close();
      await t.cleanup();
    },
  };
}
