/**
 * The CLI and the server as a user runs them, as processes: registering networks and devices, importing
 * thousands of devices, and readings that survive `kill -9` of the server right after their 200.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { testEngines, testPostgresUrl } from '@jing/db/testing';
import { DEMO_PASSWORD } from '../../seed.ts';

const BIN = new URL('../../../bin/jing.mjs', import.meta.url).pathname;

/** A database for child processes: an SQLite file, or a fresh PostgreSQL database (dropped after). */
async function databaseFor(engine: string, dir: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') return { url: `sqlite:${join(dir, 'jing.sqlite')}`, drop: async () => {} };
  const base = testPostgresUrl();
  const name = `jing_crash_${randomBytes(5).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

for (const engine of testEngines()) {
  describe(`sensing CLI and crash durability [${engine}]`, () => {
    let dir: string;
    let db: { url: string; drop(): Promise<void> };
    let env: NodeJS.ProcessEnv;
    let server: ChildProcess | null = null;
    const jing = (...args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    /** `jing serve` on a free port; resolves with its URL once listening. */
    const serve = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
        server = child;
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const m = /running at (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.stderr!.on('data', (d) => (out += d));
        child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
      });
    const kill9 = async () => {
      const s = server!;
      const gone = new Promise((r) => s.once('exit', r));
      s.kill('SIGKILL');
      await gone;
      server = null;
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'jing-sensing-cli-'));
      db = await databaseFor(engine, dir);
      env = { ...process.env, DATABASE_URL: db.url, JING_VAR_DIR: dir, LOG_LEVEL: 'silent', JING_MQTT_MODE: 'off' };
    });
    after(async () => {
      if (server) await kill9();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    let apiKey: string;
    it('creates a network and devices from the command line, printing the network’s API key', () => {
      assert.equal(jing('migrate').code, 0);
      const n = jing('sensing', 'network', 'create', 'city-a');
      assert.equal(n.code, 0, n.err);
      apiKey = JSON.parse(n.out).apiKey;
      assert.match(apiKey, /^jsk_/);
      const d = jing('sensing', 'device', 'create', 's-1', '--network', 'city-a', '--lng', '116.4', '--lat', '39.9', '--type', 'station');
      assert.equal(d.code, 0, d.err);
      assert.deepEqual([JSON.parse(d.out).type, JSON.parse(d.out).network, JSON.parse(d.out).apiKey], ['station', 'city-a', null]);
      const fresh = JSON.parse(jing('sensing', 'device', 'create', 'b-1', '--network', 'city-b', '--lng', '116.5', '--lat', '39.95').out);
      assert.match(fresh.apiKey, /^jsk_/, 'a network created on the way has its key printed');
      const bad = jing('sensing', 'device', 'create', 's-2', '--network', 'city-a', '--type', 'satellite');
      assert.equal(bad.code, 1);
      assert.match(bad.err, /--type satellite/);
    });

    it('imports thousands of devices from a CSV with a progress bar, naming the lines it skipped', () => {
      const lines = ['code,network,type,lng,lat'];
      for (let i = 0; i < 3000; i++) lines.push(`m${i},city-a,micro,${(116.2 + (i % 60) * 0.005).toFixed(3)},${(39.8 + Math.floor(i / 60) * 0.004).toFixed(3)}`);
      lines.push('bad,city-a,satellite,116.4,39.9', 's-1,city-a,station,116.4,39.9', 'lost,city-z,micro,116.4,39.9');
      const file = join(dir, 'devices.csv');
      writeFileSync(file, lines.join('\n') + '\n');
      const r = jing('sensing', 'device', 'import', file);
      assert.equal(r.code, 1, 'some lines were skipped');
      const out = JSON.parse(r.out);
      assert.equal(out.imported, 3000);
      assert.deepEqual(out.skipped.map((s: { line: number; reason: string }) => [s.line, s.reason.split(':')[0]!.split(' ')[0]]), [[3002, 'type'], [3003, 'exists'], [3004, 'network']]);
      assert.match(r.err, /devices: 100%/);
      const again = jing('sensing', 'device', 'import', file);
      assert.equal(JSON.parse(again.out).imported, 0, 'idempotent');
    });

    it('keeps readings acknowledged with 200 when the server is killed with SIGKILL right after', async () => {
      let url = await serve();
      const readings = Array.from({ length: 1000 }, (_, i) => ({ device: `m${i}`, time: '2026-11-27T10:00:00+08:00', values: { pm25: 10 + (i % 90), pm10: 40 } }));
      const res = await fetch(`${url}/api/v1/sensing/readings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ readings }) });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { accepted: number }).accepted, 1000);
      await kill9();
      url = await serve();
      const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'muni.officer', password: DEMO_PASSWORD }) });
      assert.equal(login.status, 200);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      for (const i of [0, 499, 999]) {
        const r = await fetch(`${url}/api/v1/sensing/devices/m${i}/readings?from=${encodeURIComponent('2026-11-27T09:00:00+08:00')}&to=${encodeURIComponent('2026-11-27T11:00:00+08:00')}`, { headers: { cookie } });
        assert.equal(r.status, 200);
        assert.deepEqual(((await r.json()) as { items: { values: unknown }[] }).items.map((x) => x.values), [{ pm25: 10 + (i % 90), pm10: 40 }]);
      }
      const again = await fetch(`${url}/api/v1/sensing/readings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ readings }) });
      assert.equal(((await again.json()) as { accepted: number }).accepted, 0, 'all already stored');
      await kill9();
    });
  });
}
