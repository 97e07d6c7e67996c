/**
 * Every route declares who may call it, and this test holds each to it:
 * anonymous → 401 where a session is needed, a session without the
 * permission → 403, a unit outside the caller's scope → 404.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { allRoutes, type RouteDef } from '@jing/contracts';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';

/** A concrete URL for a route: path parameters filled with a unit (or an account id). */
function urlFor(def: RouteDef, unit: string, accountId: string): string {
  return def.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'code' ? unit : accountId));
}

const hasBody = (def: RouteDef) => ['POST', 'PUT', 'PATCH'].includes(def.method);

for (const engine of testEngines()) {
  describe(`access control on every route [${engine}]`, () => {
    let t: TestApp;
    let resident: Session;
    let chaoyang: Session;
    before(async () => {
      t = await createTestApp(engine);
      resident = await t.login('resident.zhang');
      chaoyang = await t.login('chaoyang.officer');
    });
    after(() => t.cleanup());

    it('declares access on every route', () => {
      for (const r of allRoutes) assert.ok(r.access === 'public' || r.access === 'session' || typeof r.access.permission === 'string', r.id);
    });

    it('answers 401 to an anonymous caller on every route that needs a session', async () => {
      const guarded = allRoutes.filter((r) => r.access !== 'public');
      assert.ok(guarded.length >= 10);
      for (const def of guarded) {
        const res = await t.call(def.method, urlFor(def, '110105', resident.me.id as string), hasBody(def) ? { body: {} } : {});
        assert.equal(res.statusCode, 401, `${def.method} ${def.path}: ${res.body}`);
        assert.equal(res.json().error.code, 'unauthenticated');
      }
    });

    it('answers 403 to a signed-in caller without the permission', async () => {
      const permissioned = allRoutes.filter((r) => typeof r.access === 'object');
      assert.ok(permissioned.length >= 6);
      for (const def of permissioned) {
        const res = await t.call(def.method, urlFor(def, '110105', resident.me.id as string), { as: resident, ...(hasBody(def) ? { body: {} } : {}) });
        assert.equal(res.statusCode, 403, `${def.method} ${def.path}: ${res.body}`);
        assert.equal(res.json().error.code, 'forbidden');
      }
    });

    it('answers 404 for a unit outside the caller’s org subtree, exactly as for a unit that does not exist', async () => {
      const scoped = allRoutes.filter((r) => typeof r.access === 'object' && r.access.scopeParam);
      assert.ok(scoped.length >= 5);
      for (const def of scoped) {
        for (const unit of ['110108', '110108001', '110199']) {
          const res = await t.call(def.method, urlFor(def, unit, chaoyang.me.id as string), { as: chaoyang, ...(hasBody(def) ? { body: {} } : {}) });
          assert.equal(res.statusCode, 404, `${def.method} ${def.path} with ${unit}: ${res.body}`);
          assert.equal(res.json().error.code, 'not_found');
        }
      }
    });

    it('lets the same caller in within the subtree', async () => {
      const res = await t.call('GET', '/api/v1/org/units/110105001/staff', { as: chaoyang });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().items.some((p: { displayName: string }) => p.displayName === '陈静'));
    });

    it('keeps a street officer to the street: the district and its neighbours are out of scope', async () => {
      const street = await t.login('jianwai.officer');
      assert.equal((await t.call('GET', '/api/v1/org/units/110105001/staff?subtree=true', { as: street })).statusCode, 200);
      assert.equal((await t.call('GET', '/api/v1/org/units/110105/staff', { as: street })).statusCode, 404);
      assert.equal((await t.call('GET', '/api/v1/org/units/110105002/staff', { as: street })).statusCode, 404);
    });

    it('refuses a state change without the CSRF token', async () => {
      const res = await t.call('POST', '/api/v1/auth/logout', { as: { ...chaoyang, csrf: 'wrong' } });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'csrf_failed');
    });
  });
}
