/**
 * Child of scripts/bench/sensing.mjs: the MQTT baseline, a bare aedes broker (no authentication, no
 * ingestion) on a free port, reported ready over IPC.
 */
import { createServer } from 'node:net';
import { Aedes } from 'aedes';
import { exitWithParent, report } from './report.ts';

const aedes = await Aedes.createBroker();
const server = createServer((socket) => aedes.handle(socket));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const close = () => new Promise<void>((resolve) => server.close(() => aedes.close(() => resolve())));
process.on('SIGTERM', () => void close().finally(() => process.exit(0)));
exitWithParent(close);
report({ type: 'ready', url: `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`, pid: process.pid });
