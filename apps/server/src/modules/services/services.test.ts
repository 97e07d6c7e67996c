import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { createTestApp, testEngines, type TestApp } from '../../testing.ts';
import { loadServiceItems } from './seed-data.ts';

for (const engine of testEngines()) {
  describe(`政务服务事项 service catalogue [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(engine);
    });
    after(() => t.cleanup());

    it('serves the seeded catalogue, filtered by audience, found by words inside names', async () => {
      const all = (await t.call('GET', '/api/v1/services?limit=100')).json().items;
      assert.equal(all.length, loadServiceItems().length);
      const biz = (await t.call('GET', '/api/v1/services?audience=business&limit=100')).json().items;
      assert.ok(biz.every((i: { audience: string[] }) => i.audience.includes('business')));
      assert.ok(biz.length < all.length);
      const found = (await t.call('GET', `/api/v1/services?q=${encodeURIComponent('居住')}`)).json().items;
      assert.equal(found[0].code, 'BJ-GA-XK-0101');
      assert.equal(typeof found[0].name, 'string');
      assert.equal(typeof found[0].department, 'string');
    });

    it('returns one item with every element, and 404 for an unknown code', async () => {
      const r = await t.call('GET', '/api/v1/services/BJ-SJ-XK-0301');
      assert.equal(r.statusCode, 200, r.body);
      const item = r.json();
      assert.equal(item.status, 'published');
      assert.equal(item.definition.statutoryLimitDays, 10);
      assert.ok(item.definition.situations.length >= 2);
      assert.equal((await t.call('GET', '/api/v1/services/NO-SUCH-ITEM')).statusCode, 404);
    });

    it('versions items: a changed definition becomes a new published version, the old one retired and kept', async () => {
      const [first] = loadServiceItems().filter((i) => i.code === 'BJ-SJ-DJ-0201');
      const again = await t.jing.services.load(SYSTEM_CALLER, [first!]);
      assert.deepEqual(again, { created: 0, updated: 0, unchanged: 1 });
      const changed = await t.jing.services.load(SYSTEM_CALLER, [{ ...first!, promisedLimitDays: 2 }]);
      assert.deepEqual(changed, { created: 0, updated: 1, unchanged: 0 });
      const versions = await t.jing.services.versions('BJ-SJ-DJ-0201');
      assert.deepEqual(versions.map((v) => [v.version, v.status]), [[1, 'retired'], [2, 'published']]);
      assert.equal((await t.jing.services.version('BJ-SJ-DJ-0201', 1)).definition.promisedLimitDays, 1);
      assert.equal((await t.call('GET', '/api/v1/services/BJ-SJ-DJ-0201')).json().version, 2);
      const audit = await t.jing.database.db.selectFrom('audit_log').select('action').where('target_id', 'like', 'BJ-SJ-DJ-0201@%').execute();
      assert.ok(audit.some((a) => a.action === 'services.publish'));
    });
  });
}
