import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type TestApp } from '../../testing.ts';

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

for (const engine of testEngines()) {
  describe(`Open311 GeoReport v2 [${engine}]`, () => {
    let t: TestApp;
    let apiKey: string;
    let id: string;
    const post = (fmt: string, body: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `/open311/v2/requests.${fmt}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, payload: form(body) });
    before(async () => {
      t = await createTestApp(engine);
      const admin = await t.login('muni.officer');
      const r = await t.call('POST', '/api/v1/open311/keys', { as: admin, body: { name: 'FixMyBeijing' } });
      assert.equal(r.statusCode, 201, r.body);
      apiKey = r.json().apiKey;
    });
    after(() => t.cleanup());

    it('publishes discovery and the service list in JSON and XML', async () => {
      const d = await t.app.inject('/open311/v2/discovery.json');
      assert.equal(d.json().endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
      const s = await t.app.inject('/open311/v2/services.json');
      const services = s.json();
      assert.ok(services.length >= 40);
      assert.deepEqual(Object.keys(services[0]).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
      const x = await t.app.inject('/open311/v2/services.xml');
      assert.match(x.headers['content-type'] as string, /^text\/xml/);
      assert.match(x.body, /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
      assert.equal((await t.app.inject('/open311/v2/services/street_lights.json')).json().service_code, 'street_lights');
      assert.deepEqual((await t.app.inject('/open311/v2/services/unicorns.json')).json(), [{ code: 404, description: 'service_code unicorns not found' }]);
    });

    it('creates a request with an API key and reads it back', async () => {
      const r = await post('json', { api_key: apiKey, service_code: 'street_lights', lat: '39.9087', long: '116.4575', description: '国贸桥下路灯不亮', first_name: '明', last_name: '李', media_url: 'https://example.org/p.jpg' });
      assert.equal(r.statusCode, 200, r.body);
      const [created] = r.json();
      id = created.service_request_id;
      assert.match(id, /^12345-\d{8}-\d{6}$/);
      assert.equal(created.token, undefined, 'realtime: an id, never a token');
      const [one] = (await t.app.inject(`/open311/v2/requests/${id}.json`)).json();
      assert.deepEqual([one.status, one.service_code, one.description, one.lat, one.long, one.media_url], ['open', 'street_lights', '国贸桥下路灯不亮', 39.9087, 116.4575, 'https://example.org/p.jpg']);
      assert.equal(one.agency_responsible, '朝阳区城市管理委员会');
      const xml = await t.app.inject(`/open311/v2/requests/${id}.xml`);
      assert.match(xml.body, new RegExp(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`));
      const list = (await t.app.inject('/open311/v2/requests.json?service_code=street_lights&status=open')).json();
      assert.ok(list.some((x: { service_request_id: string }) => x.service_request_id === id));
      assert.equal((await t.app.inject('/open311/v2/requests.json?status=closed&service_code=street_lights')).json().length, 0);
    });

    it('places a request by address_string naming a street', async () => {
      const r = await post('xml', { api_key: apiKey, service_code: 'garbage_collection', address_string: '北京市朝阳区建外街道永安里12号', description: '垃圾堆积' });
      assert.equal(r.statusCode, 200, r.body);
      assert.match(r.body, /<service_requests><request><service_request_id>12345-/);
    });

    it('answers errors as the spec says: 403 for a bad key, 404 unknown service, 400 otherwise', async () => {
      const cases: [Record<string, string>, number][] = [
        [{ service_code: 'street_lights', lat: '39.9', long: '116.4' }, 403],
        [{ api_key: 'nope', service_code: 'street_lights', lat: '39.9', long: '116.4' }, 403],
        [{ api_key: apiKey, service_code: 'unicorns', lat: '39.9', long: '116.4' }, 404],
        [{ api_key: apiKey, lat: '39.9', long: '116.4' }, 400],
        [{ api_key: apiKey, service_code: 'street_lights' }, 400],
        [{ api_key: apiKey, service_code: 'street_lights', lat: '31.23', long: '121.47' }, 400],
        [{ api_key: apiKey, service_code: 'street_lights', lat: 'north', long: '116.4' }, 400],
      ];
      for (const [body, status] of cases) {
        const r = await post('json', body);
        assert.equal(r.statusCode, status, `${JSON.stringify(body)} → ${r.body}`);
        const errs = r.json();
        assert.ok(Array.isArray(errs) && errs[0].code === status && typeof errs[0].description === 'string');
      }
      const x = await post('xml', { service_code: 'street_lights' });
      assert.match(x.body, /<errors><error><code>403<\/code><description>/);
      assert.equal((await t.app.inject('/open311/v2/tokens/abc.json')).statusCode, 404);
      assert.equal((await t.app.inject('/open311/v2/services.yaml')).statusCode, 400);
      assert.equal((await t.app.inject('/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z')).statusCode, 400);
    });

    it('counts requests per key and lists keys without secrets', async () => {
      const admin = await t.login('muni.officer');
      const keys = (await t.call('GET', '/api/v1/open311/keys', { as: admin })).json().items;
      assert.equal(keys[0].requests, 2);
      assert.ok(!JSON.stringify(keys).includes(apiKey));
    });
  });
}
