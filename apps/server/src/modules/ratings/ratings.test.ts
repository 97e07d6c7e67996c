import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { finishedVisit, standAt } from '../halls/halls.fixture.ts';

const rate = (t: TestApp, as: Session, subjectId: string, level: string, extra: object = {}) =>
  t.call('POST', '/api/v1/ratings', { as, body: { subjectKind: 'hall_visit', subjectId, level, ...extra } });

for (const engine of testEngines()) {
  describe(`好差评 ratings [${engine}]`, () => {
    let t: TestApp;
    let zhang: Session;
    let firstLevel = '';
    let biz: Session;
    let clerk: Session;
    let admin: Session;
    let supervisor: Session;
    // Each test stands on its own working day so queues do not meet.
    let day = 0;
    const nextDay = () => standAt(t, Date.parse('2026-12-14T10:00:00+08:00') + 86_400_000 * day++);

    before(async () => {
      t = await createTestApp(engine);
      [zhang, biz, clerk, admin, supervisor] = await Promise.all([t.login('resident.zhang'), t.login('biz.owner'), t.login('cy.hall.clerk'), t.login('cy.service.admin'), t.login('chaoyang.officer')]);
    });
    after(() => t.cleanup());

    it('lets only the person served rate a finished visit, once, with the on-site dimensions', async () => {
      nextDay();
      const serving = await finishedVisit(t, zhang, clerk, 'cy-district', false);
      const early = await rate(t, zhang, serving.id, 'satisfied');
      assert.equal(early.statusCode, 409, 'not finished yet');
      assert.equal(early.json().error.details.reason, 'not_completed');
      const v = (await t.call('POST', `/api/v1/halls/visits/${serving.id}/finish`, { as: clerk, body: { version: serving.version } })).json();
      assert.equal((await rate(t, biz, v.id, 'satisfied')).statusCode, 404, 'not the visitor');
      const online = await rate(t, zhang, v.id, 'satisfied', { dimensions: { usability: 'satisfied' } });
      assert.equal(online.statusCode, 400);
      assert.equal(online.json().error.details.issues[0].path, 'body.dimensions.usability');
      const level = await rate(t, zhang, v.id, 'great');
      assert.equal(level.statusCode, 400);
      assert.equal(level.json().error.details.issues[0].path, 'body.level');
      const before = await t.call('GET', `/api/v1/ratings/subjects/hall_visit/${v.id}`, { as: zhang });
      assert.deepEqual([before.json().ratable, before.json().dimensions], [true, ['efficiency', 'service_level', 'attitude']]);

      const [a, b] = await Promise.all([
        rate(t, zhang, v.id, 'very_satisfied', { dimensions: { attitude: 'very_satisfied', efficiency: 'satisfied' }, comment: '窗口人员很耐心' }),
        rate(t, zhang, v.id, 'satisfied'),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409], 'one rating each, even when sent twice at once');
      // Which of the two wins is up to the race; the statistics test below counts the winner's level.
      firstLevel = a.statusCode === 201 ? 'very_satisfied' : 'satisfied';
      const given = (await t.call('GET', `/api/v1/ratings/subjects/hall_visit/${v.id}`, { as: zhang })).json();
      assert.equal(given.reason, 'already_rated');
      assert.equal(given.rating.hall.id, 'cy-district');
      assert.equal(given.rating.rectification, null);
      const count = await t.jing.database.db.selectFrom('ratings').select((eb) => eb.fn.countAll<number>().as('n')).where('subject_id', '=', v.id).executeTakeFirst();
      assert.equal(Number(count!.n), 1);
    });

    it('turns a 不满意 into a rectification 督办 task due in working days, answered with a callback and an outcome', async () => {
      nextDay();
      const v = await finishedVisit(t, zhang, clerk);
      const r = await rate(t, zhang, v.id, 'dissatisfied', { dimensions: { efficiency: 'very_dissatisfied' }, comment: '排队太久' });
      assert.equal(r.statusCode, 201, r.body);
      const rating = r.json();
      assert.equal(rating.bad, true);
      assert.equal(rating.rectification.status, 'open');
      assert.equal(rating.rectification.supervisionTaskId, null, 'the rater does not see internal task ids');
      const expected = t.jing.calendar.addWorkingDays(rating.createdAt, 5, 'Asia/Shanghai');
      assert.equal(rating.rectification.dueAt, expected);

      const unitView = (await t.call('GET', `/api/v1/ratings/${rating.id}`, { as: clerk })).json();
      assert.equal(unitView.rater.name, '张伟');
      const task = (await t.call('GET', `/api/v1/supervision/tasks/${unitView.rectification.supervisionTaskId}`, { as: supervisor })).json();
      assert.equal(task.source, 'rating');
      assert.equal(task.sourceRef, rating.id);
      assert.equal(task.issuerUnit.code, '110105');
      assert.deepEqual([task.assignments[0].unit.code, task.assignments[0].status, task.assignments[0].dueAt], ['110105A01', 'assigned', expected]);
      const inbox = await t.jing.database.db.selectFrom('work_items').select(['kind', 'due_at']).where('unit_code', '=', '110105A01').where('kind', '=', 'supervision.handle').execute();
      assert.ok(inbox.some((i) => i.due_at === expected), 'the task arrives in the unit inbox with its deadline');

      assert.equal((await t.call('GET', `/api/v1/ratings/${rating.id}`, { as: biz })).statusCode, 404);
      const early = await t.call('POST', `/api/v1/ratings/${rating.id}/outcome`, { as: clerk, body: { version: 0, kind: 'explained', text: '高峰时段' } });
      assert.equal(early.json().error.details.reason, 'callback_required');
      const stranger = await t.call('POST', `/api/v1/ratings/${rating.id}/callbacks`, { as: zhang, body: { version: 0, channel: 'phone', reached: true, text: 'x' } });
      assert.equal(stranger.statusCode, 403, 'only the responsible unit calls back');
      const future = await t.call('POST', `/api/v1/ratings/${rating.id}/callbacks`, { as: clerk, body: { version: 0, at: '2099-01-01T00:00:00Z', channel: 'phone', reached: true, text: 'x' } });
      assert.equal(future.json().error.details.issues[0].path, 'body.at');
      const called = await t.call('POST', `/api/v1/ratings/${rating.id}/callbacks`, { as: clerk, body: { version: 0, channel: 'phone', reached: true, text: '已致电张先生，说明高峰时段排队情况并致歉' } });
      assert.equal(called.statusCode, 201, called.body);
      const cb = called.json().rectification.callbacks[0];
      assert.deepEqual([cb.by.name, cb.channel, cb.reached], ['林晓', 'phone', true]);
      const noDate = await t.call('POST', `/api/v1/ratings/${rating.id}/outcome`, { as: clerk, body: { version: 1, kind: 'fix_by_date', text: '增开窗口' } });
      assert.equal(noDate.json().error.details.issues[0].path, 'body.fixBy');
      const fixBy = new Date(Date.now() + 10 * 86_400_000).toISOString();
      const done = await t.call('POST', `/api/v1/ratings/${rating.id}/outcome`, { as: clerk, body: { version: 1, kind: 'fix_by_date', text: '高峰时段增开两个综合窗口', fixBy } });
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual([done.json().rectification.status, done.json().rectification.outcome.kind, done.json().rectification.outcome.fixBy], ['rectified', 'fix_by_date', fixBy]);
      const after = (await t.call('GET', `/api/v1/supervision/tasks/${unitView.rectification.supervisionTaskId}`, { as: supervisor })).json();
      assert.equal(after.assignments[0].status, 'reported', 'the outcome reports the 督办 task for 销号');
      assert.equal((await t.call('POST', `/api/v1/ratings/${rating.id}/outcome`, { as: clerk, body: { version: 2, kind: 'explained', text: 'x' } })).json().error.details.reason, 'already_rectified');
      const mine = (await t.call('GET', `/api/v1/ratings/${rating.id}`, { as: zhang })).json();
      assert.equal(mine.rectification.outcome.text, '高峰时段增开两个综合窗口', 'the rater sees the outcome');
      const audit = await t.jing.database.db.selectFrom('audit_log').select('action').where('target_id', '=', rating.id).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['ratings.callback', 'ratings.create', 'ratings.outcome']);
    });

    it('lets the unit appeal once and the service administration void a malicious review, which leaves the statistics', async () => {
      nextDay();
      const v = await finishedVisit(t, biz, clerk, 'cy-jianwai');
      const r = (await rate(t, biz, v.id, 'very_dissatisfied', { comment: '乱写的' })).json();
      const before = (await t.call('GET', '/api/v1/ratings/stats?by=hall&within=110105')).json();
      const jianwai = () => before.items.find((i: { key: string }) => i.key === 'cy-jianwai');
      assert.equal(jianwai().bad, 1);
      assert.equal(jianwai().name, '建外街道政务服务中心');

      const officer = await t.login('jianwai.officer');
      const list = (await t.call('GET', '/api/v1/ratings/rectifications?status=open', { as: officer })).json().items;
      assert.deepEqual(list.map((x: { id: string }) => x.id), [r.id], 'the street office sees its bad review');
      const appealed = await t.call('POST', `/api/v1/ratings/${r.id}/appeal`, { as: officer, body: { version: 0, reason: '评价人当天未到大厅，系误评' } });
      assert.equal(appealed.statusCode, 200, appealed.body);
      assert.equal(appealed.json().rectification.appeal.status, 'pending');
      assert.equal((await t.call('POST', `/api/v1/ratings/${r.id}/appeal`, { as: officer, body: { version: 1, reason: 'again' } })).json().error.details.reason, 'already_appealed');
      assert.equal((await t.call('GET', `/api/v1/ratings/${r.id}`, { as: biz })).json().rectification.appeal, null, 'the rater does not see the appeal');
      const review = (await t.call('GET', '/api/v1/ratings/rectifications?role=review&status=appeal_pending', { as: admin })).json().items;
      assert.ok(review.some((x: { id: string }) => x.id === r.id));
      const inbox = await t.jing.database.db.selectFrom('work_items').select(['status']).where('source_id', '=', r.id).where('kind', '=', 'ratings.appeal').execute();
      assert.deepEqual(inbox.map((i) => i.status), ['open']);
      assert.equal((await t.call('POST', `/api/v1/ratings/${r.id}/appeal/decision`, { as: clerk, body: { version: 1, uphold: true, comment: 'x' } })).statusCode, 403, 'a clerk holds no ratings.review');
      const voided = await t.call('POST', `/api/v1/ratings/${r.id}/appeal/decision`, { as: admin, body: { version: 1, uphold: true, comment: '经调取大厅监控核实，评价人当日未到场' } });
      assert.equal(voided.statusCode, 200, voided.body);
      assert.deepEqual([voided.json().voided, voided.json().rectification.status, voided.json().rectification.appeal.status], [true, 'voided', 'upheld']);
      const task = (await t.call('GET', `/api/v1/supervision/tasks/${voided.json().rectification.supervisionTaskId}`, { as: supervisor })).json();
      assert.equal(task.assignments[0].status, 'closed', 'the rectification task is closed with the void');
      const after = (await t.call('GET', '/api/v1/ratings/stats?by=hall&within=110105')).json();
      assert.equal(after.items.find((i: { key: string }) => i.key === 'cy-jianwai')?.bad ?? 0, 0);
      assert.equal(after.total.count, before.total.count - 1);
      const audit = await t.jing.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', r.id).execute();
      assert.ok(audit.some((a) => a.action === 'ratings.void' && a.actor_id === (admin.me as { id: string }).id));
      assert.deepEqual((await t.jing.database.db.selectFrom('work_items').select(['status']).where('source_id', '=', r.id).where('kind', '=', 'ratings.appeal').execute()).map((i) => i.status), ['done']);
    });

    it('keeps a rejected appeal’s review counted and the appellant from deciding their own appeal', async () => {
      nextDay();
      const v = await finishedVisit(t, zhang, clerk);
      const r = (await rate(t, zhang, v.id, 'dissatisfied')).json();
      await t.call('POST', `/api/v1/ratings/${r.id}/appeal`, { as: admin, body: { version: 0, reason: '不同意' } });
      const own = await t.call('POST', `/api/v1/ratings/${r.id}/appeal/decision`, { as: admin, body: { version: 1, uphold: true, comment: 'x' } });
      assert.equal(own.statusCode, 403);
      const muni = await t.login('muni.officer');
      const rejected = await t.call('POST', `/api/v1/ratings/${r.id}/appeal/decision`, { as: muni, body: { version: 1, uphold: false, comment: '证据不足，继续整改' } });
      assert.equal(rejected.statusCode, 200, rejected.body);
      assert.deepEqual([rejected.json().voided, rejected.json().rectification.status], [false, 'open']);
    });

    it('publishes satisfaction rate, bad reviews and rectified share per item, unit and hall', async () => {
      const byUnit = (await t.call('GET', '/api/v1/ratings/stats?by=unit')).json();
      const unit = byUnit.items.find((i: { key: string }) => i.key === '110105A01');
      // In this suite so far at 朝阳区政务服务中心: 非常满意 or 满意 (the race's winner), 不满意 (rectified), 不满意 (open).
      assert.deepEqual([unit.count, unit.satisfied, unit.bad, unit.rectified], [3, 1, 2, 1]);
      assert.equal(unit.satisfactionRate, 1 / 3);
      assert.equal(unit.rectifiedShare, 1 / 2);
      assert.deepEqual(unit.levels, { very_satisfied: 0, satisfied: 0, basically_satisfied: 0, dissatisfied: 2, very_dissatisfied: 0, [firstLevel]: 1 });
      assert.equal(unit.name, '朝阳区政务服务和数据管理局');
      const byItem = (await t.call('GET', '/api/v1/ratings/stats?by=item')).json();
      assert.deepEqual(byItem.items, [], 'walk-ins without an item count for no item');
      assert.equal((await t.call('GET', '/api/v1/ratings/stats?by=unit&within=110108')).json().total.count, 0);
      assert.equal((await t.call('GET', '/api/v1/ratings/stats?by=ward')).statusCode, 400);
    });

    it('rates a completed application (一事一评) through the registered subject, with the online dimensions', async () => {
      const zhangId = (zhang.me as { id: string }).id;
      t.jing.ratings.registerSubject('application', async (id) =>
        id === 'app-done' ? { completed: true, applicantAccountId: zhangId, itemCode: 'BJ-GA-XK-0101', unitCode: '110105A07', completedAt: new Date().toISOString() } : null,
      );
      const wrong = await t.call('POST', '/api/v1/ratings', { as: zhang, body: { subjectKind: 'application', subjectId: 'app-done', level: 'satisfied', dimensions: { attitude: 'satisfied' } } });
      assert.equal(wrong.json().error.details.issues[0].path, 'body.dimensions.attitude');
      const ok = await t.call('POST', '/api/v1/ratings', { as: zhang, body: { subjectKind: 'application', subjectId: 'app-done', level: 'basically_satisfied', dimensions: { guide_accuracy: 'satisfied', usability: 'basically_satisfied' } } });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().unit.code, '110105A07');
      assert.equal((await t.call('POST', '/api/v1/ratings', { as: zhang, body: { subjectKind: 'application', subjectId: 'app-missing', level: 'satisfied' } })).statusCode, 404);
      const item = (await t.call('GET', '/api/v1/ratings/stats?by=item&kind=application')).json().items;
      assert.deepEqual(item.map((i: { key: string; name: string }) => [i.key, i.name]), [['BJ-GA-XK-0101', '居住证首次申领']]);
    });
  });
}
