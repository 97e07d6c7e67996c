import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { migrateAllDown, migrateToLatest, sql } from '@jing/db';
import { createTestDatabase, testEngines, type TestDatabase } from '@jing/db/testing';
import { MIGRATIONS } from './app.ts';

async function tables(t: TestDatabase): Promise<string[]> {
  const rows =
    t.engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(t.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(t.db);
  return rows.rows.map((r) => r.name);
}

for (const engine of testEngines()) {
  describe(`migrations [${engine}]`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(engine);
    });
    after(() => t.cleanup());

    it('applies every module’s migrations, reverts them all, and applies them again', async () => {
      const up = await migrateToLatest(t.db, MIGRATIONS);
      assert.ok(up.length >= 4, `expected the migrations of audit, org, identity and geo, got ${up.join(', ')}`);
      for (const table of ['audit_log', 'org_units', 'accounts', 'sessions', 'geo_boundaries']) assert.ok((await tables(t)).includes(table), table);
      assert.deepEqual(await migrateToLatest(t.db, MIGRATIONS), [], 'a second run has nothing to do');
      const down = await migrateAllDown(t.db, MIGRATIONS);
      assert.equal(down.length, up.length);
      assert.deepEqual((await tables(t)).filter((n) => !n.startsWith('jing_migrations')), []);
      assert.equal((await migrateToLatest(t.db, MIGRATIONS)).length, up.length);
    });
  });
}
