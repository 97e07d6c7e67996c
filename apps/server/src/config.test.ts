import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './platform/logger.ts';

describe('configuration', () => {
  const varDir = () => mkdtempSync(join(tmpdir(), 'jing-cfg-'));

  it('has embedded defaults', () => {
    const c = loadConfig({ JING_VAR_DIR: varDir() });
    assert.equal(c.port, 8080);
    assert.equal(c.databaseUrl, 'sqlite:./var/jing.sqlite');
    assert.equal(c.timeZone, 'Asia/Shanghai');
    assert.equal(c.dataKey.length, 32);
  });

  it('keeps the generated data key across restarts', () => {
    const dir = varDir();
    assert.deepEqual(loadConfig({ JING_VAR_DIR: dir }).dataKey, loadConfig({ JING_VAR_DIR: dir }).dataKey);
    assert.match(readFileSync(join(dir, 'data-key'), 'utf8'), /^[0-9a-f]{64}\n$/);
  });

  it('names every invalid variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', JING_TIME_ZONE: 'Asia/Shanghai', JING_DATA_KEY: 'short', JING_VAR_DIR: varDir() }),
      (e: Error) => e instanceof ConfigError && /PORT/.test(e.message) && /JING_DATA_KEY/.test(e.message),
    );
    assert.throws(() => loadConfig({ JING_TIME_ZONE: 'Mars/Olympus', JING_VAR_DIR: varDir() }), /JING_TIME_ZONE/);
  });
});

describe('logging', () => {
  it('redacts secrets and personal identifiers', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const log = createLogger('info', sink as never);
    log.info({ body: { username: 'a', password: 'hunter2hunter2', idNumber: '11010519491231002X', phone: '13800138000' } }, 'sign-up');
    const text = lines.join('');
    for (const secret of ['hunter2hunter2', '11010519491231002X', '13800138000']) assert.ok(!text.includes(secret), secret);
    assert.match(text, /"username":"a"/);
  });
});
