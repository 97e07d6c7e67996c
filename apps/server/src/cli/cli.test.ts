import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite from 'better-sqlite3';

const BIN = new URL('../../bin/jing.mjs', import.meta.url).pathname;

/** The CLI as a user runs it, against an embedded database in a temp dir. */
function jing(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'jing.sqlite')}`, JING_VAR_DIR: dir, LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the jing CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jing-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, imports Beijing’s divisions with progress, and seeds', () => {
    assert.match(jing(dir, 'migrate').out, /org_units/);
    const imp = jing(dir, 'import', 'divisions');
    assert.equal(imp.code, 0, imp.err);
    assert.equal(JSON.parse(imp.out).total, 8175);
    assert.match(imp.err, /importing Beijing: 100%/);
    const seed = jing(dir, 'seed');
    assert.equal(seed.code, 0, seed.err);
    assert.ok(JSON.parse(seed.out).accounts.some((a: { username: string }) => a.username === 'chaoyang.officer'));
  });

  it('creates a staff user and refuses bad input with a message', () => {
    const ok = jing(dir, 'user', 'create', '--username', 'cli.user', '--unit', '110105002', '--name', '测试', '--position', '科员', '--role', 'auditor');
    assert.equal(ok.code, 0, ok.err);
    assert.equal(JSON.parse(ok.out).unitCode, '110105002');
    const bad = jing(dir, 'user', 'create', '--username', 'cli.user2', '--unit', '110105002', '--name', '测试', '--position', '科员', '--role', 'king');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--role king/);
    const missing = jing(dir, 'user', 'create', '--username', 'cli.user3');
    assert.match(missing.err, /--unit is required/);
  });

  it('sets boundaries from a GeoJSON file and reports the features it skipped', () => {
    const file = join(dir, 'streets.geojson');
    writeFileSync(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { gb: '110105001' }, geometry: { type: 'Polygon', coordinates: [[[116.43, 39.895], [116.47, 39.895], [116.47, 39.92], [116.43, 39.895]]] } },
        { type: 'Feature', properties: { gb: '999999' }, geometry: { type: 'Polygon', coordinates: [[[1, 1], [2, 1], [2, 2], [1, 1]]] } },
      ],
    }));
    const r = jing(dir, 'geo', 'import', file, '--code-property', 'gb');
    assert.equal(r.code, 1);
    const out = JSON.parse(r.out);
    assert.equal(out.imported, 1);
    assert.equal(out.skipped[0].index, 1);
  });

  it('verifies the audit log, and names the first entry after tampering', () => {
    const ok = jing(dir, 'audit', 'verify');
    assert.equal(ok.code, 0, ok.err);
    assert.equal(JSON.parse(ok.out).ok, true);
    const db = new BetterSqlite(join(dir, 'jing.sqlite'));
    db.prepare("update audit_log set action = 'innocent' where seq = 3").run();
    db.close();
    const bad = jing(dir, 'audit', 'verify');
    assert.equal(bad.code, 1);
    assert.equal(JSON.parse(bad.out).firstBad.seq, 3);
    assert.match(bad.err, /entry 3/);
  });

  it('imports a service catalogue file: new items published, a bad file names the field and changes nothing', () => {
    const listed = jing(dir, 'services', 'list');
    assert.equal(listed.code, 0, listed.err);
    const before = listed.out.trim().split('\n').length;
    const seeded = JSON.parse(readFileSync(new URL('../../data/services/items.json', import.meta.url), 'utf8')).items;
    const fresh = { ...seeded[0], code: 'CLI-TEST-0001', name: { zh: '命令行导入测试事项' } };
    const good = join(dir, 'items.json');
    writeFileSync(good, JSON.stringify({ items: [fresh] }));
    const ok = jing(dir, 'services', 'import', good);
    assert.equal(ok.code, 0, ok.err);
    assert.deepEqual(JSON.parse(ok.out), { created: 1, updated: 0, unchanged: 0 });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ items: [{ ...fresh, code: 'CLI-TEST-0002' }, { ...fresh, code: 'CLI-TEST-0003', statutoryLimitDays: -1 }] }));
    const refused = jing(dir, 'services', 'import', bad);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /items\.1\.statutoryLimitDays/);
    const after = jing(dir, 'services', 'list').out;
    assert.equal(after.trim().split('\n').length, before + 1);
    assert.match(after, /CLI-TEST-0001/);
    assert.doesNotMatch(after, /CLI-TEST-0002/);
  });

  it('explains unknown commands', () => {
    const r = jing(dir, 'frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command/);
  });
});
