import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';

for (const engine of testEngines()) {
  describe(`吹哨报到, 协办 and 延期 on a case [${engine}]`, () => {
    let t: TestApp;
    let resident: Session;
    let street: Session;
    let agency: Session;
    let dispatcher: Session;
    let id: string;
    let version: number;
    const act = async (as: Session, path: string, body: Record<string, unknown>, status = 200) => {
      const r = await t.call('POST', `/api/v1/cases/${id}/${path}`, { as, body: { version, ...body } });
      assert.equal(r.statusCode, status, `${path}: ${r.body}`);
      if (status === 200) version = r.json().version;
      return r.json();
    };

    before(async () => {
      t = await createTestApp(engine);
      resident = await t.login('resident.zhang');
      street = await t.login('jianwai.officer');
      agency = await t.login('cy.urban');
      dispatcher = await t.login('dispatch.centre');
      const c = (await t.call('POST', '/api/v1/cases', { as: resident, body: { type: 'complaint', categoryCode: 'illegal_construction', description: '楼顶私搭乱建彩钢房', streetCode: '110105001' } })).json();
      id = c.id;
      version = c.version;
    });
    after(() => t.cleanup());

    it('lets the street summon an agency, which must check in within 30 minutes and then stays on the case', async () => {
      await act(street, 'whistle', { agencies: ['110105A03'], note: '需城管执法' }, 409); // not signed yet
      await act(street, 'sign', {});
      await act(agency, 'whistle', { agencies: ['110105A03'], note: 'x' }, 404); // not on the case: cannot even see it
      const bad = await act(street, 'whistle', { agencies: ['110105002'], note: '街道不是委办局' }, 400);
      assert.equal(bad.error.details.issues[0].path, 'body.agencies.0');
      const c = await act(street, 'whistle', { agencies: ['110105A03'], note: '需城管执法拆除' });
      const p = c.participants[0];
      assert.deepEqual([p.unit.code, p.role, p.checkedInAt], ['110105A03', 'summoned', null]);
      const minutes = (Date.parse(p.checkinDueAt) - Date.parse(p.invitedAt)) / 60_000;
      assert.ok(Math.abs(minutes - 30) < 0.1, `${minutes}`);
      const box = (await t.call('GET', '/api/v1/inbox', { as: agency })).json().items;
      assert.ok(box.some((i: { title: string }) => i.title.startsWith('【吹哨报到】')));
      const checked = await act(agency, 'checkin', { note: '执法队已到现场' });
      assert.ok(checked.participants[0].checkedInAt);
      await act(agency, 'checkin', {}, 409);
      await act(agency, 'note', { text: '已下达限期拆除通知书' });
    });

    it('lets the lead ask for more time and the dispatch centre decide', async () => {
      const c = (await t.call('GET', `/api/v1/cases/${id}`, { as: street })).json();
      const later = new Date(Date.parse(c.resolveDueAt) + 5 * 86400_000).toISOString();
      await act(street, 'extension', { reason: '需走拆违程序', newResolveDueAt: later });
      await act(street, 'extension', { reason: '再来一次', newResolveDueAt: later }, 409);
      const box = (await t.call('GET', '/api/v1/inbox', { as: dispatcher })).json().items;
      assert.ok(box.some((i: { title: string }) => i.title.startsWith('【延期申请】')));
      const decided = await act(dispatcher, 'extension/decision', { approve: true, comment: '同意' });
      assert.equal(decided.resolveDueAt, later);
      assert.equal(decided.extension, null);
    });

    it('names assisting units, and after the reply the street scores the agency', async () => {
      const withAssist = await act(dispatcher, 'assist', { units: ['110105002'] });
      assert.equal(withAssist.participants.find((p: { unit: { code: string } }) => p.unit.code === '110105002').role, 'assist');
      await act(street, 'whistle/score', { agency: '110105A03', score: 5 }, 409); // not replied yet
      await act(street, 'contact', { method: 'visit', note: '与诉求人现场确认' });
      await act(street, 'reply', { text: '违建已拆除', resolved: true });
      await act(street, 'whistle/score', { agency: '110105002', score: 5 }, 400); // assisted, not summoned
      const scored = await act(street, 'whistle/score', { agency: '110105A03', score: 5, comment: '响应迅速' });
      assert.equal(scored.participants.find((p: { unit: { code: string } }) => p.unit.code === '110105A03').score, 5);
      const types = scored.events.map((e: { type: string }) => e.type);
      assert.deepEqual(types, ['submit', 'dispatch', 'sign', 'whistle', 'checkin', 'note', 'extension_request', 'extension_decision', 'assist', 'contact', 'reply', 'score']);
    });
  });
}

