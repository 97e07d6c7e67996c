import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';

const inDays = (d: number) => new Date(Date.now() + d * 86400_000).toISOString();

for (const engine of testEngines()) {
  describe(`督办 supervision lifecycle [${engine}]`, () => {
    let t: TestApp;
    let district: Session;
    let street: Session;
    let taskId: string;
    let assignment: { id: string; version: number };
    const act = async (as: Session, path: string, body: Record<string, unknown>, status = 200) => {
      const r = await t.call('POST', `/api/v1/supervision/assignments/${assignment.id}/${path}`, { as, body: { version: assignment.version, ...body } });
      assert.equal(r.statusCode, status, `${path}: ${r.body}`);
      if (status === 200) assignment = r.json();
      return r.json();
    };

    before(async () => {
      t = await createTestApp(engine);
      district = await t.login('chaoyang.officer');
      street = await t.login('jianwai.officer');
    });
    after(() => t.cleanup());

    it('assigns a task to streets in the district; each street finds it in its inbox', async () => {
      const r = await t.call('POST', '/api/v1/supervision/tasks', {
        as: district,
        body: { title: '整治建外大街占道经营', description: '两周内完成整治并报结', source: 'leader_instruction', dueAt: inDays(14), units: ['110105001', '110105002'] },
      });
      assert.equal(r.statusCode, 201, r.body);
      taskId = r.json().id;
      assert.equal(r.json().assignments.length, 2);
      const inbox = (await t.call('GET', '/api/v1/inbox', { as: street })).json().items;
      assert.ok(inbox.some((i: { title: string; link: string }) => i.title === '【督办】整治建外大街占道经营' && i.link === `/ban/supervision/${taskId}`));
      const mine = (await t.call('GET', `/api/v1/supervision/tasks/${taskId}`, { as: street })).json();
      assert.equal(mine.assignments.length, 1, 'a street sees only its own assignment');
      assignment = mine.assignments[0];
    });

    it('refuses units outside the issuer’s scope and non-supervisors', async () => {
      const r = await t.call('POST', '/api/v1/supervision/tasks', { as: district, body: { title: 'x', description: 'y', source: 'other', dueAt: inDays(3), units: ['110108001'] } });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().error.details.issues[0].path, 'body.units.0');
      assert.equal((await t.call('POST', '/api/v1/supervision/tasks', { as: street, body: { title: 'x', description: 'y', source: 'other', dueAt: inDays(3), units: ['110105001'] } })).statusCode, 403);
    });

    it('runs accept → extension → report → return → report → close → evaluate', async () => {
      await act(street, 'accept', {});
      assert.equal(assignment.version, 1);
      await act(district, 'accept', {}, 403);
      await act(street, 'progress', { text: '已约谈商户' });
      await act(street, 'extension', { reason: '商户较多', newDueAt: inDays(1) }, 400);
      await act(street, 'extension', { reason: '商户较多', newDueAt: inDays(21) });
      assert.equal((assignment as unknown as { status: string }).status, 'extension_requested');
      const districtInbox = (await t.call('GET', '/api/v1/inbox', { as: district })).json().items;
      assert.ok(districtInbox.some((i: { title: string }) => i.title.startsWith('【延期申请】')));
      await act(district, 'extension/decision', { approve: true, comment: '同意' });
      assert.equal((assignment as unknown as { dueAt: string }).dueAt.slice(0, 10), inDays(21).slice(0, 10));
      await act(street, 'report', { text: '已整治完毕' });
      await act(district, 'return', { reason: '仍有占道' });
      await act(street, 'accept', {});
      await act(street, 'report', { text: '复查无占道' });
      await act(district, 'close', { comment: '核实销号' });
      await act(district, 'evaluate', { score: 4 });
      const full = (await t.call('GET', `/api/v1/supervision/tasks/${taskId}`, { as: district })).json();
      const mine = full.assignments.find((a: { id: string }) => a.id === assignment.id);
      assert.deepEqual(
        mine.events.map((e: { type: string }) => e.type),
        ['assign', 'accept', 'progress', 'extension_request', 'extension_approved', 'report', 'return', 'accept', 'report', 'close', 'evaluate'],
      );
      assert.equal(mine.score, 4);
      const streetInbox = (await t.call('GET', '/api/v1/inbox', { as: street })).json().items;
      assert.ok(!streetInbox.some((i: { sourceId: string }) => i.sourceId === assignment.id), 'the street’s item is done');
    });

    it('answers a stale version with 409 and a wrong state with 409, changing nothing', async () => {
      const stale = await t.call('POST', `/api/v1/supervision/assignments/${assignment.id}/evaluate`, { as: district, body: { version: assignment.version - 1, score: 5 } });
      assert.equal(stale.statusCode, 409);
      const wrong = await act(district, 'close', {}, 409);
      assert.match(wrong.error.message, /closed/);
    });

    it('escalates overdue work one level up the org tree, and counts it per unit', async () => {
      const other = (await t.call('GET', `/api/v1/supervision/tasks/${taskId}`, { as: district })).json().assignments.find((a: { unit: { code: string } }) => a.unit.code === '110105002');
      await t.jing.database.db.updateTable('supervision_assignments').set({ due_at: inDays(-1.5) }).where('id', '=', other.id).execute();
      assert.equal(await t.jing.supervision.escalateOverdue(SYSTEM_CALLER), 1);
      assert.equal(await t.jing.supervision.escalateOverdue(SYSTEM_CALLER), 1, '1.5 days overdue: a second level');
      assert.equal(await t.jing.supervision.escalateOverdue(SYSTEM_CALLER), 0, 'not again until another day passes');
      const unitBox = (await t.call('GET', '/api/v1/inbox?box=unit', { as: district })).json().items;
      assert.ok(unitBox.some((i: { title: string }) => i.title.startsWith('【逾期升级】')), 'the district (one level up) is told');
      const stats = (await t.call('GET', '/api/v1/supervision/stats', { as: district })).json().items;
      const s1 = stats.find((s: { unit: { code: string } }) => s.unit.code === '110105001');
      const s2 = stats.find((s: { unit: { code: string } }) => s.unit.code === '110105002');
      assert.deepEqual([s1.closed, s1.closedOnTime, s1.averageScore, s1.overdue], [1, 1, 4, 0]);
      assert.deepEqual([s2.open, s2.overdue, s2.escalations], [1, 1, 2]);
    });
  });
}

for (const engine of testEngines()) {
  describe(`督办 issued list by status [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(engine);
    });
    after(() => t.cleanup());

    it('lists an issued task as open until every unit’s assignment is closed', async () => {
      const district = await t.login('chaoyang.officer');
      const street = await t.login('jianwai.officer');
      const task = (await t.call('POST', '/api/v1/supervision/tasks', { as: district, body: { title: '清理楼道堆物', description: '消防通道', source: 'key_task', dueAt: inDays(5), units: ['110105001'] } })).json();
      let a = task.assignments[0];
      const step = async (as: Session, path: string, body: Record<string, unknown> = {}) => {
        a = (await t.call('POST', `/api/v1/supervision/assignments/${a.id}/${path}`, { as, body: { version: a.version, ...body } })).json();
      };
      const ids = async (status: string) => (await t.call('GET', `/api/v1/supervision/tasks?role=issued&status=${status}`, { as: district })).json().items.map((x: { id: string }) => x.id);
      assert.ok((await ids('open')).includes(task.id));
      await step(street, 'accept');
      await step(street, 'report', { text: '已清理' });
      await step(district, 'close');
      assert.ok(!(await ids('open')).includes(task.id));
      assert.ok((await ids('closed')).includes(task.id));
    });
  });
}
