import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { rank, ratesOf, DEFAULT_FORMULA } from './cases.rates.ts';

const GUOMAO = { lng: 116.4575, lat: 39.9087 }; // in 朝阳区, 建外街道

describe('三率 formulas', () => {
  it('computes the rates and the 30/35/35 score, and shares ranks on ties', () => {
    const r = ratesOf({ cases: 4, responded: 3, rated: 2, resolved: 1, sat_very_satisfied: 1, sat_satisfied: 0, sat_basically_satisfied: 1, sat_dissatisfied: 0, sat_very_dissatisfied: 0 }, DEFAULT_FORMULA);
    assert.deepEqual(r, { responseRate: 0.75, resolutionRate: 0.5, satisfactionRate: 0.8, score: 0.3 * 75 + 0.35 * 50 + 0.35 * 80 });
    assert.deepEqual(rank([{ score: 90 }, { score: 95 }, { score: 90 }, { score: 80 }]).map((x) => x.rank), [1, 2, 2, 4]);
  });
});

for (const engine of testEngines()) {
  describe(`接诉即办: a request reaches the right unit, is handled and rated [${engine}]`, () => {
    let t: TestApp;
    let resident: Session;
    let street: Session;
    let operator: Session;
    let dispatcher: Session;
    let agency: Session;
    let caseId: string;
    let version: number;
    const month = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    const submit = (as: Session, body: Record<string, unknown>, headers?: Record<string, string>) => t.call('POST', '/api/v1/cases', { as, body, headers });
    const act = async (as: Session, path: string, body: Record<string, unknown>, status = 200) => {
      const r = await t.call('POST', `/api/v1/cases/${caseId}/${path}`, { as, body: { version, ...body } });
      assert.equal(r.statusCode, status, `${path}: ${r.body}`);
      if (status === 200) version = r.json().version;
      return r.json();
    };

    before(async () => {
      t = await createTestApp(engine);
      [resident, street, operator, dispatcher, agency] = (await Promise.all(['resident.zhang', 'jianwai.officer', 'hotline.operator', 'dispatch.centre', 'cy.urban'].map((u) => t.login(u)))) as Session[] as [Session, Session, Session, Session, Session];
    });
    after(() => t.cleanup());

    it('serves a catalogue of at least 40 categories with handlers and limits', async () => {
      const items = (await t.call('GET', '/api/v1/cases/categories')).json().items;
      const leaves = items.filter((c: { handler: string | null }) => c.handler);
      assert.ok(leaves.length >= 40, `${leaves.length}`);
      const noise = items.find((c: { code: string }) => c.code === 'noise_construction');
      assert.equal(noise.handler, 'street');
      assert.ok(noise.limits.contact);
    });

    it('sends a resident’s noise complaint straight to the street’s inbox with a tracking number', async () => {
      const r = await submit(resident, { type: 'complaint', categoryCode: 'noise_construction', description: '工地夜间施工噪音扰民，凌晨两点仍在作业', location: GUOMAO, streetCode: '110105001' }, { 'idempotency-key': 'k-1' });
      assert.equal(r.statusCode, 201, r.body);
      const c = r.json();
      caseId = c.id;
      version = c.version;
      assert.match(c.number, /^12345-\d{8}-\d{6}$/);
      assert.deepEqual([c.status, c.handler.code, c.district.code, c.street.code], ['dispatched', '110105001', '110105', '110105001']);
      assert.ok(c.signDueAt && c.contactDueAt && c.resolveDueAt);
      const box = (await t.call('GET', '/api/v1/inbox', { as: street })).json().items;
      assert.ok(box.some((i: { sourceId: string; title: string }) => i.sourceId === caseId && i.title === '【投诉】施工噪音扰民'));
      const again = await submit(resident, { type: 'complaint', categoryCode: 'noise_construction', description: '工地夜间施工噪音扰民，凌晨两点仍在作业', location: GUOMAO, streetCode: '110105001' }, { 'idempotency-key': 'k-1' });
      assert.equal(again.json().id, caseId, 'a retried POST returns the first case');
    });

    it('flags a second report of the same thing nearby as a possible duplicate', async () => {
      const r = await submit(resident, { type: 'complaint', categoryCode: 'noise_construction', description: '同一个工地又在夜间施工', location: { lng: GUOMAO.lng + 0.0005, lat: GUOMAO.lat }, streetCode: '110105001' });
      assert.equal(r.json().duplicateOf, caseId);
    });

    it('rejects bad input naming the field, writing nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ type: 'complaint', categoryCode: 'unicorns', description: '一些描述内容', location: GUOMAO }, 'body.categoryCode'],
        [{ type: 'complaint', categoryCode: 'noise_construction', description: '一些描述内容', location: { lng: 121.47, lat: 31.23 } }, 'body.location'],
        [{ type: 'complaint', categoryCode: 'noise_construction', description: '一些描述内容', location: GUOMAO, streetCode: '110108001' }, 'body.streetCode'],
        [{ type: 'complaint', categoryCode: 'noise_construction', description: '一些描述内容', location: GUOMAO }, 'body.streetCode'],
        [{ type: 'complaint', categoryCode: 'noise_construction', description: '一些描述内容' }, 'body.location'],
        [{ type: 'gossip', categoryCode: 'noise_construction', description: '一些描述内容', location: GUOMAO }, 'body.type'],
        [{ type: 'complaint', categoryCode: 'noise_construction', description: '短', location: GUOMAO }, 'body.description'],
      ];
      const before = (await t.call('GET', '/api/v1/cases', { as: resident })).json().items.length;
      for (const [body, path] of cases) {
        const r = await submit(resident, body);
        assert.equal(r.statusCode, 400, `${path}: ${r.body}`);
        assert.equal(r.json().error.details.issues[0].path, path);
      }
      assert.equal((await t.call('GET', '/api/v1/cases', { as: resident })).json().items.length, before);
    });

    it('lets one of two simultaneous sign-ins win; the other gets 409', async () => {
      const [a, b] = await Promise.all([0, 1].map(() => t.call('POST', `/api/v1/cases/${caseId}/sign`, { as: street, body: { version } })));
      assert.deepEqual([a!.statusCode, b!.statusCode].sort(), [200, 409]);
      version = (a!.statusCode === 200 ? a! : b!).json().version;
    });

    it('runs contact → reply → rating, closing the case and moving the league table', async () => {
      await act(resident, 'contact', { method: 'phone', note: 'x' }, 403);
      await act(street, 'contact', { method: 'phone', note: '已电话联系诉求人，约定上门' });
      await act(street, 'reply', { text: '已责令工地停止夜间施工', resolved: true });
      const rated = await act(resident, 'rate', { contacted: true, resolved: true, satisfaction: 'very_satisfied' });
      assert.equal(rated.status, 'closed');
      assert.deepEqual(rated.events.map((e: { type: string }) => e.type), ['submit', 'dispatch', 'sign', 'contact', 'reply', 'rate']);
      const table = (await t.call('GET', `/api/v1/cases/rates?month=${month()}&level=street&within=110105`)).json();
      const jw = table.items.find((i: { unit: { code: string } }) => i.unit.code === '110105001');
      assert.deepEqual([jw.cases, jw.responseRate, jw.resolutionRate, jw.satisfactionRate], [2, 0.5, 1, 1]);
      assert.equal(jw.rank, 1);
      const districts = (await t.call('GET', `/api/v1/cases/rates?month=${month()}`)).json().items;
      assert.equal(districts.length, 16);
      assert.equal(districts.find((d: { unit: { code: string } }) => d.unit.code === '110105').cases, 2);
    });

    it('reopens a case once when the requester is unsatisfied and it is not resolved', async () => {
      const c = (await submit(resident, { type: 'help', categoryCode: 'garbage_collection', description: '小区垃圾三天没人清运', streetCode: '110105002' })).json();
      caseId = c.id;
      version = c.version;
      const s2 = await t.login('jianwai.officer');
      await act(s2, 'sign', {}, 404); // another street's case is out of sight
      await t.jing.database.db.insertInto('accounts').values({ id: 'cw-staff', username: 'chaowai', kind: 'staff', display_name: '朝外', password_hash: null, failed_logins: 0, locked_until: null, unit_code: '110105002', unit_path: '/110000/110105/110105002/', position: null, id_number_enc: null, id_number_index: null, id_number_masked: null, phone_enc: null, phone_masked: null, uscc: null, created_at: c.createdAt, updated_at: c.createdAt }).execute();
      await t.jing.accounts.setPassword({ auth: null, requestId: null }, 'cw-staff', 'chaowai-password');
      const cw = await t.login('chaowai', 'chaowai-password');
      await act(cw, 'sign', {});
      await act(cw, 'contact', { method: 'visit', note: '上门查看' });
      await act(cw, 'reply', { text: '已安排清运', resolved: false });
      const reopened = await act(resident, 'rate', { contacted: true, resolved: false, satisfaction: 'very_dissatisfied' });
      assert.equal(reopened.status, 'signed');
      assert.equal(reopened.events.at(-1).type, 'reopen');
      await act(cw, 'contact', { method: 'visit', note: '再次上门' });
      await act(cw, 'reply', { text: '已清运完毕', resolved: true });
      assert.equal((await act(resident, 'rate', { contacted: true, resolved: true, satisfaction: 'satisfied' })).status, 'closed');
      // Contacting again after the reopen is not a second response; only the final rating counts.
      const table = (await t.call('GET', `/api/v1/cases/rates?month=${month()}&level=street&within=110105`)).json();
      const cw2 = table.items.find((i: { unit: { code: string } }) => i.unit.code === '110105002');
      assert.deepEqual([cw2.cases, cw2.responseRate, cw2.resolutionRate, cw2.satisfactionRate], [1, 1, 1, 1]);
    });

    it('returns a case that is not the unit’s duty to the dispatch centre, which re-dispatches it', async () => {
      const c = (await submit(resident, { type: 'complaint', categoryCode: 'heating', description: '家里暖气不热，室温只有十四度', location: GUOMAO, anonymous: true })).json();
      caseId = c.id;
      version = c.version;
      assert.equal(c.handler.code, '110105A03', 'the district’s urban-management commission handles heating');
      const seen = (await t.call('GET', `/api/v1/cases/${caseId}`, { as: agency })).json();
      assert.equal(seen.reporter, null, 'anonymous to the handling unit');
      await act(agency, 'return', { reason: '该小区为自管供暖，属街道协调' });
      const box = (await t.call('GET', '/api/v1/inbox', { as: dispatcher })).json().items;
      assert.ok(box.some((i: { sourceId: string }) => i.sourceId === caseId));
      await act(dispatcher, 'dispatch', { unitCode: '110105001', comment: '请建外街道协调' });
      const now = (await t.call('GET', `/api/v1/cases/${caseId}`, { as: street })).json();
      assert.deepEqual([now.status, now.handler.code], ['dispatched', '110105001']);
      assert.equal((await t.call('GET', `/api/v1/cases/${caseId}`, { as: agency })).statusCode, 404, 'no longer the agency’s');
    });

    it('lets an operator take a phone case, see the caller’s earlier cases, and answer a consultation on the spot', async () => {
      const caller = { name: '赵先生', phone: '13912345678' };
      const r = await submit(operator, { type: 'complaint', categoryCode: 'food_safety', description: '在某餐馆就餐后腹泻', streetCode: '110105001', caller });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().channel, 'hotline');
      assert.equal(r.json().handler.code, '110105A06');
      const consult = (await submit(operator, { type: 'consult', categoryCode: 'social_insurance', description: '咨询灵活就业社保怎么缴纳', streetCode: '110105001', caller })).json();
      caseId = consult.id;
      version = consult.version;
      assert.equal((await act(operator, 'answer', { text: '可通过北京市社会保险网上服务平台办理' })).status, 'answered');
      const history = (await t.call('GET', '/api/v1/cases?callerPhone=13912345678', { as: operator })).json().items;
      assert.equal(history.length, 2);
      assert.equal(history[0].reporter.phoneMasked, '139****5678');
      assert.equal((await t.call('GET', '/api/v1/cases?callerPhone=13912345678', { as: resident })).statusCode, 403);
      assert.equal((await submit(resident, { type: 'complaint', categoryCode: 'food_safety', description: '冒充话务员提交', streetCode: '110105001', caller })).statusCode, 400);
    });
  });
}