for (const engine of testEngines()) {
  describe(`合并 and 拆分 at the dispatch centre [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(engine);
    });
    after(() => t.cleanup());

    it('merges a duplicate into the first case; both keep their history and the second reporter can follow', async () => {
      const a = await t.login('resident.zhang');
      const b = await t.login('biz.owner');
      const dispatcher = await t.login('dispatch.centre');
      const body = { type: 'complaint', categoryCode: 'noise_construction', description: '夜间施工噪音', location: { lng: 116.4575, lat: 39.9087 }, streetCode: '110105001' };
      const first = (await t.call('POST', '/api/v1/cases', { as: a, body })).json();
      const second = (await t.call('POST', '/api/v1/cases', { as: b, body: { ...body, description: '同一工地夜间施工' } })).json();
      assert.equal(second.duplicateOf, first.id);
      assert.equal((await t.call('POST', `/api/v1/cases/${second.id}/merge`, { as: b, body: { version: second.version, into: first.id } })).statusCode, 403);
      const merged = await t.call('POST', `/api/v1/cases/${second.id}/merge`, { as: dispatcher, body: { version: second.version, into: first.id } });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.deepEqual([merged.json().status, merged.json().mergedInto.number], ['merged', first.number]);
      const followed = await t.call('GET', `/api/v1/cases/${first.id}`, { as: b });
      assert.equal(followed.statusCode, 200, 'the second reporter follows the surviving case');
      assert.deepEqual(followed.json().related, [{ id: second.id, number: second.number, relation: 'merged_from' }]);
      assert.equal(followed.json().events.at(-1).type, 'merged');
      const again = await t.call('POST', `/api/v1/cases/${second.id}/merge`, { as: dispatcher, body: { version: merged.json().version, into: first.id } });
      assert.equal(again.statusCode, 409);
    });

    it('takes the merge target by its tracking number (as read out on the phone), and refuses the case itself', async () => {
      const a = await t.login('resident.zhang');
      const dispatcher = await t.login('dispatch.centre');
      const body = { type: 'complaint', categoryCode: 'street_vendors', description: '路口占道经营', streetCode: '110105001' };
      const target = (await t.call('POST', '/api/v1/cases', { as: a, body })).json();
      const dup = (await t.call('POST', '/api/v1/cases', { as: a, body: { ...body, description: '路口又有占道经营' } })).json();
      const found = await t.call('GET', `/api/v1/cases/${target.number}`, { as: dispatcher });
      assert.equal(found.json().id, target.id, 'a case is found by its number too');
      const self = await t.call('POST', `/api/v1/cases/${dup.id}/merge`, { as: dispatcher, body: { version: dup.version, into: dup.number } });
      assert.equal(self.statusCode, 400);
      assert.equal(self.json().error.details.issues[0].path, 'body.into');
      const merged = await t.call('POST', `/api/v1/cases/${dup.id}/merge`, { as: dispatcher, body: { version: dup.version, into: target.number } });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.deepEqual(merged.json().mergedInto, { id: target.id, number: target.number });
    });

    it('splits a case raising two problems; the new part goes to its own handler', async () => {
      const r = await t.login('resident.zhang');
      const dispatcher = await t.login('dispatch.centre');
      const x = (await t.call('POST', '/api/v1/cases', { as: r, body: { type: 'complaint', categoryCode: 'garbage_collection', description: '小区垃圾堆积，另外楼下路灯也坏了', streetCode: '110105001' } })).json();
      const bad = await t.call('POST', `/api/v1/cases/${x.id}/split`, { as: dispatcher, body: { version: x.version, parts: [{ categoryCode: 'street_lights', description: '楼下路灯坏了' }, { categoryCode: 'nope', description: '不存在的类别' }] } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, 'body.parts.1.categoryCode');
      assert.equal((await t.call('GET', '/api/v1/cases', { as: r })).json().items.filter((c: { category: { code: string } }) => c.category.code === 'street_lights').length, 0, 'nothing half-done');
      const split = await t.call('POST', `/api/v1/cases/${x.id}/split`, { as: dispatcher, body: { version: x.version, parts: [{ categoryCode: 'street_lights', description: '楼下路灯坏了' }] } });
      assert.equal(split.statusCode, 200, split.body);
      const part = split.json().related.find((l: { relation: string }) => l.relation === 'split_into');
      const view = (await t.call('GET', `/api/v1/cases/${part.id}`, { as: r })).json();
      assert.equal(view.handler.code, '110105A03');
      assert.deepEqual(view.related, [{ id: x.id, number: x.number, relation: 'split_from' }]);
    });
  });
}

for (const engine of testEngines()) {
  describe(`吹哨 rules [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(engine);
    });
    after(() => t.cleanup());

    it('refuses a whistle from an agency-led case, and scoring one agency leaves the others’ to-dos open', async () => {
      const resident = await t.login('resident.zhang');
      const agency = await t.login('cy.urban');
      const lights = (await t.call('POST', '/api/v1/cases', { as: resident, body: { type: 'help', categoryCode: 'street_lights', description: '路灯不亮很久了', streetCode: '110105001' } })).json();
      const signed = (await t.call('POST', `/api/v1/cases/${lights.id}/sign`, { as: agency, body: { version: lights.version } })).json();
      const w = await t.call('POST', `/api/v1/cases/${lights.id}/whistle`, { as: agency, body: { version: signed.version, agencies: ['110105A05'], note: '请交通委协同' } });
      assert.equal(w.statusCode, 403, w.body);

      const street = await t.login('jianwai.officer');
      const c = (await t.call('POST', '/api/v1/cases', { as: resident, body: { type: 'complaint', categoryCode: 'illegal_construction', description: '楼顶私搭乱建彩钢房', streetCode: '110105001' } })).json();
      let v = (await t.call('POST', `/api/v1/cases/${c.id}/sign`, { as: street, body: { version: c.version } })).json().version;
      v = (await t.call('POST', `/api/v1/cases/${c.id}/whistle`, { as: street, body: { version: v, agencies: ['110105A03', '110105A05'], note: '联合执法' } })).json().version;
      v = (await t.call('POST', `/api/v1/cases/${c.id}/checkin`, { as: agency, body: { version: v } })).json().version;
      v = (await t.call('POST', `/api/v1/cases/${c.id}/contact`, { as: street, body: { version: v, method: 'phone', note: '已联系' } })).json().version;
      v = (await t.call('POST', `/api/v1/cases/${c.id}/reply`, { as: street, body: { version: v, text: '已处理', resolved: true } })).json().version;
      const scored = await t.call('POST', `/api/v1/cases/${c.id}/whistle/score`, { as: street, body: { version: v, agency: '110105A05', score: 3 } });
      assert.equal(scored.statusCode, 200, `${scored.body} v=${v}`);
      const box = (await t.call('GET', '/api/v1/inbox', { as: agency })).json().items;
      assert.ok(box.some((i: { sourceId: string; kind: string }) => i.sourceId === c.id && i.kind === 'case.assist'), 'A03 is not scored yet: its item stays');
    });
  });
}
