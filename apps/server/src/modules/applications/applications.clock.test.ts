import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceItemInput } from '@jing/contracts';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.from('%PDF-1.4\n% test\n%%EOF\n');

async function upload(t: TestApp, as: Session, type: string, body: Buffer): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': type }, payload: body });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}

/** A test item: 户外广告设置 needing the police and housing to countersign, with a tiny scan limit. */
const COUNTERSIGNED: ServiceItemInput = {
  code: 'TEST-CS-0001',
  name: { zh: '户外招牌设置（测试）' },
  itemType: 'licence',
  audience: ['person'],
  department: { type: 'urban_management', name: { zh: '城市管理委员会' } },
  implementedBy: { level: 'district', unitType: 'market_regulation' },
  legalBasis: ['测试依据'],
  acceptanceConditions: [],
  situations: [{ code: 'shop', name: { zh: '门店招牌' }, when: {}, materials: [{ code: 'scan', name: { zh: '设计图' }, form: 'electronic', count: 1, formats: ['png'], maxBytes: 1024, required: true }] }],
  formFields: [{ key: 'name', label: { zh: '姓名' }, type: 'text', required: true, prefill: 'name' }],
  steps: [
    { code: 'accept', name: { zh: '受理' }, kind: 'accept' },
    { code: 'joint', name: { zh: '联合审查' }, kind: 'countersign', countersignUnits: ['public_security', 'housing'] },
    { code: 'decide', name: { zh: '决定' }, kind: 'decide' },
  ],
  specialSteps: [{ name: { zh: '现场勘验' }, maxDays: 5, countsInLimit: false }],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  onsiteVisits: 0,
  channels: { online: true, offline: true },
  result: { kind: 'approval', name: { zh: '准予设置决定书' } },
};

