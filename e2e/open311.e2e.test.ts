import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, storyEngines, type TestServer } from './harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Issue 3's Open311 contract, checked from outside: a running server on a real
// port, an API key issued by the administrator's CLI command in another process,
// and a third-party client speaking plain HTTP with form-encoded bodies.
for (const engine of storyEngines()) {
  describe(`Open311 GeoReport v2 from outside: a third-party client creates and reads a request [${engine}]`, () => {
    let server: TestServer;
    let apiKey = '';
    const api = (path: string, init?: RequestInit) => fetch(`${server.url}/open311/v2/${path}`, init);
    const postForm = (path: string, fields: Record<string, string>) =>
      api(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

    before(async () => {
      server = await startTestServer(engine);
    });
    after(async () => {
      await server?.stop();
    });

    it('`jing open311 key create` prints a key the running server accepts', () => {
      const cli = spawnSync(process.execPath, [join(ROOT, 'apps/server/bin/jing.mjs'), 'open311', 'key', 'create', 'FixMyBeijing'], {
        env: { ...process.env, ...server.env, LOG_LEVEL: 'silent', JING_MQTT_MODE: 'off' },
        encoding: 'utf8',
      });
      assert.equal(cli.status, 0, cli.stderr);
      const printed = JSON.parse(cli.stdout) as { apiKey: string; name: string };
      assert.equal(printed.name, 'FixMyBeijing');
      assert.ok(printed.apiKey.length >= 20, 'a long random key');
      apiKey = printed.apiKey;
    });

    it('discovers the endpoint and lists the dispatch catalogue’s leaf categories as services, in JSON and XML', async () => {
      const discovery = await (await api('discovery.json')).json();
      assert.equal(discovery.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
      const services = (await (await api('services.json')).json()) as { service_code: string }[];
      assert.ok(services.length >= 40);
      assert.ok(services.some((s) => s.service_code === 'street_lights'));
      const xml = await api('services.xml');
      assert.match(xml.headers.get('content-type') ?? '', /^text\/xml/);
      assert.match(await xml.text(), /<services><service><service_code>/);
    });

    it('creates a request with lat/long and reads it by id and in the filtered list; its status maps to open', async () => {
      const created = await postForm('requests.json', {
        api_key: apiKey, service_code: 'street_lights', lat: '39.9087', long: '116.4575',
        description: '国贸桥下一排路灯不亮', first_name: '明', last_name: '李', email: 'li.ming@example.org',
      });
      assert.equal(created.status, 200, await created.clone().text());
      const id = ((await created.json()) as { service_request_id: string }[])[0]!.service_request_id;
      assert.match(id, /^12345-\d{8}-\d{6}$/);

      const [one] = (await (await api(`requests/${id}.json`)).json()) as Record<string, unknown>[];
      assert.deepEqual([one!.status, one!.service_code, one!.description, one!.lat, one!.long], ['open', 'street_lights', '国贸桥下一排路灯不亮', 39.9087, 116.4575]);
      const byId = (await (await api(`requests.json?service_request_id=${id}`)).json()) as { service_request_id: string }[];
      assert.deepEqual(byId.map((r) => r.service_request_id), [id]);
      const xml = await (await api(`requests/${id}.xml`)).text();
      assert.match(xml, new RegExp(`<request><service_request_id>${id}</service_request_id><status>open</status>`));
    });

    it('answers a wrong key and a missing field with the spec’s error list, and creates nothing', async () => {
      const before = ((await (await api('requests.json?service_code=street_lights')).json()) as unknown[]).length;
      const badKey = await postForm('requests.json', { api_key: 'not-a-key', service_code: 'street_lights', lat: '39.9087', long: '116.4575', description: '路灯不亮' });
      assert.equal(badKey.status, 403);
      const [err] = (await badKey.json()) as { code: number; description: string }[];
      assert.equal(err!.code, 403);
      const noPlace = await postForm('requests.json', { api_key: apiKey, service_code: 'street_lights', description: '路灯不亮' });
      assert.equal(noPlace.status, 400);
      const [missing] = (await noPlace.json()) as { code: number; description: string }[];
      assert.equal(missing!.code, 400);
      assert.match(missing!.description, /lat|address_string/);
      assert.equal(((await (await api('requests.json?service_code=street_lights')).json()) as unknown[]).length, before);
    });
  });
}
