import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '@jing/db';
import { callerOf, createTestApp, testEngines, type TestApp } from '../testing.ts';
import { createJing, createServer, type Jing } from '../app.ts';
import { createLogger } from './logger.ts';

// Two servers on one database, as in a deployment with several instances (or the
// CLI writing while the server runs): what one changes, the other's caches must
// forget within a poll (ADR 0019).
for (const engine of testEngines()) {
  describe(`cache epochs across processes [${engine}]`, () => {
    let a: TestApp;
    let b: { jing: Jing; app: FastifyInstance };
    let onB: TestApp['call'];

    before(async () => {
      a = await createTestApp(engine);
      const database = openDatabase(a.database.url, a.database.schema ? { schema: a.database.schema, poolSize: 3 } : {});
      const jing = await createJing(a.jing.config, createLogger('silent'), { database, migrate: false });
      b = { jing, app: await createServer(jing) };
      await b.app.ready();
      onB = callerOf(b.app);
      await a.jing.cacheEpochs.start(0);
      await b.jing.cacheEpochs.start(0); // learns the epochs as they are now
    });
    after(async () => {
      await b?.app.close();
      await b?.jing.close();
      await a?.cleanup();
    });

    it('shows a unit renamed by the other server after one poll', async () => {
      const chaoyang = await a.login('chaoyang.officer');
      assert.equal((await onB('GET', '/api/v1/org/units/110105001')).json().name, '建外街道');
      const r = await a.call('PATCH', '/api/v1/org/units/110105001', { as: chaoyang, body: { name: '建外街道（更名）' } });
      assert.equal(r.statusCode, 200, r.body);
      // The rename reached the database, but this server still answers from its cache…
      assert.equal((await onB('GET', '/api/v1/org/units/110105001')).json().name, '建外街道');
      // …until it reads the epochs.
      assert.deepEqual(await b.jing.cacheEpochs.poll(), ['org']);
      assert.equal((await onB('GET', '/api/v1/org/units/110105001')).json().name, '建外街道（更名）');
      assert.deepEqual(await b.jing.cacheEpochs.poll(), [], 'nothing moved since');
    });

    it('refuses a session signed out on the other server after one poll', async () => {
      const zhang = await a.login('resident.zhang');
      assert.equal((await onB('GET', '/api/v1/auth/me', { as: zhang })).statusCode, 200);
      assert.equal((await a.call('POST', '/api/v1/auth/logout', { as: zhang })).statusCode, 200);
      assert.ok((await b.jing.cacheEpochs.poll()).includes('sessions'));
      assert.equal((await onB('GET', '/api/v1/auth/me', { as: zhang })).statusCode, 401);
    });

    it('stops taking a sensing key rotated on the other server after one poll', async () => {
      const admin = await a.login('muni.officer');
      const created = await a.call('POST', '/api/v1/sensing/networks', { as: admin, body: { code: 'epoch-net', name: '缓存测试网' } });
      assert.equal(created.statusCode, 201, created.body);
      const oldKey = created.json().apiKey as string;
      const ingest = (key: string) => onB('POST', '/api/v1/sensing/readings', { body: { readings: [] }, headers: { authorization: `Bearer ${key}` } });
      assert.equal((await ingest(oldKey)).statusCode, 200);
      const rotated = await a.call('POST', '/api/v1/sensing/networks/epoch-net/key', { as: admin });
      assert.equal(rotated.statusCode, 200, rotated.body);
      assert.ok((await b.jing.cacheEpochs.poll()).includes('sensing'));
      assert.equal((await ingest(oldKey)).statusCode, 401);
      assert.equal((await ingest(rotated.json().apiKey)).statusCode, 200);
    });

    it('does not move an epoch for writes no cache holds (a case), nor clear caches for them', async () => {
      const zhang = await a.login('resident.zhang');
      const r = await a.call('POST', '/api/v1/cases', { as: zhang, body: { type: 'complaint', categoryCode: 'noise_construction', description: '工地夜间施工扰民', streetCode: '110105002' } });
      assert.equal(r.statusCode, 201, r.body);
      assert.deepEqual(await b.jing.cacheEpochs.poll(), []);
    });
  });
}
