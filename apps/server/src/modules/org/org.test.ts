import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type TestApp, type Session } from '../../testing.ts';

for (const engine of testEngines()) {
  describe(`org tree: the real Beijing [${engine}]`, () => {
    let t: TestApp;
    let chaoyang: Session;
    before(async () => {
      t = await createTestApp(engine);
      chaoyang = await t.login('chaoyang.officer');
    });
    after(() => t.cleanup());

    it('holds 北京市 → 16 districts → 349 streets/towns → 7,535 communities/villages', async () => {
      const count = async (level: string) => {
        const r = await t.call('GET', `/api/v1/org/units?level=${level}&within=110000&limit=200`);
        return r.json().items.length;
      };
      assert.equal((await t.call('GET', '/api/v1/org/units/110000/children')).json().items.filter((u: { level: string }) => u.level === 'district').length, 16);
      assert.equal(await count('district'), 16);
      const db = t.jing.database.db;
      const byLevel = await db.selectFrom('org_units').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('level').execute();
      const n = Object.fromEntries(byLevel.map((r) => [r.level, Number(r.n)]));
      assert.deepEqual([n.municipality, n.district, n.street, n.community], [1, 16, 349, 7535]);
      assert.ok(n.agency >= 15 + 14 * 16, `agencies: ${n.agency}`);
    });

    it('returns a unit with its path from the root (contract shape)', async () => {
      const r = await t.call('GET', '/api/v1/org/units/110105001');
      assert.equal(r.statusCode, 200);
      const u = r.json();
      assert.equal(u.code, '110105001');
      assert.equal(u.name, '建外街道');
      assert.equal(u.level, 'street');
      assert.equal(u.parentCode, '110105');
      assert.deepEqual(u.path.map((p: { code: string }) => p.code), ['110000', '110105', '110105001']);
      assert.deepEqual(u.path[1], { code: '110105', name: '朝阳区', level: 'district' });
    });

    it('lists all children of a district, agencies included', async () => {
      const items = (await t.call('GET', '/api/v1/org/units/110105/children')).json().items as { code: string; level: string; name: string; parentCode: string }[];
      assert.equal(items.filter((i) => i.level === 'street').length, 43);
      assert.ok(items.every((i) => i.parentCode === '110105'));
      const eco = items.find((i) => i.code === '110105A02');
      assert.equal(eco?.name, '朝阳区生态环境局');
      assert.equal(items.find((i) => i.code === '110105A07')?.name, '北京市公安局朝阳分局');
    });

    it('has the municipal agencies and the 12345 centre', async () => {
      const items = (await t.call('GET', '/api/v1/org/units/110000/children')).json().items as { name: string; agencyType?: string }[];
      for (const name of ['北京市政务服务和数据管理局', '北京市生态环境局', '北京市城市管理委员会', '北京市规划和自然资源委员会', '北京市市民热线服务中心']) {
        assert.ok(items.some((i) => i.name === name), name);
      }
      assert.equal(items.find((i) => i.agencyType === 'hotline_12345')?.name, '北京市市民热线服务中心');
    });

    it('searches by name inside longer names and by code prefix, shallow units first', async () => {
      const byName = (await t.call('GET', `/api/v1/org/units?q=${encodeURIComponent('朝阳')}`)).json().items;
      assert.equal(byName[0].code, '110105');
      assert.ok(byName.some((u: { name: string; level: string }) => u.name.includes('朝阳') && u.level === 'community'));
      const byCode = (await t.call('GET', '/api/v1/org/units?q=1101050010')).json().items;
      assert.ok(byCode.length > 0 && byCode.every((u: { code: string }) => u.code.startsWith('1101050010')));
      assert.deepEqual(byCode[0].path.slice(0, 2).map((p: { name: string }) => p.name), ['北京市', '朝阳区']);
    });

    it('answers unknown and malformed codes with 404 and 400', async () => {
      const missing = await t.call('GET', '/api/v1/org/units/110199');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      const bad = await t.call('GET', '/api/v1/org/units/abc/children');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, 'params.code');
    });

    it('checks subtree membership by path', async () => {
      assert.equal(await t.jing.org.isWithin('110105001026', '110105'), true);
      assert.equal(await t.jing.org.isWithin('110105001026', '110108'), false);
      assert.equal(await t.jing.org.isWithin('110105A02', '110105'), true);
    });

    it('lets a district officer create a unit in the district, audited, and not in another', async () => {
      const body = { code: '110105001999', name: '测试社区', level: 'community' };
      const r = await t.call('POST', '/api/v1/org/units/110105001/children', { as: chaoyang, body });
      assert.equal(r.statusCode, 201, r.body);
      const children = (await t.call('GET', '/api/v1/org/units/110105001/children')).json().items;
      assert.ok(children.some((c: { code: string }) => c.code === '110105001999'), 'the children cache was refreshed');
      const audit = await t.jing.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'org.unit.create').executeTakeFirstOrThrow();
      assert.equal(audit.actor_id, chaoyang.me.id);
      assert.equal(audit.target_id, '110105001999');
      const dup = await t.call('POST', '/api/v1/org/units/110105001/children', { as: chaoyang, body });
      assert.equal(dup.statusCode, 409);
      const other = await t.call('POST', '/api/v1/org/units/110108001/children', { as: chaoyang, body: { ...body, code: '110108001999' } });
      assert.equal(other.statusCode, 404, 'Haidian is outside a Chaoyang officer’s scope');
      const wrongPrefix = await t.call('POST', '/api/v1/org/units/110105001/children', { as: chaoyang, body: { ...body, code: '110105002999' } });
      assert.equal(wrongPrefix.statusCode, 400);
      assert.equal(wrongPrefix.json().error.details.issues[0].path, 'body.code');
    });

    it('renames a unit and the path of its descendants follows', async () => {
      const r = await t.call('PATCH', '/api/v1/org/units/110105001999', { as: chaoyang, body: { name: '测试社区（更名）' } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await t.call('GET', '/api/v1/org/units/110105001999')).json().path.at(-1).name, '测试社区（更名）');
    });

    it('re-imports idempotently', async () => {
      const before = await t.jing.org.count();
      const { seedOrg } = await import('../../seed.ts');
      await seedOrg(t.jing);
      assert.equal(await t.jing.org.count(), before);
    });
  });
}
