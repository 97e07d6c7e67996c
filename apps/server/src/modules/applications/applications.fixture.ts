/**
 * Test helpers for applications: small valid uploads and a ready residence-permit
 * application of 张伟 (used by the halls tests too, for a visit's application).
 */
import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../testing.ts';

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
export const PDF = Buffer.from('%PDF-1.4\n% a small test document\n%%EOF\n');
export const RESIDENCE = 'BJ-GA-XK-0101';

export async function upload(t: TestApp, as: Session, type: string, body: Buffer): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': type }, payload: body });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}

/** A residence-permit application of 张伟 reusing his wallet ID card, with a photo and a proof uploaded. */
export async function residenceBody(t: TestApp, zhang: Session, overrides: Record<string, unknown> = {}) {
  const prefill = (await t.call('GET', `/api/v1/applications/prefill?itemCode=${RESIDENCE}`, { as: zhang })).json();
  return {
    itemCode: RESIDENCE,
    situation: 'employment',
    districtCode: '110105',
    form: { ...prefill.values, phone: '13800138000', address: '北京市朝阳区建国路1号', registeredSince: '2025-01-02' },
    materials: [
      { code: 'id_card', certificateId: prefill.held.id_card[0].id },
      { code: 'photo', fileIds: [await upload(t, zhang, 'image/png', PNG)] },
      { code: 'employment_proof', fileIds: [await upload(t, zhang, 'application/pdf', PDF)] },
    ],
    ...overrides,
  };
}
