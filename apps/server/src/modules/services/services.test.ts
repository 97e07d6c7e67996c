import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { loadServiceItems } from './seed-data.ts';

const q = (s: string) => encodeURIComponent(s);

for (const engine of testEngines()) {
  describe(`政务服务事项 service catalogue [${engine}]`, () => {
    let t: TestApp;
    const search = async (query: string) => {
      const r = await t.call('GET', `/api/v1/services?${query}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json().items as Array<{ code: string; name: string; department: string; audience: string[] }>;
    };
    const codes = async (query: string) => (await search(query)).map((i) => i.code);

    before(async () => {
      t = await createTestApp(engine);
    });
    after(() => t.cleanup());

    it('serves the seeded catalogue, filtered by audience', async () => {
      const all = await search('limit=100');
      assert.equal(all.length, loadServiceItems().length);
      assert.ok(all.length >= 30, `${all.length} items`);
      const biz = await search('audience=business&limit=100');
      assert.ok(biz.every((i) => i.audience.includes('business')));
      assert.ok(biz.length >= 10 && biz.length < all.length);
      const people = await search('audience=person&limit=100');
      assert.ok(people.length >= 15 && people.every((i) => i.audience.includes('person')));
      assert.equal(typeof all[0]!.name, 'string');
      assert.equal(typeof all[0]!.department, 'string');
    });

    it('ships at least 30 real items, each citing its source and naming the certificates it issues or reuses', () => {
      const items = loadServiceItems();
      assert.ok(items.length >= 30);
      for (const i of items) {
        assert.match(i.source ?? '', /https?:\/\//, `${i.code} cites a source URL`);
        if (i.result.kind === 'certificate') assert.ok(i.result.certificateType, `${i.code} names its certificate type`);
      }
      const held = new Set(items.flatMap((i) => i.situations.flatMap((s) => s.materials.map((m) => m.heldByGovernment).filter(Boolean))));
      for (const type of ['id_card', 'household_register', 'business_licence', 'marriage_certificate', 'residence_permit']) assert.ok(held.has(type), `${type} is reused somewhere`);
    });

    describe('search', () => {
      it('finds Chinese words inside longer names', async () => {
        assert.equal((await codes(`q=${q('居住')}`))[0], 'BJ-GA-XK-0101');
        assert.equal((await codes(`q=${q('施工许可')}`))[0], 'BJ-ZJ-XK-0602');
        assert.equal((await codes(`q=${q('护照')}`))[0], 'BJ-GA-XK-0104');
      });

      it('needs every word of a query with several words', async () => {
        const both = await codes(`q=${q('公积金 租房')}`);
        assert.deepEqual(both, ['BJ-GJJ-GG-0501']);
        assert.deepEqual(await codes(`q=${q('公积金 护照')}`), []);
      });

      it('finds names by pinyin initials and by full pinyin', async () => {
        assert.equal((await codes('q=jzz'))[0], 'BJ-GA-XK-0101');
        assert.equal((await codes('q=JZZ'))[0], 'BJ-GA-XK-0101');
        assert.equal((await codes('q=csdj'))[0], 'BJ-GA-QR-0102');
        assert.equal((await codes('q=huzhao'))[0], 'BJ-GA-XK-0104');
      });

      it('finds items by synonyms kept as keywords', async () => {
        assert.equal((await codes(`q=${q('暂住证')}`))[0], 'BJ-GA-XK-0101');
        assert.equal((await codes(`q=${q('驾照')}`))[0], 'BJ-GA-XK-0106');
        assert.equal((await codes(`q=${q('开公司')}`))[0], 'BJ-SJ-DJ-0202');
        assert.equal((await codes(`q=${q('上户口')}`))[0], 'BJ-GA-QR-0102');
      });

      it('ranks name hits before keyword hits, and drops filler words', async () => {
        const items = await search(`q=${q('登记')}&limit=100`);
        const nameHits = items.map((i) => i.name.includes('登记'));
        const firstKeywordOnly = nameHits.indexOf(false);
        assert.ok(firstKeywordOnly > 3, `name hits first: ${items.map((i) => i.name).join(', ')}`);
        assert.ok(nameHits.slice(firstKeywordOnly).every((h) => !h), 'no name hit after a keyword-only hit');
        assert.ok(items.some((i) => i.code === 'BJ-RS-JF-0303'), 'the keyword 失业登记 finds the unemployment benefit');
        assert.equal((await codes(`q=${q('我要办理护照')}`))[0], 'BJ-GA-XK-0104');
        assert.equal((await codes(`q=${q('居住证申领')}`))[0], 'BJ-GA-XK-0101');
      });

      it('filters a query by audience and answers nothing for nonsense', async () => {
        const biz = await codes(`q=${q('许可')}&audience=business&limit=100`);
        assert.ok(biz.includes('BJ-SJ-XK-0301') && !biz.includes('BJ-GA-XK-0104'));
        assert.deepEqual(await codes(`q=${q('量子引力')}`), []);
        assert.equal((await t.call('GET', '/api/v1/services?audience=robot')).statusCode, 400);
      });
    });

    it('returns one item with every element, and 404 for an unknown code', async () => {
      const r = await t.call('GET', '/api/v1/services/BJ-SJ-XK-0301');
      assert.equal(r.statusCode, 200, r.body);
      const item = r.json();
      assert.equal(item.status, 'published');
      assert.equal(item.definition.statutoryLimitDays, 10);
      assert.ok(item.definition.situations.length >= 2);
      assert.equal((await t.call('GET', '/api/v1/services/NO-SUCH-ITEM')).statusCode, 404);
    });

    describe('办事指南 guide', () => {
      const guide = (code: string, answers: unknown) => t.call('POST', `/api/v1/services/${code}/guide`, { body: { answers } });
      const issuePath = (r: { json(): { error: { details: { issues: { path: string }[] } } } }) => r.json().error.details.issues[0]!.path;

      it('answers the situation the answers select, with exactly its materials', async () => {
        const r = await guide('BJ-GA-XK-0101', { basis: 'study' });
        assert.equal(r.statusCode, 200, r.body);
        const g = r.json();
        assert.equal(g.situation.code, 'study');
        assert.deepEqual(g.materials.map((m: { code: string }) => m.code), ['id_card', 'photo', 'school_proof']);
        assert.equal(g.materials.find((m: { code: string }) => m.code === 'id_card').heldByGovernment, 'id_card');
        assert.equal(g.applyPath, '/services/BJ-GA-XK-0101/apply?situation=study');
        assert.equal(g.version, 1);
      });

      it('asks only the questions that matter for the answers so far', async () => {
        const branch = await guide('BJ-SJ-DJ-0202', { form: 'branch' });
        assert.equal(branch.statusCode, 200, branch.body);
        assert.equal(branch.json().situation.code, 'branch');
        assert.deepEqual(branch.json().answers, { form: 'branch' });
        const llc = await guide('BJ-SJ-DJ-0202', { form: 'llc' });
        assert.equal(llc.statusCode, 400);
        assert.equal(issuePath(llc), 'body.answers.shareholder');
        const full = await guide('BJ-SJ-DJ-0202', { form: 'llc', shareholder: 'company' });
        assert.equal(full.json().situation.code, 'llc_company');
        assert.ok(full.json().materials.some((m: { heldByGovernment: string | null }) => m.heldByGovernment === 'business_licence'));
      });

      it('keeps the optional steps a situation does not list out of its procedure', async () => {
        const key = (await guide('BJ-ST-XK-1101', { management: 'key' })).json();
        const simple = (await guide('BJ-ST-XK-1101', { management: 'simplified' })).json();
        assert.ok(key.steps.some((s: { code: string }) => s.code === 'inspect'));
        assert.ok(!simple.steps.some((s: { code: string }) => s.code === 'inspect'));
      });

      it('needs no answers for an item with one situation', async () => {
        const r = await guide('BJ-MZ-QR-0202', {});
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().specialSteps[0].countsInLimit, false);
      });

      it('answers 400 naming the question when an answer is missing, unknown or not an option', async () => {
        const missing = await guide('BJ-GA-XK-0101', {});
        assert.equal(missing.statusCode, 400);
        assert.equal(issuePath(missing), 'body.answers.basis');
        const invalid = await guide('BJ-GA-XK-0101', { basis: 'lottery' });
        assert.equal(invalid.statusCode, 400);
        assert.equal(issuePath(invalid), 'body.answers.basis');
        const unknown = await guide('BJ-GA-XK-0101', { basis: 'study', colour: 'red' });
        assert.equal(issuePath(unknown), 'body.answers.colour');
        assert.equal((await guide('BJ-GA-XK-0101', 'study')).statusCode, 400);
        assert.equal((await guide('NO-SUCH-ITEM', {})).statusCode, 404);
      });
    });

    describe('catalogue administration', () => {
      let muni: Session;
      let district: Session;
      let resident: Session;
      before(async () => {
        muni = await t.login('muni.service.admin');
        district = await t.login('cy.service.admin');
        resident = await t.login('resident.zhang');
      });
      const base = () => loadServiceItems().find((i) => i.code === 'BJ-SJ-DJ-0201')!;
      const latest = async (code: string) => {
        const vs = (await t.call('GET', `/api/v1/admin/services/${code}/versions`, { as: muni })).json().items;
        const v = vs[vs.length - 1];
        return { version: v.version, updatedAt: v.updatedAt };
      };

      it('refuses residents, and district administrators may read but not write the city catalogue', async () => {
        assert.equal((await t.call('GET', '/api/v1/admin/services', { as: resident })).statusCode, 403);
        assert.equal((await t.call('GET', '/api/v1/admin/services')).statusCode, 401);
        const put = await t.call('PUT', '/api/v1/admin/services/BJ-SJ-DJ-0201/draft', { as: resident, body: { definition: base(), basedOn: null } });
        assert.equal(put.statusCode, 403);
        const list = await t.call('GET', '/api/v1/admin/services', { as: district });
        assert.equal(list.statusCode, 200, list.body);
        assert.equal(list.json().items.length, loadServiceItems().length);
        const write = await t.call('PUT', '/api/v1/admin/services/BJ-SJ-DJ-0201/draft', { as: district, body: { definition: base(), basedOn: await latest('BJ-SJ-DJ-0201') } });
        assert.equal(write.statusCode, 403, write.body);
      });

      it('rejects an invalid draft naming the field, and a stale base with 409', async () => {
        const bad = await t.call('PUT', '/api/v1/admin/services/BJ-SJ-DJ-0201/draft', {
          as: muni,
          body: { definition: { ...base(), implementedBy: { level: 'district', unitType: 'ministry_of_magic' } }, basedOn: await latest('BJ-SJ-DJ-0201') },
        });
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().error.details.issues[0].path, 'body.definition.implementedBy.unitType');
        const situations = base().situations.map((s, i) => (i === 0 ? { ...s, when: { premises: 'castle' } } : s));
        const badWhen = await t.call('PUT', '/api/v1/admin/services/BJ-SJ-DJ-0201/draft', { as: muni, body: { definition: { ...base(), situations }, basedOn: await latest('BJ-SJ-DJ-0201') } });
        assert.equal(badWhen.statusCode, 400);
        assert.equal(badWhen.json().error.details.issues[0].path, 'body.definition.situations.0.when.premises');
        const schema = await t.call('PUT', '/api/v1/admin/services/BJ-SJ-DJ-0201/draft', { as: muni, body: { definition: { ...base(), statutoryLimitDays: -1 }, basedOn: null } });
        assert.equal(schema.statusCode, 400);
        assert.ok(schema.json().error.details.issues.some((i: { path: string }) => i.path === 'body.definition.statutoryLimitDays'));
        const otherCode = await t.call('PUT', '/api/v1/admin/services/BJ-SJ-DJ-0999/draft', { as: muni, body: { definition: base(), basedOn: null } });
        assert.equal(otherCode.statusCode, 400);
        const stale = await t.call('PUT', '/api/v1/admin/services/BJ-SJ-DJ-0201/draft', { as: muni, body: { definition: base(), basedOn: null } });
        assert.equal(stale.statusCode, 409);
        assert.equal((await t.call('GET', '/api/v1/admin/services?status=draft', { as: muni })).json().items.length, 0, 'nothing half-written');
      });

      it('drafts, publishes and retires a version, audited with the real actor', async () => {
        const code = 'BJ-SJ-DJ-0201';
        const renamed = { ...base(), name: { zh: '个体工商户设立登记（试点）', en: 'Individual business registration (pilot)' }, promisedLimitDays: 2 };
        const draft = await t.call('PUT', `/api/v1/admin/services/${code}/draft`, { as: muni, body: { definition: renamed, basedOn: await latest(code) } });
        assert.equal(draft.statusCode, 200, draft.body);
        assert.equal(draft.json().status, 'draft');
        const v = draft.json().version as number;
        // The draft is invisible to the public until published.
        assert.equal((await t.call('GET', `/api/v1/services/${code}`)).json().definition.promisedLimitDays, 1);
        assert.equal((await codes(`q=${q('试点')}`)).length, 0);
        const again = await t.call('PUT', `/api/v1/admin/services/${code}/draft`, { as: muni, body: { definition: renamed, basedOn: { version: v, updatedAt: draft.json().updatedAt } } });
        assert.equal(again.json().version, v, 'the open draft is overwritten, not a new version');
        const listed = (await t.call('GET', `/api/v1/admin/services?q=${code}`, { as: muni })).json().items[0];
        assert.deepEqual([listed.publishedVersion, listed.latestVersion, listed.latestStatus], [v - 1, v, 'draft']);

        const pub = await t.call('POST', `/api/v1/admin/services/${code}/versions/${v}/publish`, { as: muni });
        assert.equal(pub.statusCode, 200, pub.body);
        assert.equal((await t.call('POST', `/api/v1/admin/services/${code}/versions/${v}/publish`, { as: muni })).statusCode, 409);
        assert.equal((await t.call('GET', `/api/v1/services/${code}`)).json().version, v);
        assert.deepEqual(await codes(`q=${q('试点')}`), [code], 'the search index follows the publication');
        const versions = (await t.call('GET', `/api/v1/admin/services/${code}/versions`, { as: muni })).json().items;
        assert.deepEqual(versions.map((x: { version: number; status: string }) => [x.version, x.status]).slice(-2), [[v - 1, 'retired'], [v, 'published']]);

        assert.equal((await t.call('POST', `/api/v1/admin/services/${code}/retire`, { as: muni, body: { version: v - 1 } })).statusCode, 409);
        const retired = await t.call('POST', `/api/v1/admin/services/${code}/retire`, { as: muni, body: { version: v } });
        assert.equal(retired.statusCode, 200, retired.body);
        assert.equal(retired.json().status, 'retired');
        assert.equal((await t.call('GET', `/api/v1/services/${code}`)).statusCode, 404);
        assert.deepEqual(await codes(`q=${q('个体工商户')}`), []);
        assert.equal((await t.jing.services.version(code, v)).definition.name.zh, '个体工商户设立登记（试点）', 'a retired version stays readable for the applications pinned to it');

        const audit = await t.jing.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'target_id']).where('target_id', 'like', `${code}@%`).where('actor_id', '=', String(muni.me.id)).execute();
        assert.deepEqual(new Set(audit.map((a) => a.action)), new Set(['services.draft', 'services.publish', 'services.retire']));
      });

      it('creates a new item as a draft that only publishing brings into the catalogue', async () => {
        const def = { ...base(), code: 'BJ-SJ-DJ-0299', name: { zh: '个体工商户变更登记' }, keywords: ['变更'] };
        const created = await t.call('PUT', '/api/v1/admin/services/BJ-SJ-DJ-0299/draft', { as: muni, body: { definition: def, basedOn: null } });
        assert.equal(created.statusCode, 200, created.body);
        assert.equal(created.json().version, 1);
        assert.equal((await t.call('GET', '/api/v1/services/BJ-SJ-DJ-0299')).statusCode, 404);
        await t.call('POST', '/api/v1/admin/services/BJ-SJ-DJ-0299/versions/1/publish', { as: muni });
        assert.equal((await codes(`q=${q('变更登记')}`))[0], 'BJ-SJ-DJ-0299');
      });
    });

    it('versions items on reload: a changed definition becomes a new published version, the old one retired and kept', async () => {
      const [first] = loadServiceItems().filter((i) => i.code === 'BJ-GA-GG-0105');
      const again = await t.jing.services.load(SYSTEM_CALLER, [first!]);
      assert.deepEqual(again, { created: 0, updated: 0, unchanged: 1 });
      const changed = await t.jing.services.load(SYSTEM_CALLER, [{ ...first!, promisedLimitDays: 2 }]);
      assert.deepEqual(changed, { created: 0, updated: 1, unchanged: 0 });
      const versions = await t.jing.services.versions('BJ-GA-GG-0105');
      assert.deepEqual(versions.map((v) => [v.version, v.status]), [[1, 'retired'], [2, 'published']]);
      assert.equal((await t.jing.services.version('BJ-GA-GG-0105', 1)).definition.promisedLimitDays, 1);
    });
  });
}
