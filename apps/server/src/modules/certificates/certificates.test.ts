import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { createTestJing, testEngines, type TestJing } from '../../testing.ts';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { CertificateRepository } from './certificates.repository.ts';
import { CertificateSigner, canonicalJson } from './signer.ts';
import { renderCertificatePdf } from './pdf.ts';

describe('canonical JSON', () => {
  it('sorts keys at every level, so the signed bytes do not depend on key order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: '京' } }), '{"a":{"c":"京","d":[2,{"e":0,"f":1}]},"b":1}');
  });
});

for (const engine of testEngines()) {
  describe(`电子证照 signing keys and PDF [${engine}]`, () => {
    let t: TestJing;
    before(async () => {
      t = await createTestJing(engine, { seed: true });
    });
    after(() => t.cleanup());

    it('keeps the key generated on first start, and after a rotation still verifies what the old key signed', async () => {
      const dir = `${t.jing.config.varDir}/keys/certificates`;
      const first = await t.jing.certificates.signer.ready();
      const again = new CertificateSigner(dir, new CertificateRepository(t.jing.database.db));
      assert.equal(await again.ready(), first, 'a restart loads the persisted key');
      const zhang = (await t.jing.accounts.findByUsername('resident.zhang'))!;
      const old = (await t.jing.certificates.usable(zhang.id, 'id_card'))[0]!;
      assert.equal(old.key_id, first);
      const rotated = await t.jing.certificates.signer.rotate();
      assert.notEqual(rotated, first);
      assert.equal((await t.jing.certificates.verifyById(old.id, old.signature)).verdict, 'valid', 'signed by the retired key');
      const fresh = await t.jing.certificates.issueNow(SYSTEM_CALLER, { type: 'test_permit', title: '测试许可', holder: { id: zhang.id, kind: 'resident', name: '张伟', identifier: 'x' }, issuerCode: '110105A06', data: { a: '1' }, validityYears: 1 });
      assert.equal(fresh.key_id, rotated);
      assert.equal((await t.jing.certificates.verifyById(fresh.id)).verdict, 'valid');
      const restarted = new CertificateSigner(dir, new CertificateRepository(t.jing.database.db));
      assert.equal(await restarted.ready(), rotated, 'the newest key signs after a restart');
      assert.equal(await restarted.verify(old.payload, old.signature, old.key_id), true);
    });

    it('renders a PDF that embeds the Chinese font and the certificate’s text', async () => {
      const zhang = (await t.jing.accounts.findByUsername('resident.zhang'))!;
      const cert = (await t.jing.certificates.usable(zhang.id, 'id_card'))[0]!;
      const pdf = await renderCertificatePdf(cert, 'https://example.org/verify/x?s=y', 'Asia/Shanghai');
      const text = pdf.toString('latin1');
      assert.equal(text.slice(0, 5), '%PDF-');
      assert.match(text, /\/BaseFont \/[A-Z]{6}\+NotoSansHans/, 'a subset of Noto Sans Hans is embedded');
      assert.match(text, /\/FontFile3/, 'as an OpenType (CFF) font program');
      // The ToUnicode maps (flate streams) map the glyphs back to the holder's name: 张 U+5F20, 伟 U+4F1F.
      const streams = [...text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
        try {
          return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      });
      const cmaps = streams.filter((s) => s.includes('begincmap')).join('\n').toLowerCase();
      assert.match(cmaps, /<5f20>/);
      assert.match(cmaps, /<4f1f>/);
    });
  });
}