for (const engine of testEngines()) {
  describe(`办件 clock, corrections, countersign and the hall window [${engine}]`, () => {
    let t: TestApp;
    let zhang: Session;
    let police: Session;
    let market: Session;
    let clerk: Session;
    let app: { id: string; version: number; status: string; clock: { state: string; remainingWorkingDays: number | null; promisedDueAt: string | null; light: string }; events: { type: string; channel: string | null }[]; correction: unknown; countersigns: { unit: { code: string }; signedAt: string | null }[] };
    const at = (iso: string) => {
      t.jing.applications.clock = () => Date.parse(iso);
    };
    const act = async (as: Session, path: string, body: Record<string, unknown>, status = 200) => {
      const r = await t.call('POST', `/api/v1/applications/${app.id}/${path}`, { as, body: { version: app.version, ...body } });
      assert.equal(r.statusCode, status, `${path}: ${r.body}`);
      if (status === 200) app = r.json();
      return r.json();
    };
    const reload = async (as: Session) => {
      app = (await t.call('GET', `/api/v1/applications/${app.id}`, { as })).json();
    };

    before(async () => {
      t = await createTestApp(engine);
      zhang = await t.login('resident.zhang');
      police = await t.login('cy.police.approver');
      market = await t.login('cy.market.approver');
      clerk = await t.login('cy.hall.clerk');
      await t.jing.services.load(SYSTEM_CALLER, [COUNTERSIGNED]);
      await t.jing.accounts.createStaff(SYSTEM_CALLER, '110105A04', { username: 'cy.housing.approver', password: 'Jing@2026demo', name: '许晴', position: '审批员', roles: ['approver'] });
    });
    after(() => t.cleanup());

    it('pauses the promised limit while a correction is outstanding, across the National Day holiday', async () => {
      const prefill = (await t.call('GET', '/api/v1/applications/prefill?itemCode=BJ-GA-XK-0101', { as: zhang })).json();
      at('2024-09-27T07:00:00Z'); // Fri 27 Sep 2024, 15:00 in Beijing
      const r = await t.call('POST', '/api/v1/applications', {
        as: zhang,
        body: {
          itemCode: 'BJ-GA-XK-0101', situation: 'employment', districtCode: '110105',
          form: { ...prefill.values, phone: '13800138000', address: '北京市朝阳区建国路1号', registeredSince: '2024-01-02' },
          materials: [{ code: 'id_card', certificateId: prefill.held.id_card[0].id }, { code: 'photo', fileIds: [await upload(t, zhang, 'image/png', PNG)] }, { code: 'employment_proof', fileIds: [await upload(t, zhang, 'application/pdf', PDF)] }],
        },
      });
      assert.equal(r.statusCode, 201, r.body);
      app = r.json();
      await act(police, 'accept', {});
      // 10 working days: Sun 29 Sep (worked), 30 Sep, then 8–11 Oct, Sat 12 Oct (worked), 14–16 Oct.
      assert.equal(app.clock.promisedDueAt, '2024-10-16T16:00:00.000Z');
      assert.equal(app.clock.remainingWorkingDays, 10);

      at('2024-09-30T02:00:00Z'); // Mon 30 Sep, 10:00: one working day (Sun 29) used
      await act(police, 'correction', { items: [{ target: 'material', code: 'employment_proof', note: '劳动合同缺少单位盖章' }, { target: 'field', code: 'address', note: '请填写到门牌号' }, { target: 'field', code: 'nonsense', note: 'x' }] }, 400);
      await act(police, 'correction', { items: [{ target: 'material', code: 'employment_proof', note: '劳动合同缺少单位盖章' }, { target: 'field', code: 'address', note: '请填写到门牌号' }] });
      assert.equal(app.status, 'correction');
      assert.deepEqual([app.clock.state, app.clock.promisedDueAt, app.clock.remainingWorkingDays], ['paused', null, 9]);
      await act(police, 'correction', { items: [{ target: 'field', code: 'phone', note: 'x' }] }, 409);

      at('2024-10-03T02:00:00Z'); // during the holiday, still waiting for the applicant
      await reload(zhang);
      assert.deepEqual([app.clock.state, app.clock.remainingWorkingDays], ['paused', 9]);
      const paused = (await t.call('GET', '/api/v1/applications?box=unit&status=open', { as: police })).json().items.find((x: { id: string }) => x.id === app.id);
      assert.deepEqual([paused.paused, paused.remainingWorkingDays], [true, 9]);

      at('2024-10-08T02:00:00Z'); // Tue 8 Oct, 10:00: the applicant resubmits
      await act(zhang, 'resubmit', { form: { address: '北京市朝阳区建国路1号院2号楼301' } }, 400);
      await act(zhang, 'resubmit', { form: { address: '北京市朝阳区建国路1号院2号楼301' }, materials: [{ code: 'employment_proof', fileIds: [await upload(t, zhang, 'application/pdf', PDF)] }] });
      assert.equal(app.status, 'processing');
      // 30 Sep and 8 Oct were touched by the pause and do not count: two working days later than without it.
      assert.equal(app.clock.promisedDueAt, '2024-10-18T16:00:00.000Z');
      assert.deepEqual([app.clock.state, app.clock.remainingWorkingDays], ['running', 9]);
      at('2024-10-10T12:00:00Z'); // Thu 10 Oct, 20:00: 9 Oct has ended
      await reload(zhang);
      assert.equal(app.clock.remainingWorkingDays, 8);
      assert.deepEqual(app.events.map((e) => e.type), ['submit', 'accept', 'correction', 'resubmit']);
    });

    it('lists the application as overdue for its unit once the limit has passed', async () => {
      at(new Date().toISOString());
      const admin = await t.login('cy.service.admin');
      const r = (await t.call('GET', '/api/v1/applications/overdue?within=110105', { as: admin })).json();
      const police = r.units.find((u: { unit: { code: string } }) => u.unit.code === '110105A07');
      assert.deepEqual([police.open, police.overdue], [1, 1]);
      assert.ok(r.items.some((x: { id: string; light: string }) => x.id === app.id && x.light === 'red'));
      const unitList = (await t.call('GET', '/api/v1/applications?box=unit&overdue=true', { as: await t.login('cy.police.approver') })).json().items;
      assert.deepEqual(unitList.map((x: { id: string }) => x.id), [app.id]);
      assert.equal((await t.call('GET', '/api/v1/applications/overdue?within=110108', { as: admin })).statusCode, 404);
    });

    it('needs every named unit to countersign before the decision; a special step pauses the clock', async () => {
      at(new Date().toISOString());
      const scan = await upload(t, zhang, 'image/png', PNG);
      const big = await upload(t, zhang, 'image/png', Buffer.concat([PNG, Buffer.alloc(2048)]));
      const body = { itemCode: 'TEST-CS-0001', situation: 'shop', districtCode: '110105', form: { name: '张伟' }, materials: [{ code: 'scan', fileIds: [big] }] };
      const over = await t.call('POST', '/api/v1/applications', { as: zhang, body });
      assert.equal(over.statusCode, 400, 'larger than the material’s maxBytes');
      assert.equal(over.json().error.details.issues[0].path, 'body.materials.0.fileIds.0');
      const r = await t.call('POST', '/api/v1/applications', { as: zhang, body: { ...body, materials: [{ code: 'scan', fileIds: [scan] }] } });
      assert.equal(r.statusCode, 201, r.body);
      app = r.json();
      await act(market, 'accept', {});
      assert.deepEqual(app.countersigns.map((c) => c.unit.code), ['110105A04', '110105A07']);
      const housing = await t.login('cy.housing.approver');
      const unitInbox = (await t.call('GET', '/api/v1/inbox?box=unit', { as: housing })).json().items;
      assert.ok(unitInbox.some((i: { title: string; link: string }) => i.title.startsWith('【会签】') && i.link === `/ban/applications/${app.id}`));
      await act(market, 'countersign', { agree: true, opinion: 'x' }, 403);
      await act(market, 'decide', { approve: true, reason: 'x' }, 409);

      await act(market, 'special', { action: 'start', index: 0, note: '约定周五现场勘验' });
      assert.equal(app.clock.state, 'paused');
      await act(market, 'special', { action: 'end', index: 0 });
      assert.equal(app.clock.state, 'running');

      await act(police, 'countersign', { agree: true, opinion: '同意，不影响交通' });
      await act(police, 'countersign', { agree: true, opinion: 'again' }, 403);
      assert.equal(app.status, 'processing');
      await act(housing, 'countersign', { agree: true, opinion: '同意' });
      assert.ok(app.countersigns.every((c) => c.signedAt));
      await act(market, 'decide', { approve: true, reason: '会签一致同意' });
      assert.equal(app.status, 'approved');
      assert.deepEqual(app.events.map((e) => e.type), ['submit', 'accept', 'special_start', 'special_end', 'countersign', 'countersign', 'decide']);
      const after = (await t.call('GET', '/api/v1/inbox?box=unit', { as: housing })).json().items;
      assert.ok(!after.some((i: { sourceId: string }) => i.sourceId === app.id), 'the housing to-do is done');
    });

    it('lets a window clerk start an application for a visitor by ID number and continue it: one record', async () => {
      at(new Date().toISOString());
      const zhangId = (await t.call('GET', '/api/v1/applications/prefill?itemCode=TEST-CS-0001', { as: zhang })).json().values;
      const idNumber = (await t.call('GET', '/api/v1/applications/prefill?itemCode=BJ-GA-XK-0101', { as: zhang })).json().values.idNumber as string;
      assert.equal(zhangId.name, '张伟');
      const forVisitor = (await t.call('GET', `/api/v1/applications/prefill?itemCode=TEST-CS-0001&idNumber=${idNumber}`, { as: clerk })).json();
      assert.equal(forVisitor.applicant.name, '张伟');
      const scan = await upload(t, clerk, 'image/png', PNG);
      const body = { itemCode: 'TEST-CS-0001', situation: 'shop', districtCode: '110105', form: forVisitor.values, materials: [{ code: 'scan', fileIds: [scan] }] };
      assert.equal((await t.call('POST', '/api/v1/applications', { as: clerk, body })).statusCode, 400, 'whose application? onBehalfOf is required');
      assert.equal((await t.call('POST', '/api/v1/applications', { as: zhang, body: { ...body, onBehalfOf: { idNumber } } })).statusCode, 403);
      const unknown = await t.call('POST', '/api/v1/applications', { as: clerk, body: { ...body, onBehalfOf: { idNumber: '110101199003070011' } } });
      assert.equal(unknown.json().error.details.issues[0].path, 'body.onBehalfOf.idNumber');
      const r = await t.call('POST', '/api/v1/applications', { as: clerk, body: { ...body, onBehalfOf: { idNumber } } });
      assert.equal(r.statusCode, 201, r.body);
      app = r.json();
      assert.equal((app as unknown as { channel: string }).channel, 'hall');
      assert.equal(app.events[0]!.channel, 'hall');
      // The visitor sees it in 我的办件; the clerk finds it by ID number and continues.
      assert.ok((await t.call('GET', '/api/v1/applications', { as: zhang })).json().items.some((x: { id: string }) => x.id === app.id));
      const found = (await t.call('GET', `/api/v1/applications?box=unit&applicant=${idNumber}`, { as: clerk })).json().items;
      assert.ok(found.some((x: { id: string }) => x.id === app.id));
      await act(clerk, 'correction', { items: [{ target: 'material', code: 'scan', note: '请提供清晰设计图' }] });
      await act(clerk, 'resubmit', { materials: [{ code: 'scan', fileIds: [await upload(t, clerk, 'image/png', PNG)] }] });
      assert.equal(app.events.at(-1)!.channel, 'hall');
      await act(clerk, 'accept', {});
      assert.equal(app.status, 'processing');
    });
  });
}
