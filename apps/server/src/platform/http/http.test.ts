import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { allRoutes } from '@jing/contracts';
import { createTestApp, testEngines, type TestApp } from '../../testing.ts';
import { openApiPath } from './openapi.ts';

for (const engine of testEngines()) {
  describe(`HTTP platform [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(engine, { env: { JING_LOGIN_RATE_PER_MINUTE: '8', JING_BODY_LIMIT_BYTES: '4096' } });
    });
    after(() => t.cleanup());

    it('reports health, readiness with the engine, and Prometheus metrics', async () => {
      assert.deepEqual((await t.call('GET', '/healthz')).json(), { status: 'ok' });
      assert.deepEqual((await t.call('GET', '/readyz')).json(), { status: 'ok', database: engine });
      await t.call('GET', '/api/v1/org/units/110105');
      const m = await t.call('GET', '/metrics');
      assert.match(m.headers['content-type'] as string, /^text\/plain/);
      assert.match(m.body, /jing_http_requests_total\{method="GET",route="\/api\/v1\/org\/units\/:code",status="200"\} [1-9]/);
      assert.match(m.body, /jing_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/org\/units\/:code",le="\+Inf"\} [1-9]/);
      assert.match(m.body, /jing_db_pool_connections\{state="total"\} \d+/);
      assert.match(m.body, /process_resident_memory_bytes \d+/);
    });

    it('documents every registered route in the OpenAPI 3.1 document, and nothing else', async () => {
      const doc = (await t.call('GET', '/api/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      const documented = new Set<string>();
      for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${path}`);
      const served = t.app.registeredRoutes
        .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/*' && r.url !== '*')
        // The web app's static files (index.html, /assets/…) are not API routes.
        .filter((r) => r.url.startsWith('/api/') || !/\.[A-Za-z0-9]+$/.test(r.url))
        .map((r) => `${r.method} ${openApiPath(r.url)}`);
      for (const s of served) assert.ok(documented.has(s), `${s} is served but not documented`);
      for (const r of allRoutes) assert.ok(served.includes(`${r.method} ${openApiPath(r.path)}`), `${r.id} is documented but not served`);
      const login = doc.paths['/api/v1/auth/login'].post;
      assert.deepEqual(login.requestBody.content['application/json'].schema.required.sort(), ['password', 'username']);
      assert.equal(doc.paths['/api/v1/org/units/{code}'].get.parameters[0].name, 'code');
    });

    it('serves interactive API docs', async () => {
      const r = await t.call('GET', '/api/docs/');
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /swagger/i);
    });

    it('sends security headers: CSP without inline scripts, frame denial, no-sniff', async () => {
      const r = await t.call('GET', '/healthz');
      const csp = r.headers['content-security-policy'] as string;
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.ok(r.headers['x-request-id']);
    });

    it('answers unknown routes with 404 in the envelope', async () => {
      const r = await t.call('GET', '/api/v1/nothing-here');
      assert.equal(r.statusCode, 404);
      const body = r.json();
      assert.equal(body.error.code, 'route_not_found');
      assert.equal(body.requestId, r.headers['x-request-id']);
    });

    it('answers malformed JSON, wrong types, unknown fields and oversize bodies with 4xx naming the problem, writing nothing', async () => {
      const auditBefore = await t.jing.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const cases: [unknown, number, string, string?][] = [
        ['{"username": "x", ', 400, 'malformed_json', 'body'],
        [{ username: 42, password: 'x' }, 400, 'validation_failed', 'body.username'],
        [{ username: 'x', password: 'y', admin: true }, 400, 'validation_failed', 'body.admin'],
        [{ password: 'y' }, 400, 'validation_failed', 'body.username'],
        [JSON.stringify({ username: 'x', password: 'y'.repeat(5000) }), 413, 'payload_too_large'],
      ];
      for (const [body, status, code, path] of cases) {
        const r = await t.call('POST', '/api/v1/auth/login', { body });
        assert.equal(r.statusCode, status, `${JSON.stringify(body).slice(0, 60)} → ${r.body}`);
        assert.equal(r.json().error.code, code);
        if (path) assert.equal(r.json().error.details.issues[0].path, path);
      }
      const text = await t.call('POST', '/api/v1/accounts/residents', { body: 'hello', headers: { 'content-type': 'text/plain' } });
      assert.equal(text.statusCode, 415);
      const auditAfter = await t.jing.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(auditAfter.n), Number(auditBefore.n), 'nothing was written');
    });

    it('rejects invalid query values and unknown query fields', async () => {
      const r = await t.call('GET', '/api/v1/geo/locate?lng=abc&lat=39.9');
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().error.details.issues[0].path, 'query.lng');
      const u = await t.call('GET', '/api/v1/org/units?q=x&colour=red');
      assert.equal(u.json().error.details.issues[0].path, 'query.colour');
    });

    it('throttles sign-in attempts per client', async () => {
      let limited = 0;
      for (let i = 0; i < 12; i++) {
        const r = await t.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'wrong' }, headers: { 'x-forwarded-for': '1.2.3.4' } });
        if (r.statusCode === 429) {
          limited++;
          assert.equal(r.json().error.code, 'rate_limited');
        } else assert.equal(r.statusCode, 401);
      }
      assert.ok(limited > 0, 'some attempts were rate-limited');
    });
  });
}
