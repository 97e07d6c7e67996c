/**
 * Child of scripts/bench/sensing.mjs: a Jing server on a fresh embedded SQLite database with one network
 * (`bench`) of N micro-sensors `m0000…`, reported ready over IPC with its URL, MQTT port and API key.
 *
 *   node --import tsx scripts/bench/sensing-server.ts <dir> <devices> <mqtt: embedded|off>
 */
import { join } from 'node:path';
import { startJing } from '../../apps/server/src/index.ts';
import { SYSTEM_CALLER } from '../../apps/server/src/platform/auth/context.ts';
import { exitWithParent, report } from './report.ts';

const [dir, devicesArg = '1000', mqtt = 'off'] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: sensing-server.ts <dir> <devices> <embedded|off>\n');
  process.exit(2);
}
const running = await startJing({
  env: {
    DATABASE_URL: `sqlite:${join(dir, 'jing.sqlite')}`,
    JING_VAR_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    JING_SEED_DEMO: 'false',
    JING_MQTT_MODE: mqtt,
    JING_MQTT_HOST: '127.0.0.1',
    JING_MQTT_PORT: '0',
  },
});
const { jing } = running;
const network = await jing.sensing.createNetwork(SYSTEM_CALLER, { code: 'bench' });
const n = Number(devicesArg);
const rows = Array.from({ length: n }, (_, i) => ({ code: `m${String(i).padStart(4, '0')}`, network: 'bench', type: 'micro' as const, lng: 116.3 + (i % 40) * 0.005, lat: 39.85 + Math.floor(i / 40) * 0.005 }));
await jing.sensing.registerDevices(SYSTEM_CALLER, rows);
const stop = async () => {
  await running.close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
exitWithParent(() => running.close().catch(() => {}));
report({ type: 'ready', url: running.url, mqttPort: running.mqttPort, apiKey: network.apiKey, pid: process.pid, writer: jing.sensingModule.ingest.writerKind });
