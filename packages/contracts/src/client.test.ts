import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startJing, type RunningJing } from '../../../apps/server/src/index.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, createClient, identityRoutes, orgRoutes } from './index.ts';

describe('the typed API client, against a real server over HTTP', () => {
  let running: RunningJing;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jing-client-'));
    running = await startJing({ env: { DATABASE_URL: `sqlite:${join(dir, 'j.sqlite')}`, JING_VAR_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' } });
  });
  after(() => running.close());

  it('calls routes with typed params and query and returns the contract shapes', async () => {
    const api = createClient({ baseUrl: running.url });
    const unit = await api.call(orgRoutes.getUnit, { params: { code: '110105' } });
    assert.equal(unit.name, '朝阳区');
    const found = await api.call(orgRoutes.search, { query: { q: '建外', limit: 5 } });
    assert.equal(found.items[0]?.code, '110105001');
  });

  it('raises ApiError with the envelope', async () => {
    const api = createClient({ baseUrl: running.url });
    await assert.rejects(api.call(identityRoutes.login, { body: { username: 'nobody', password: 'x' } }), (e: ApiError) => e.status === 401 && e.code === 'invalid_credentials');
  });
});
