import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import type { BoundaryGeometry } from '@jing/contracts';
import { contains } from './geometry.ts';

// A square around 建外街道 (CBD), as a street boundary a city might upload.
const JIANWAI = { type: 'Polygon', coordinates: [[[116.43, 39.895], [116.47, 39.895], [116.47, 39.92], [116.43, 39.92], [116.43, 39.895]]] };

describe('point in polygon', () => {
  it('respects holes and multipolygons', () => {
    const donut = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]] } as BoundaryGeometry & { type: 'Polygon' };
    assert.equal(contains(donut, 2, 2), true);
    assert.equal(contains(donut, 5, 5), false, 'inside the hole');
    assert.equal(contains(donut, 11, 5), false);
    const multi = { type: 'MultiPolygon', coordinates: [donut.coordinates, [[[20, 20], [21, 20], [21, 21], [20, 21], [20, 20]]]] } as BoundaryGeometry;
    assert.equal(contains(multi, 20.5, 20.5), true);
  });
});

for (const engine of testEngines()) {
  describe(`geo: districts, streets, locate [${engine}]`, () => {
    let t: TestApp;
    let chaoyang: Session;
    before(async () => {
      t = await createTestApp(engine);
      chaoyang = await t.login('chaoyang.officer');
    });
    after(() => t.cleanup());

    it('serves the 16 district boundaries, with 朝阳区’s exclave as a MultiPolygon', async () => {
      const fc = (await t.call('GET', '/api/v1/geo/boundaries')).json();
      assert.equal(fc.type, 'FeatureCollection');
      assert.equal(fc.features.length, 16);
      const cy = fc.features.find((f: { properties: { code: string } }) => f.properties.code === '110105');
      assert.equal(cy.geometry.type, 'MultiPolygon');
      assert.equal(cy.properties.name, '朝阳区');
    });

    it('locates points to their district, and to nothing outside Beijing', async () => {
      const at = async (lng: number, lat: number) => (await t.call('GET', `/api/v1/geo/locate?lng=${lng}&lat=${lat}`)).json();
      assert.deepEqual(await at(116.4575, 39.9087), { district: { code: '110105', name: '朝阳区' }, street: null }); // 国贸
      assert.equal((await at(116.3105, 39.9926)).district.code, '110108'); // 北京大学, 海淀
      assert.equal((await at(116.397, 39.916)).district.code, '110101'); // 故宫, 东城
      assert.equal((await at(116.597, 40.09)).district.code, '110105', 'Chaoyang’s exclave beside Shunyi');
      assert.equal((await at(116.843, 40.377)).district.code, '110118'); // 密云 centre
      assert.deepEqual(await at(121.4737, 31.2304), { district: null, street: null }); // 上海
    });

    it('takes an uploaded street boundary and then locates streets', async () => {
      const bad = await t.call('PUT', '/api/v1/geo/boundaries/110105001', { as: chaoyang, body: { type: 'Polygon', coordinates: [[[116.43, 39.895], [116.47, 39.895], [116.47, 39.92]]] } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.details.issues[0].path, /^body\.coordinates/);
      const open = await t.call('PUT', '/api/v1/geo/boundaries/110105001', { as: chaoyang, body: { type: 'Polygon', coordinates: [[[116.43, 39.895], [116.47, 39.895], [116.47, 39.92], [116.43, 39.92]]] } });
      assert.equal(open.json().error.details.issues[0].message, 'ring 0 of polygon 0 is not closed (first and last positions differ)');
      const ok = await t.call('PUT', '/api/v1/geo/boundaries/110105001', { as: chaoyang, body: { type: 'Feature', properties: {}, geometry: JIANWAI } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json().bbox, [116.43, 39.895, 116.47, 39.92]);
      const r = (await t.call('GET', '/api/v1/geo/locate?lng=116.4575&lat=39.9087')).json();
      assert.deepEqual(r, { district: { code: '110105', name: '朝阳区' }, street: { code: '110105001', name: '建外街道' } });
      const audit = await t.jing.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'geo.boundary.set').where('target_id', '=', '110105001').executeTakeFirstOrThrow();
      assert.equal(audit.actor_id, chaoyang.me.id);
      assert.equal((await t.call('GET', '/api/v1/geo/boundaries?parent=110105')).json().features.length, 1);
    });

    it('refuses a boundary outside the caller’s scope', async () => {
      const r = await t.call('PUT', '/api/v1/geo/boundaries/110108001', { as: chaoyang, body: JIANWAI });
      assert.equal(r.statusCode, 404);
    });
  });
}
