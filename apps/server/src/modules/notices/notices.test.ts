import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';

for (const engine of testEngines()) {
  describe(`通知公告 notices to an org subtree [${engine}]`, () => {
    let t: TestApp;
    let district: Session;
    let street: Session;
    let community: Session;
    let haidian: Session;
    let noticeId: string;
    before(async () => {
      t = await createTestApp(engine);
      district = await t.login('chaoyang.officer');
      street = await t.login('jianwai.officer');
      community = await t.login('community.worker');
      haidian = await t.login('haidian.officer');
    });
    after(() => t.cleanup());

    it('publishes to a subtree; everyone in it sees it, nobody outside does', async () => {
      const r = await t.call('POST', '/api/v1/notices', {
        as: district,
        body: { title: '关于做好冬季供暖保障工作的通知', body: '各街道、社区：请于本周内完成入户排查。', targetUnit: '110105001', requiresAck: true, ackDueAt: new Date(Date.now() + 3 * 86400_000).toISOString() },
      });
      assert.equal(r.statusCode, 201, r.body);
      noticeId = r.json().id;
      for (const s of [street, community]) {
        const list = (await t.call('GET', '/api/v1/notices', { as: s })).json();
        assert.equal(list.items[0].id, noticeId);
        assert.equal(list.unread, 1);
      }
      assert.equal((await t.call('GET', '/api/v1/notices', { as: haidian })).json().items.length, 0);
      assert.equal((await t.call('GET', `/api/v1/notices/${noticeId}`, { as: haidian })).statusCode, 404);
    });

    it('puts the acknowledgement in each recipient’s inbox and tracks read and 签收 per person', async () => {
      const box = (await t.call('GET', '/api/v1/inbox', { as: community })).json().items;
      assert.ok(box.some((i: { title: string }) => i.title === '【通知】关于做好冬季供暖保障工作的通知'));
      assert.equal((await t.call('POST', `/api/v1/notices/${noticeId}/read`, { as: street })).statusCode, 200);
      assert.equal((await t.call('POST', `/api/v1/notices/${noticeId}/ack`, { as: community })).statusCode, 200);
      const receipts = (await t.call('GET', `/api/v1/notices/${noticeId}/receipts`, { as: district })).json();
      assert.equal(receipts.recipients, 2);
      assert.equal(receipts.read, 2, 'acknowledging counts as reading');
      assert.equal(receipts.acked, 1);
      const after = (await t.call('GET', '/api/v1/inbox', { as: community })).json().items;
      assert.ok(!after.some((i: { title: string }) => i.title.startsWith('【通知】')), 'acknowledged: off the to-do list');
      assert.equal((await t.call('GET', '/api/v1/notices?unread=true', { as: community })).json().unread, 0);
    });

    it('lists the notices I published with their read and 签收 counts, to me only', async () => {
      const mine = (await t.call('GET', '/api/v1/notices/published', { as: district })).json().items;
      assert.deepEqual(mine.map((n: { id: string }) => n.id), [noticeId]);
      assert.deepEqual([mine[0].recipients, mine[0].read, mine[0].acked, mine[0].target.code], [2, 2, 1, '110105001']);
      assert.equal((await t.call('GET', '/api/v1/notices/published', { as: street })).statusCode, 403, 'publishing permission needed');
      const muni = await t.login('muni.officer');
      assert.deepEqual((await t.call('GET', '/api/v1/notices/published', { as: muni })).json().items, [], 'another publisher sees only their own');
      assert.equal((await t.call('GET', '/api/v1/notices/published?limit=0', { as: district })).json().error.details.issues[0].path, 'query.limit');
    });

    it('refuses a target outside the publisher’s scope and publishing without the permission', async () => {
      const out = await t.call('POST', '/api/v1/notices', { as: district, body: { title: 't', body: 'b', targetUnit: '110108', requiresAck: false } });
      assert.equal(out.statusCode, 400);
      assert.equal(out.json().error.details.issues[0].path, 'body.targetUnit');
      assert.equal((await t.call('POST', '/api/v1/notices', { as: street, body: { title: 't', body: 'b', targetUnit: '110105001', requiresAck: false } })).statusCode, 403);
      assert.equal((await t.call('GET', `/api/v1/notices/${noticeId}/receipts`, { as: haidian })).statusCode, 403);
    });
  });
}
