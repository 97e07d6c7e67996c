import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';

for (const engine of testEngines()) {
  describe(`case lists by unit: cases.read holders look into the units of their scope [${engine}]`, () => {
    let t: TestApp;
    let street: Session;
    let district: Session;
    let caseId: string;
    const list = (as: Session, query: string) => t.call('GET', `/api/v1/cases?${query}`, { as });

    before(async () => {
      t = await createTestApp(engine);
      const resident = await t.login('resident.zhang');
      [street, district] = [await t.login('jianwai.officer'), await t.login('chaoyang.officer')];
      const r = await t.call('POST', '/api/v1/cases', { as: resident, body: { type: 'complaint', categoryCode: 'noise_construction', description: '建外街道工地夜间施工', streetCode: '110105001' } });
      assert.equal(r.statusCode, 201, r.body);
      caseId = r.json().id;
    });
    after(() => t.cleanup());

    it('lists the cases a street handles for a district officer holding cases.read over the district', async () => {
      const r = await list(district, 'scope=unit&unit=110105001');
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().items.map((c: { id: string }) => c.id), [caseId]);
      assert.deepEqual((await list(district, 'scope=unit&unit=110105001&status=closed')).json().items, []);
    });

    it('keeps scope=unit without a unit as the caller’s own unit, and lets anyone name their own unit', async () => {
      assert.deepEqual((await list(street, 'scope=unit')).json().items.map((c: { id: string }) => c.id), [caseId]);
      assert.deepEqual((await list(street, 'scope=unit&unit=110105001')).json().items.map((c: { id: string }) => c.id), [caseId]);
      assert.deepEqual((await list(district, 'scope=unit')).json().items, [], 'the district itself handles none');
    });

    it('answers 404 for a unit outside the caller’s scope, or for anyone without cases.read, as for a unit that does not exist', async () => {
      const outside = await list(district, 'scope=unit&unit=110108001');
      assert.equal(outside.statusCode, 404, outside.body);
      assert.equal((await list(district, 'scope=unit&unit=110105999')).statusCode, 404, 'no such unit');
      assert.equal((await list(street, 'scope=unit&unit=110105002')).statusCode, 404, 'a street officer holds no cases.read');
    });

    it('refuses a malformed unit code, or a unit without scope=unit, naming query.unit', async () => {
      for (const query of ['scope=unit&unit=chaoyang', 'scope=mine&unit=110105001']) {
        const r = await list(district, query);
        assert.equal(r.statusCode, 400, query);
        assert.deepEqual(r.json().error.details.issues.map((i: { path: string }) => i.path), ['query.unit'], query);
      }
    });
  });
}
