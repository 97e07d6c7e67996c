/**
 * Child of scripts/bench.mjs: one HTTP server, reported ready over IPC.
 *
 *   node --import tsx scripts/bench/server.ts bare [body.json]
 *   node --import tsx scripts/bench/server.ts jing <DATABASE_URL> <JING_VAR_DIR> <seed: true|false>
 *
 * `bare` is the throughput baseline: Fastify 5, one route answering a constant
 * JSON object, started through the same tsx loader as Jing. Given a file, it
 * answers that file's text instead (sent as a string, as Jing sends its
 * prepared JSON), to separate the cost of the payload from Jing's own.
 * Both listen on 127.0.0.1 on a free port. SIGTERM closes the server.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { startJing } from '../../apps/server/src/index.ts';
import { exitWithParent, report } from './report.ts';

const [mode, ...args] = process.argv.slice(2);

let close: () => Promise<void>;
let url: string;
if (mode === 'bare') {
  const app = Fastify({ logger: false });
  const [file] = args;
  if (file) {
    const text = readFileSync(file, 'utf8');
    app.get('/api/v1/org/units/:code/children', async (_req, reply) => reply.type('application/json; charset=utf-8').send(text));
  } else {
    const body = { status: 'ok', name: 'bare fastify baseline' };
    app.get('/api/v1/org/units/:code/children', async () => body);
  }
  // The intake baseline (`npm run bench -- intake`): a POST whose JSON body
  // Fastify parses, answered 201 with a small JSON object.
  let n = 0;
  app.post('/api/v1/cases', async (_req, reply) => reply.status(201).send({ id: ++n, status: 'dispatched' }));
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
} else if (mode === 'jing' && args[0] && args[1]) {
  const [databaseUrl, varDir, seed] = args as [string, string, string | undefined];
  const running = await startJing({
    env: {
      DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', JING_VAR_DIR: varDir, LOG_LEVEL: 'silent', JING_SEED_DEMO: seed ?? 'false',
      // The embedded MQTT broker stays on, as in production, but on a free
      // local port: the shared machine may run other Jing servers on 1884.
      JING_MQTT_HOST: '127.0.0.1', JING_MQTT_PORT: '0',
    },
  });
  url = running.url;
  close = running.close;
} else {
  process.stderr.write('usage: server.ts bare [body.json] | jing <DATABASE_URL> <JING_VAR_DIR> [seed]\n');
  process.exit(2);
}

const stop = async () => {
  await close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
exitWithParent(() => close().catch(() => {}));
report({ type: 'ready', url, pid: process.pid });
