import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type TestApp } from '../../testing.ts';
import { searchTerms } from './knowledge.service.ts';

for (const engine of testEngines()) {
  describe(`知识库 knowledge base [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(engine);
    });
    after(() => t.cleanup());

    it('cuts Chinese into two-character terms', () => {
      assert.deepEqual(searchTerms('供暖时间'), ['供暖', '暖时', '时间']);
      assert.deepEqual(searchTerms('12345 受理'), ['12345', '受理']);
    });

    it('finds the seeded answer for a question typed without spaces, question hits first', async () => {
      const r = (await t.call('GET', `/api/v1/knowledge?q=${encodeURIComponent('北京供暖时间是几号')}`)).json().items;
      assert.equal(r[0].categoryCode, 'heating');
      assert.match(r[0].answer, /11月15日/);
      assert.equal((await t.call('GET', `/api/v1/knowledge?q=${encodeURIComponent('火星移民')}`)).json().items.length, 0);
    });

    it('lets the dispatch centre add and revise answers, audited; others may not', async () => {
      const dispatcher = await t.login('dispatch.centre');
      const resident = await t.login('resident.zhang');
      const body = { question: '共享单车乱停怎么办？', answer: '可在京通地图上标注位置反映，工单派至属地街道。', categoryCode: 'shared_bikes', keywords: ['共享单车'] };
      assert.equal((await t.call('POST', '/api/v1/knowledge', { as: resident, body })).statusCode, 403);
      const created = await t.call('POST', '/api/v1/knowledge', { as: dispatcher, body });
      assert.equal(created.statusCode, 201, created.body);
      const bad = await t.call('POST', '/api/v1/knowledge', { as: dispatcher, body: { ...body, categoryCode: 'nope' } });
      assert.equal(bad.json().error.details.issues[0].path, 'body.categoryCode');
      const revised = await t.call('PUT', `/api/v1/knowledge/${created.json().id}`, { as: dispatcher, body: { ...body, answer: '可在京通上标注位置反映，工单将派至属地街道处理。' } });
      assert.equal(revised.statusCode, 200);
      const found = (await t.call('GET', `/api/v1/knowledge?q=${encodeURIComponent('共享单车')}`)).json().items;
      assert.equal(found[0].answer, '可在京通上标注位置反映，工单将派至属地街道处理。');
      const audit = await t.jing.database.db.selectFrom('audit_log').select('action').where('target_id', '=', created.json().id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['knowledge.create', 'knowledge.update']);
    });
  });
}
