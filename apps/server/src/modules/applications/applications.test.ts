import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { PDF, PNG, RESIDENCE, residenceBody, upload } from './applications.fixture.ts';

for (const engine of testEngines()) {
  describe(`办件 online application, processing and e-certificate [${engine}]`, () => {
    let t: TestApp;
    let zhang: Session;
    let police: Session;
    let clerk: Session;
    let app: { id: string; version: number; status: string; certificateId: string | null; events: { type: string }[]; clock: Record<string, unknown> };
    const act = async (as: Session, path: string, body: Record<string, unknown>, status = 200) => {
      const r = await t.call('POST', `/api/v1/applications/${app.id}/${path}`, { as, body: { version: app.version, ...body } });
      assert.equal(r.statusCode, status, `${path}: ${r.body}`);
      if (status === 200) app = r.json();
      return r.json();
    };

    before(async () => {
      t = await createTestApp(engine);
      zhang = await t.login('resident.zhang');
      police = await t.login('cy.police.approver');
      clerk = await t.login('cy.hall.clerk');
    });
    after(() => t.cleanup());

    it('pre-fills the form from the account and offers the wallet’s ID card for the held material', async () => {
      const r = (await t.call('GET', `/api/v1/applications/prefill?itemCode=${RESIDENCE}`, { as: zhang })).json();
      assert.equal(r.values.name, '张伟');
      assert.match(r.values.idNumber, /^110105198503120021|^11010519850312002/);
      assert.equal(r.held.id_card.length, 1, 'the seeded ID card e-licence');
      assert.deepEqual(r.held.id_card.map((c: { type: string }) => c.type), ['id_card']);
    });

    it('submits once per idempotency key, to the district police branch, with the certificate by reference', async () => {
      const body = await residenceBody(t, zhang);
      const first = await t.call('POST', '/api/v1/applications', { as: zhang, body, headers: { 'idempotency-key': 'apply-1' } });
      assert.equal(first.statusCode, 201, first.body);
      app = first.json();
      const again = await t.call('POST', '/api/v1/applications', { as: zhang, body, headers: { 'idempotency-key': 'apply-1' } });
      assert.equal(again.json().id, app.id, 'a retry returns the first application');
      const v = first.json();
      assert.equal(v.unit.code, '110105A07');
      assert.equal(v.status, 'submitted');
      assert.equal(v.channel, 'online');
      assert.equal(v.materials.find((m: { code: string }) => m.code === 'id_card').source, 'certificate');
      assert.equal(v.clock.state, 'not_started');
      const mine = (await t.call('GET', '/api/v1/applications', { as: zhang })).json().items;
      assert.equal(mine.length, 1);
      const inbox = (await t.call('GET', '/api/v1/inbox?box=unit', { as: police })).json().items;
      assert.ok(inbox.some((i: { link: string; title: string }) => i.link === `/ban/applications/${app.id}` && i.title.startsWith('【待受理】')));
      assert.equal((await t.call('GET', `/api/v1/applications/${app.id}`, { as: await t.login('cy.market.approver') })).statusCode, 404, 'another unit does not see it');
    });

    it('lets one of two clerks accepting at once win; the other gets 409', async () => {
      const [a, b] = await Promise.all([
        t.call('POST', `/api/v1/applications/${app.id}/accept`, { as: police, body: { version: app.version } }),
        t.call('POST', `/api/v1/applications/${app.id}/accept`, { as: clerk, body: { version: app.version } }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
      app = (a.statusCode === 200 ? a : b).json();
      assert.equal(app.status, 'processing');
      assert.equal(app.clock.state, 'running');
      assert.equal(app.clock.remainingWorkingDays, 10);
      assert.equal(app.events.filter((e) => e.type === 'accept').length, 1);
    });

    it('reviews, approves, and issues a signed residence permit into the wallet', async () => {
      await act(zhang, 'review', { opinion: 'x' }, 403);
      await act(police, 'decide', { approve: true, reason: 'x' }, 409);
      await act(police, 'review', { opinion: '材料齐全，符合条件' });
      await act(police, 'decide', { approve: true, reason: '符合《北京市实施〈居住证暂行条例〉办法》规定' });
      assert.equal(app.status, 'approved');
      assert.ok(app.certificateId);
      assert.deepEqual(app.events.map((e) => e.type), ['submit', 'accept', 'review', 'decide', 'certificate', 'deliver']);
      const wallet = (await t.call('GET', '/api/v1/certificates?type=residence_permit', { as: zhang })).json().items;
      assert.equal(wallet.length, 1);
      assert.equal(wallet[0].issuer.code, '110105A07');
      assert.equal(wallet[0].data.address, '北京市朝阳区建国路1号');
      assert.ok(wallet[0].validUntil > wallet[0].validFrom, 'valid for a year');
      const subject = await t.jing.applications.ratingSubject(app.id);
      assert.deepEqual({ ...subject, completedAt: !!subject?.completedAt }, { completed: true, applicantAccountId: zhang.me.id, itemCode: RESIDENCE, unitCode: '110105A07', completedAt: true });
    });

    it('tells the applicant at each step: in-app with an unread count, and SMS and e-mail in the outbox', async () => {
      const n = (await t.call('GET', '/api/v1/notifications', { as: zhang })).json();
      assert.equal(n.unread, 4, 'submit, accept, review, decision');
      assert.equal((await t.call('GET', '/api/v1/notifications/unread', { as: zhang })).json().count, 4);
      await t.call('POST', '/api/v1/notifications/read', { as: zhang, body: { all: true } });
      assert.equal((await t.call('GET', '/api/v1/notifications/unread', { as: zhang })).json().count, 0);
      assert.equal((await t.call('GET', '/api/v1/notifications/outbox', { as: zhang })).statusCode, 403);
      const outbox = (await t.call('GET', '/api/v1/notifications/outbox?channel=sms', { as: await t.login('cy.service.admin') })).json().items;
      assert.equal(outbox.filter((m: { accountId: string }) => m.accountId === zhang.me.id).length, 4);
      assert.match(outbox[0].body, /^【京通】/);
    });

    it('verifies the certificate as valid, and a forged, altered, revoked one as invalid', async () => {
      const cert = (await t.call('GET', `/api/v1/certificates/${app.certificateId}`, { as: zhang })).json();
      const qs = new URL(cert.verifyPath, 'http://x').searchParams.get('s')!;
      const ok = (await t.call('GET', `/api/v1/verify/${cert.id}?s=${qs}`)).json();
      assert.equal(ok.verdict, 'valid');
      assert.equal(ok.certificate.holderName, '张*');
      const forged = (await t.call('GET', `/api/v1/verify/${cert.id}?s=${qs.slice(0, -4)}AAAA`)).json();
      assert.deepEqual([forged.verdict, forged.reason], ['invalid', 'signature']);
      assert.deepEqual((await t.call('GET', '/api/v1/verify/00000000-0000-0000-0000-000000000000')).json().reason, 'unknown');

      const doc = (await t.call('GET', `/api/v1/certificates/${cert.id}/document`, { as: zhang })).json();
      assert.equal((await t.call('POST', '/api/v1/verify', { body: doc })).json().verdict, 'valid');
      const altered = { ...doc, payload: doc.payload.replace('北京市朝阳区建国路1号', '北京市朝阳区建国路2号') };
      assert.notEqual(altered.payload, doc.payload);
      assert.deepEqual((await t.call('POST', '/api/v1/verify', { body: altered })).json().verdict, 'invalid');

      // Someone edits the record in the database: the signature no longer matches what is shown.
      await t.jing.database.db.updateTable('certificates').set({ holder_name: '李四' }).where('id', '=', cert.id).execute();
      assert.deepEqual((await t.call('GET', `/api/v1/verify/${cert.id}?s=${qs}`)).json().reason, 'tampered');
      await t.jing.database.db.updateTable('certificates').set({ holder_name: '张伟' }).where('id', '=', cert.id).execute();

      const pdf = await t.call('GET', `/api/v1/certificates/${cert.id}/pdf`, { as: zhang });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal((await t.call('GET', `/api/v1/certificates/${cert.id}/pdf`, { as: clerk })).statusCode, 200, 'the issuing district’s staff may read it');
      assert.equal((await t.call('GET', `/api/v1/certificates/${cert.id}/pdf`, { as: await t.login('biz.owner') })).statusCode, 404);

      const revoked = await t.call('POST', `/api/v1/certificates/${cert.id}/revoke`, { as: police, body: { reason: '测试注销' } });
      assert.equal(revoked.json().status, 'revoked');
      assert.deepEqual((await t.call('GET', `/api/v1/verify/${cert.id}?s=${qs}`)).json().reason, 'revoked');
    });

    it('lets a person acting for a business apply with the business’s licence from its wallet (免提交)', async () => {
      const owner = await t.login('biz.owner');
      const business = (owner.me as { canActFor: { id: string; kind: string }[] }).canActFor.find((p) => p.kind === 'business')!;
      const acting = await t.call('POST', '/api/v1/auth/act-as', { as: owner, body: { principalId: business.id } });
      assert.equal(acting.statusCode, 200, acting.body);
      const prefill = (await t.call('GET', '/api/v1/applications/prefill?itemCode=BJ-SJ-XK-0301', { as: owner })).json();
      assert.equal(prefill.applicant.kind, 'business');
      assert.equal(prefill.values.businessName, '北京京通示范科技有限公司');
      assert.match(prefill.values.creditCode, /^91110105MA01ABCD1/);
      assert.equal(prefill.held.business_licence.length, 1);
      const pdf = await upload(t, owner, 'application/pdf', PDF);
      const r = await t.call('POST', '/api/v1/applications', {
        as: owner,
        body: {
          itemCode: 'BJ-SJ-XK-0301', situation: 'sales', districtCode: '110105',
          form: { ...prefill.values, legalRep: '周强', premises: '北京市朝阳区建国路88号', phone: '13900139000' },
          materials: [
            { code: 'business_licence', certificateId: prefill.held.business_licence[0].id },
            { code: 'application_form', fileIds: [pdf] },
            { code: 'layout', fileIds: [pdf] },
            { code: 'safety_rules', fileIds: [pdf] },
          ],
        },
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.deepEqual([r.json().applicant.kind, r.json().unit.code, r.json().submittedBy], ['business', '110105A06', '周强']);
      // 张伟's ID card is not the business's to use.
      const zhangCard = (await t.call('GET', '/api/v1/certificates?type=id_card', { as: zhang })).json().items[0].id;
      const body = { itemCode: 'BJ-SJ-XK-0301', situation: 'sales', districtCode: '110105', form: { ...prefill.values, legalRep: '周强', premises: 'x', phone: '13900139000' } };
      const materials = [{ code: 'business_licence', certificateId: zhangCard }, { code: 'application_form', fileIds: [pdf] }, { code: 'layout', fileIds: [pdf] }, { code: 'safety_rules', fileIds: [pdf] }];
      const other = await t.call('POST', '/api/v1/applications', { as: owner, body: { ...body, materials } });
      assert.equal(other.statusCode, 400);
      assert.equal(other.json().error.details.issues[0].path, 'body.materials.0.certificateId');
    });

    it('refuses bad input naming the field, writing nothing', async () => {
      const before = (await t.call('GET', '/api/v1/applications', { as: zhang })).json().items.length;
      const submit = (body: unknown) => t.call('POST', '/api/v1/applications', { as: zhang, body });
      const good = await residenceBody(t, zhang);
      const paths = async (body: unknown) => {
        const r = await submit(body);
        assert.equal(r.statusCode, 400, r.body);
        return r.json().error.details.issues.map((i: { path: string }) => i.path);
      };
      assert.deepEqual(await paths({ ...good, form: { ...good.form, idNumber: '110105198503120029', phone: '123', registeredSince: '2025-02-30', colour: 'red' } }), ['body.form.colour', 'body.form.idNumber', 'body.form.phone', 'body.form.registeredSince']);
      assert.deepEqual(await paths({ ...good, form: { ...good.form, address: '' } }), ['body.form.address']);
      assert.deepEqual(await paths({ ...good, situation: 'tourism' }), ['body.situation']);
      assert.deepEqual(await paths({ ...good, districtCode: undefined }), ['body.districtCode']);
      // A PDF where the photo must be JPEG or PNG; a material left out; someone else's file.
      const pdfPhoto = good.materials.map((m) => (m.code === 'photo' ? { code: 'photo', fileIds: good.materials[2]!.fileIds } : m));
      assert.deepEqual(await paths({ ...good, materials: pdfPhoto }), ['body.materials.1.fileIds.0']);
      assert.deepEqual(await paths({ ...good, materials: good.materials.slice(0, 2) }), ['body.materials']);
      const other = await upload(t, clerk, 'image/png', PNG);
      assert.deepEqual(await paths({ ...good, materials: [good.materials[0], { code: 'photo', fileIds: [other] }, good.materials[2]] }), ['body.materials.1.fileIds.0']);
      // A certificate for a material the government does not hold, and one of the wrong type.
      assert.deepEqual(await paths({ ...good, materials: [good.materials[0], { code: 'photo', certificateId: good.materials[0]!.certificateId }, good.materials[2]] }), ['body.materials.1.certificateId']);
      // Uploads are checked by content: a "PNG" that is not one, and a type not accepted at all.
      const corrupt = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: zhang.cookie, 'x-csrf-token': zhang.csrf, 'content-type': 'image/png' }, payload: Buffer.from('GIF89a not a png at all') });
      assert.equal(corrupt.statusCode, 400);
      const gif = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: zhang.cookie, 'x-csrf-token': zhang.csrf, 'content-type': 'image/gif' }, payload: Buffer.from('GIF89a') });
      assert.equal(gif.statusCode, 415);
      assert.equal((await t.call('GET', '/api/v1/applications', { as: zhang })).json().items.length, before, 'nothing was written');
    });

    it('refuses an application for a retired version with 409 naming itemVersion', async () => {
      const current = (await t.call('GET', `/api/v1/services/${RESIDENCE}`)).json();
      const draft = await t.jing.services.saveDraft(SYSTEM_CALLER, { ...current.definition, promisedLimitDays: 8 });
      await t.jing.services.publish(SYSTEM_CALLER, RESIDENCE, draft.version);
      const body = await residenceBody(t, zhang, { itemVersion: current.version });
      const r = await t.call('POST', '/api/v1/applications', { as: zhang, body });
      assert.equal(r.statusCode, 409, r.body);
      assert.equal(r.json().error.details.issues[0].path, 'body.itemVersion');
      assert.equal(r.json().error.details.published, draft.version);
      const ok = await t.call('POST', '/api/v1/applications', { as: zhang, body: { ...body, itemVersion: draft.version } });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().item.version, draft.version);
      // The approved application keeps the version it started on.
      assert.equal((await t.call('GET', `/api/v1/applications/${app.id}`, { as: zhang })).json().item.version, current.version);
    });
  });
}
