import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';

const GUOMAO = { lng: 116.4575, lat: 39.9087 }; // in 朝阳区, 建外街道

for (const engine of testEngines()) {
  describe(`接诉即办 intake under a burst: shared transactions, nothing lost or mixed up [${engine}]`, () => {
    let t: TestApp;
    let resident: Session;
    let operator: Session;
    const month = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    const submit = (as: Session, body: Record<string, unknown>, headers?: Record<string, string>) => t.call('POST', '/api/v1/cases', { as, body, headers });
    const casesInRollups = async () => (await t.jing.caseRates.table(month(), 'district')).items.reduce((n, r) => n + r.cases, 0);

    before(async () => {
      t = await createTestApp(engine);
      [resident, operator] = await Promise.all([t.login('resident.zhang'), t.login('hotline.operator')]);
    });
    after(() => t.cleanup());

    it('takes 40 cases sent at once: each answered with its own case, as GET shows it, in few transactions', async () => {
      const streets = (await t.call('GET', '/api/v1/org/units/110105/children')).json().items.filter((u: { level: string }) => u.level === 'street').map((u: { code: string }) => u.code);
      const categories = ['noise_construction', 'garbage_collection', 'street_lights', 'road_damage', 'food_safety'];
      const before = await casesInRollups();
      const batchesBefore = t.jing.cases.commits.stats.batches;
      const sent = Array.from({ length: 40 }, (_, i) => ({
        type: 'complaint',
        categoryCode: categories[i % categories.length],
        description: `同时提交的诉求 #${i}`,
        streetCode: streets[i % streets.length],
        ...(i % 5 === 0 ? { location: GUOMAO, streetCode: '110105001' } : {}),
      }));
      const answers = await Promise.all(sent.map((body, i) => (i % 4 === 3 ? submit(operator, { ...body, caller: { name: '王先生', phone: `1391234${String(i).padStart(4, '0')}` } }) : submit(resident, body))));
      for (const a of answers) assert.equal(a.statusCode, 201, a.body);
      const cases = answers.map((a) => a.json());
      // Each answer is its own submission.
      cases.forEach((c, i) => assert.equal(c.description, sent[i]!.description));
      const numbers = cases.map((c) => Number(c.number.slice(-6))).sort((a, b) => a - b);
      assert.equal(new Set(numbers).size, 40, 'tracking numbers are distinct');
      assert.equal(numbers.at(-1)! - numbers[0]! + 1, 40, 'and consecutive');
      assert.ok(t.jing.cases.commits.stats.batches - batchesBefore < 40, 'some intakes shared a transaction');

      // The answer is built from what intake wrote; it must equal what a later read shows.
      for (const [i, c] of cases.entries()) {
        const as = i % 4 === 3 ? operator : resident;
        const read = await t.call('GET', `/api/v1/cases/${c.id}`, { as });
        assert.deepEqual(c, read.json(), `case ${c.number}: POST answer and GET differ`);
        assert.deepEqual(c.events.map((e: { type: string }) => e.type), ['submit', 'dispatch']);
      }
      assert.equal(await casesInRollups(), before + 40, 'the rollups count every case once');
      const audit = await t.jing.audit.verify();
      assert.equal(audit.ok, true, JSON.stringify(audit));
    });

    it('flags a duplicate 20 m away across a grid-cell edge', async () => {
      const first = (await submit(resident, { type: 'complaint', categoryCode: 'cooking_fumes', description: '餐馆油烟直排', location: { lng: 116.45999, lat: 39.90999 }, streetCode: '110105001' })).json();
      const second = await submit(resident, { type: 'complaint', categoryCode: 'cooking_fumes', description: '楼下餐馆油烟很大', location: { lng: 116.46011, lat: 39.91008 }, streetCode: '110105001' });
      assert.equal(second.statusCode, 201, second.body);
      assert.equal(second.json().duplicateOf, first.id);
    });

    it('returns one case to three retries sent at once with the same idempotency key', async () => {
      const body = { type: 'help', categoryCode: 'street_lights', description: '路灯不亮，晚上很黑', location: GUOMAO, streetCode: '110105001' };
      const before = (await t.call('GET', '/api/v1/cases?limit=200', { as: resident })).json().items.length;
      const answers = await Promise.all([1, 2, 3].map(() => submit(resident, body, { 'idempotency-key': 'burst-1' })));
      const ids = new Set(answers.map((a) => (assert.equal(a.statusCode, 201, a.body), a.json().id)));
      assert.equal(ids.size, 1);
      const after = (await t.call('GET', '/api/v1/cases?limit=200', { as: resident })).json().items.length;
      assert.equal(after, before + 1);
      assert.equal((await t.jing.audit.verify()).ok, true);
    });
  });
}
