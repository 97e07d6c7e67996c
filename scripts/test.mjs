#!/usr/bin/env node
// `npm test`: every test — typecheck, unit, integration on both SQL engines, browser end-to-end.
//
// - Installs Debian's Chromium when it is missing (the e2e tests drive it with playwright-core).
// - PostgreSQL: JING_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); a throw-away
//   database is created for the run and dropped after. JING_TEST_ENGINES=sqlite skips PostgreSQL.
// - Extra arguments are file filters: `npm test -- audit` runs test files whose path contains "audit".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const engines = (process.env.JING_TEST_ENGINES ?? 'sqlite,postgres').split(',').map((s) => s.trim()).filter(Boolean);
const chromium = process.env.JING_CHROMIUM ?? '/usr/bin/chromium';

function step(title) {
  process.stdout.write(`\n== ${title}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status ?? 1;
}

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
  }
  return out;
}

async function ensureChromium() {
  // Screenshots for the README need CJK fonts; the tests themselves do not.
  if (process.env.JING_SCREENSHOTS === '1' && !existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') && process.getuid?.() === 0) {
    run('apt-get', ['install', '-y', '-q', 'fonts-noto-cjk'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (existsSync(chromium)) return;
  step(`Chromium not found at ${chromium}: installing Debian's chromium package`);
  if (process.getuid?.() !== 0) {
    console.error('Installing Chromium needs root (apt-get). Install the "chromium" package, or set JING_CHROMIUM to a Chromium binary.');
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-q'], { env }) !== 0 || run('apt-get', ['install', '-y', '-q', 'chromium'], { env }) !== 0 || !existsSync(chromium)) {
    console.error('Could not install Chromium with apt-get.');
    process.exit(1);
  }
}

async function createPgDatabase() {
  const base = process.env.JING_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `jing_test_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`create database ${name}`);
  } catch (err) {
    console.error(`\nCannot reach PostgreSQL at ${base.replace(/:[^:@/]*@/, ':***@')}: ${err.message}\n` +
      'Point the tests at a server with JING_TEST_PG_URL=postgres://user@host:port/db (the user must be able to create databases),\n' +
      'or run only the SQLite engine explicitly with JING_TEST_ENGINES=sqlite.');
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

let files = findTests(join(root, 'apps')).concat(findTests(join(root, 'packages')), existsSync(join(root, 'e2e')) ? findTests(join(root, 'e2e')) : []);
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
const wantsE2e = files.some((f) => f.startsWith('e2e/'));

step('typecheck');
if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) process.exit(1);

if (wantsE2e) {
  await ensureChromium();
  step('build the web app');
  if (run('npm', ['run', 'build', '-w', '@jing/web']) !== 0) process.exit(1);
}

const env = { ...process.env, JING_TEST_ENGINES: engines.join(','), JING_CHROMIUM: chromium, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };
let database = null;
if (engines.includes('postgres')) {
  database = await createPgDatabase();
  env.JING_TEST_DATABASE_URL = database.url;
}
step(`tests: ${files.length} files on ${engines.join(' + ')}`);
let status = 1;
try {
  const tap = join(root, 'var', 'test-results.tap');
  mkdirSync(dirname(tap), { recursive: true });
  status = run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], { env });
  // One plain closing line that any CI can read.
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  // A test cancelled because a hook of its suite failed did not pass: it counts as failed.
  process.stdout.write(`\ntests: ${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped')} skipped\n`);
} finally {
  await database?.drop().catch((err) => console.error(`could not drop the test database: ${err.message}`));
}
process.exit(status);
