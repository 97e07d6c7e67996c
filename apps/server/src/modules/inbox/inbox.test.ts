import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inTransaction } from '@jing/db';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { lightOf } from './inbox.service.ts';

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('traffic lights', () => {
  it('is red past the deadline, yellow after the yellow mark, green before, none without a deadline', () => {
    const now = '2026-11-28T08:00:00.000Z';
    assert.equal(lightOf(null, null, now), 'none');
    assert.equal(lightOf('2026-11-28T07:59:59.999Z', null, now), 'red');
    assert.equal(lightOf('2026-11-29T00:00:00.000Z', '2026-11-28T08:00:00.000Z', now), 'yellow');
    assert.equal(lightOf('2026-11-29T00:00:00.000Z', '2026-11-28T09:00:00.000Z', now), 'green');
  });
});

for (const engine of testEngines()) {
  describe(`inbox: one to-do list per person and per unit [${engine}]`, () => {
    let t: TestApp;
    let street: Session;
    let community: Session;
    before(async () => {
      t = await createTestApp(engine);
      street = await t.login('jianwai.officer');
      community = await t.login('community.worker');
      await inTransaction(t.jing.database.db, async (trx) => {
        const base = { module: 'test', link: '/ban/test', unitCode: '110105001' };
        await t.jing.inbox.post(trx, { ...base, kind: 'overdue', sourceId: 'a', title: '逾期工单', dueAt: hoursFromNow(-1) });
        await t.jing.inbox.post(trx, { ...base, kind: 'near', sourceId: 'b', title: '临期工单', dueAt: hoursFromNow(1), yellowAt: hoursFromNow(-1) });
        await t.jing.inbox.post(trx, { ...base, kind: 'fresh', sourceId: 'c', title: '新工单', dueAt: hoursFromNow(48) });
        await t.jing.inbox.post(trx, { ...base, kind: 'notice', sourceId: 'd', title: '无期限' });
        await t.jing.inbox.post(trx, { ...base, kind: 'personal', sourceId: 'e', title: '指派给他人', assigneeId: community.me.id as string });
        await t.jing.inbox.post(trx, { ...base, unitCode: '110105001026', kind: 'community', sourceId: 'f', title: '社区工单', assigneeId: community.me.id as string, dueAt: hoursFromNow(5) });
      });
    });
    after(() => t.cleanup());

    it('shows the unit’s unassigned items, most urgent first, with lights and counts', async () => {
      const r = await t.call('GET', '/api/v1/inbox', { as: street });
      assert.equal(r.statusCode, 200, r.body);
      const { items, counts } = r.json();
      assert.deepEqual(items.map((i: { title: string }) => i.title), ['逾期工单', '临期工单', '新工单', '无期限']);
      assert.deepEqual(items.map((i: { light: string }) => i.light), ['red', 'yellow', 'green', 'none']);
      assert.deepEqual(counts, { red: 1, yellow: 1, green: 1, none: 1 });
    });

    it('shows items assigned to a person only in that person’s box, and all in the unit box', async () => {
      const mine = (await t.call('GET', '/api/v1/inbox', { as: community })).json().items.map((i: { title: string }) => i.title);
      assert.deepEqual(mine.sort(), ['指派给他人', '社区工单'].sort());
      const unit = (await t.call('GET', '/api/v1/inbox?box=unit', { as: street })).json().items;
      assert.equal(unit.length, 5);
    });

    it('filters by light and closes items when the source module says the work is done', async () => {
      const red = (await t.call('GET', '/api/v1/inbox?light=red', { as: street })).json().items;
      assert.deepEqual(red.map((i: { sourceId: string }) => i.sourceId), ['a']);
      await inTransaction(t.jing.database.db, (trx) => t.jing.inbox.complete(trx, 'test', 'a'));
      const open = (await t.call('GET', '/api/v1/inbox', { as: street })).json();
      assert.equal(open.counts.red, 0);
      const done = (await t.call('GET', '/api/v1/inbox?status=done', { as: street })).json().items;
      assert.equal(done[0].sourceId, 'a');
      assert.ok(done[0].completedAt);
    });

    it('is for staff only', async () => {
      const resident = await t.login('resident.zhang');
      assert.equal((await t.call('GET', '/api/v1/inbox', { as: resident })).statusCode, 403);
      assert.equal((await t.call('GET', '/api/v1/inbox?light=purple', { as: street })).json().error.details.issues[0].path, 'query.light');
    });
  });
}
