import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { shiftMonth } from './cases.proactive.ts';

describe('month arithmetic', () => {
  it('crosses year ends', () => {
    assert.equal(shiftMonth('2026-01', -1), '2025-12');
    assert.equal(shiftMonth('2026-11', -3), '2026-08');
    assert.equal(shiftMonth('2026-12', 1), '2027-01');
  });
});

for (const engine of testEngines()) {
  describe(`未诉先办: a rising category raises a supervision task to the street [${engine}]`, () => {
    let t: TestApp;
    let resident: Session;
    before(async () => {
      t = await createTestApp(engine);
      resident = await t.login('resident.zhang');
    });
    after(() => t.cleanup());

    it('stays quiet below the threshold, then raises one task when the street’s count doubles its trailing average', async () => {
      const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
      // Two a month in the three months before.
      for (const m of [1, 2, 3]) await t.jing.database.db.insertInto('case_category_rollups').values({ month: shiftMonth(month, -m), street_code: '110105001', category_code: 'cooking_fumes', n: 2 }).execute();
      const report = () => t.call('POST', '/api/v1/cases', { as: resident, body: { type: 'complaint', categoryCode: 'cooking_fumes', description: '楼下餐馆油烟直排扰民', streetCode: '110105001' } });
      for (let i = 0; i < 4; i++) assert.equal((await report()).statusCode, 201);
      assert.deepEqual(await t.jing.proactive.detect(SYSTEM_CALLER), [], 'four is below the minimum of five');
      assert.equal((await report()).statusCode, 201);
      const raised = await t.jing.proactive.detect(SYSTEM_CALLER);
      assert.equal(raised.length, 1);
      assert.deepEqual([raised[0]!.street, raised[0]!.category, raised[0]!.count, raised[0]!.baseline], ['110105001', 'cooking_fumes', 5, 2]);
      assert.deepEqual(await t.jing.proactive.detect(SYSTEM_CALLER), [], 'once per street, category and month');
      const street = await t.login('jianwai.officer');
      const tasks = (await t.call('GET', '/api/v1/supervision/tasks', { as: street })).json().items;
      assert.ok(tasks.some((x: { title: string; source: string }) => x.title.includes('未诉先办') && x.source === 'case'));
      const district = await t.login('chaoyang.officer');
      const issued = (await t.call('GET', '/api/v1/supervision/tasks?role=issued', { as: district })).json().items;
      assert.ok(issued.some((x: { id: string }) => x.id === raised[0]!.taskId), 'issued in the district’s name');
    });
  });
}
