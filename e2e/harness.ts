import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startJing } from '../apps/server/src/index.ts';
import { createTestDatabase, testEngines } from '@jing/db/testing';
import type { Engine } from '@jing/db';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'apps/web');
const WEB_DIST = join(WEB, 'dist');

/** A Jing server for one test file: its own database and var dir, demo city seeded. */
export interface TestServer {
  url: string;
  /** What a second process (the CLI) needs to reach the same data. */
  env: { DATABASE_URL: string; JING_VAR_DIR: string };
  stop(): Promise<void>;
}

/**
 * The engines the issues' "done means" stories run on in the browser: those of
 * `JING_TEST_ENGINES` (both by default, as for the server tests). Other browser
 * tests run on SQLite only: what they add is the UI, which is the same on both.
 */
export function storyEngines(): Engine[] {
  return testEngines();
}

/**
 * Starts Jing on a free port with a throw-away database (a SQLite file, or a
 * schema of the test PostgreSQL database), the demo city seeded and the built
 * web app served. `stop()` closes it and deletes its files and schema.
 *
 * @example
 * const server = await startTestServer();
 * after(() => server.stop());
 */
export async function startTestServer(engine: Engine = 'sqlite'): Promise<TestServer> {
  assertWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'jing-e2e-'));
  let databaseUrl = `sqlite:${join(dir, 'e2e.sqlite')}`;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    // The server is told its schema through the URL (libpq's options), as an operator could.
    const pg = await createTestDatabase('postgres');
    await pg.close();
    databaseUrl = `${pg.url}${pg.url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${pg.schema}`)}`;
    dropDatabase = () => pg.cleanup();
  }
  const jing = await startJing({
    env: {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      JING_VAR_DIR: dir,
      LOG_LEVEL: 'silent',
      // Absolute, so the tests do not depend on the directory they are run from.
      JING_WEB_DIST: WEB_DIST,
      // A story test signs in as half a dozen people within a minute, all from 127.0.0.1;
      // the per-address login limit protects production, not a throw-away test server.
      JING_LOGIN_RATE_PER_MINUTE: '1000',
    },
  });
  return {
    url: jing.url,
    env: { DATABASE_URL: databaseUrl, JING_VAR_DIR: dir },
    async stop() {
      await jing.close();
      await dropDatabase();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The browser tests exercise the built app (as deployed, under the server's
 * CSP), so a missing or stale build would test the wrong thing: fail loudly.
 * Building here instead would race, since test files run in parallel.
 */
function assertWebBuilt(): void {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) throw new Error(`apps/web is not built: run \`npm run build:web\` before the e2e tests`);
  const builtAt = statSync(index).mtimeMs;
  const newer = newestFile(join(WEB, 'src'), builtAt);
  if (newer) throw new Error(`apps/web/dist is older than ${newer}: run \`npm run build:web\` before the e2e tests`);
}

function newestFile(dir: string, than: number): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newestFile(path, than);
      if (found) return found;
    } else if (!entry.name.endsWith('.test.ts') && statSync(path).mtimeMs > than) {
      return path.slice(ROOT.length + 1);
    }
  }
  return null;
}
