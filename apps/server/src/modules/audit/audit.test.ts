import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inTransaction, sql } from '@jing/db';
import { createTestJing, testEngines, type TestJing } from '../../testing.ts';
import type { Caller } from '../../platform/auth/context.ts';

const caller = (actor: string, principal = actor): Caller => ({
  requestId: 'req-1',
  auth: {
    sessionId: 's', csrfToken: 'c', grants: [], permissions: new Map(),
    actor: { id: actor, kind: 'staff', displayName: actor, unitCode: '110105' },
    principal: { id: principal, kind: 'staff', displayName: principal, unitCode: '110105' },
  },
});

for (const engine of testEngines()) {
  describe(`audit log [${engine}]`, () => {
    let t: TestJing;
    const write = (n: number, c: Caller = caller('a1')) =>
      inTransaction(t.jing.database.db, async (trx) => {
        for (let i = 0; i < n; i++) await t.jing.audit.record(trx, c, { action: 'test.change', targetType: 'thing', targetId: `t${i}`, unitCode: '110105', before: { v: i }, after: { v: i + 1 } });
      });
    before(async () => {
      t = await createTestJing(engine);
      await t.jing.org.importUnits({ auth: null, requestId: null }, [
        { code: '110000', name: '北京市', parentCode: null, level: 'municipality' },
        { code: '110105', name: '朝阳区', parentCode: '110000', level: 'district' },
      ], 'test');
    });
    after(() => t.cleanup());

    it('chains entries and verifies an untouched log', async () => {
      await write(5);
      const v = await t.jing.audit.verify();
      assert.deepEqual(v, { ok: true, entries: 6, firstBad: null }); // the import wrote one entry too
    });

    it('records the real actor and the principal when acting for someone (代理)', async () => {
      await write(1, caller('deputy', 'chief'));
      const row = await t.jing.database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      assert.equal(row.actor_id, 'deputy');
      assert.equal(row.on_behalf_of_id, 'chief');
      assert.equal(row.unit_path, '/110000/110105/');
    });

    it('names the first edited entry', async () => {
      await sql`update audit_log set after_json = '{"v":999}' where seq = 3`.execute(t.jing.database.db);
      const v = await t.jing.audit.verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstBad?.seq, 3);
      assert.match(v.firstBad!.reason, /edited/);
      await sql`update audit_log set after_json = '{"v":2}' where seq = 3`.execute(t.jing.database.db);
      assert.equal((await t.jing.audit.verify()).ok, true, 'restoring the content restores the chain');
    });

    it('names a deleted entry', async () => {
      const saved = await t.jing.database.db.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
      await sql`delete from audit_log where seq = 4`.execute(t.jing.database.db);
      const v = await t.jing.audit.verify();
      assert.deepEqual([v.ok, v.firstBad?.seq], [false, 4]);
      assert.match(v.firstBad!.reason, /missing/);
      await t.jing.database.db.insertInto('audit_log').values(saved).execute();
    });

    it('detects two entries swapped', async () => {
      const db = t.jing.database.db;
      const [a, b] = await db.selectFrom('audit_log').selectAll().where('seq', 'in', [2, 3]).orderBy('seq').execute();
      await db.deleteFrom('audit_log').where('seq', 'in', [2, 3]).execute();
      await db.insertInto('audit_log').values([{ ...b, seq: 2 }, { ...a, seq: 3 }]).execute();
      const v = await t.jing.audit.verify();
      assert.deepEqual([v.ok, v.firstBad?.seq], [false, 2]);
      await db.deleteFrom('audit_log').where('seq', 'in', [2, 3]).execute();
      await db.insertInto('audit_log').values([a, b]).execute();
      assert.equal((await t.jing.audit.verify()).ok, true);
    });

    it('detects entries cut from the end', async () => {
      const db = t.jing.database.db;
      const last = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      await db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
      const v = await t.jing.audit.verify();
      assert.equal(v.ok, false);
      assert.match(v.firstBad!.reason, /head/);
      await db.insertInto('audit_log').values(last).execute();
    });

    it('keeps appending one chain under concurrent writers', async () => {
      await Promise.all(Array.from({ length: 8 }, () => write(3)));
      const v = await t.jing.audit.verify();
      assert.equal(v.ok, true, JSON.stringify(v.firstBad));
    });
  });
}
