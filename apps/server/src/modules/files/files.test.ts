import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

for (const engine of testEngines()) {
  describe(`files: photos and evidence on cases [${engine}]`, () => {
    let t: TestApp;
    let resident: Session;
    let street: Session;
    const upload = (as: Session, type: string, body: Buffer) =>
      t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': type, 'x-file-name': encodeURIComponent('现场.png') }, payload: body });
    before(async () => {
      t = await createTestApp(engine, { env: { JING_UPLOAD_LIMIT_BYTES: '4096' } });
      resident = await t.login('resident.zhang');
      street = await t.login('jianwai.officer');
    });
    after(() => t.cleanup());

    it('stores a real image and refuses fakes, oversize bodies and other types', async () => {
      const ok = await upload(resident, 'image/png', PNG);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual([ok.json().contentType, ok.json().size, ok.json().name], ['image/png', PNG.length, '现场.png']);
      const fake = await upload(resident, 'image/png', Buffer.from('<script>alert(1)</script>'));
      assert.equal(fake.statusCode, 400);
      assert.equal(fake.json().error.details.issues[0].path, 'body');
      assert.equal((await upload(resident, 'image/png', Buffer.concat([PNG, Buffer.alloc(5000)]))).statusCode, 413);
      assert.equal((await upload(resident, 'image/gif', Buffer.from('GIF89a'))).statusCode, 415);
    });

    it('attaches photos to a case; the handling unit can see them, a stranger cannot', async () => {
      const photo = (await upload(resident, 'image/png', PNG)).json();
      const c = await t.call('POST', '/api/v1/cases', { as: resident, body: { type: 'report', categoryCode: 'street_vendors', description: '路口占道经营', streetCode: '110105001', photos: [photo.id] } });
      assert.equal(c.statusCode, 201, c.body);
      const view = c.json();
      assert.deepEqual(view.attachments.map((a: { kind: string }) => a.kind), ['photo']);
      const seen = await t.app.inject({ url: view.attachments[0].url, headers: { cookie: street.cookie } });
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.headers['content-type'], 'image/png');
      assert.ok(seen.rawPayload.equals(PNG));
      const stranger = await t.login('biz.owner');
      assert.equal((await t.app.inject({ url: view.attachments[0].url, headers: { cookie: stranger.cookie } })).statusCode, 404);
      const notMine = await t.call('POST', '/api/v1/cases', { as: stranger, body: { type: 'report', categoryCode: 'street_vendors', description: '借用别人的照片', streetCode: '110105001', photos: [photo.id] } });
      assert.equal(notMine.statusCode, 400);
      assert.equal(notMine.json().error.details.issues[0].path, 'body.photos.0');
      // Evidence from the unit.
      const signed = (await t.call('POST', `/api/v1/cases/${view.id}/sign`, { as: street, body: { version: view.version } })).json();
      const evidence = (await upload(street, 'image/png', PNG)).json();
      const noted = await t.call('POST', `/api/v1/cases/${view.id}/note`, { as: street, body: { version: signed.version, text: '现场已清理', attachments: [evidence.id] } });
      assert.equal(noted.statusCode, 200, noted.body);
      assert.deepEqual(noted.json().attachments.map((a: { kind: string }) => a.kind).sort(), ['evidence', 'photo']);
      const reporterSees = await t.app.inject({ url: `/api/v1/files/${evidence.id}`, headers: { cookie: resident.cookie } });
      assert.equal(reporterSees.statusCode, 200, 'the reporter sees the evidence on their case');
    });
  });
}
