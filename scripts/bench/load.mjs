/**
 * Child of scripts/bench.mjs: drives one server with autocannon, in its own
 * process so the orchestrator's work never shares a core with the load.
 *
 *   node scripts/bench/load.mjs <url> <connections> <warm-up s> <duration s>
 *
 * Warms up (result discarded), measures, reports requests/s, latency and the
 * share of a core autocannon itself used (near 100% means the client, not the
 * server, set the pace).
 */
import autocannon from 'autocannon';

const [url, connections, warmup, duration] = process.argv.slice(2);
const send = (msg, then = () => {}) => (process.send ? process.send(msg, then) : (process.stdout.write(JSON.stringify(msg) + '\n'), then()));
process.on('disconnect', () => process.exit(1));

const run = (seconds) => autocannon({ url, connections: Number(connections), duration: Number(seconds) });

if (Number(warmup) > 0) {
  send({ type: 'progress', text: `warm-up ${warmup} s` });
  await run(warmup);
}
send({ type: 'progress', text: `measuring ${duration} s at ${connections} connections` });
const cpu0 = process.cpuUsage();
const r = await run(duration);
const cpu = process.cpuUsage(cpu0);
send({
  type: 'result',
  requestsPerSec: r.requests.average,
  requestsTotal: r.requests.total,
  latencyP50Ms: r.latency.p50,
  latencyP99Ms: r.latency.p99,
  latencyAvgMs: r.latency.average,
  bytesPerSec: r.throughput.average,
  ok2xx: r['2xx'],
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  duration: r.duration,
  clientCpuShare: (cpu.user + cpu.system) / 1e6 / r.duration,
}, () => process.exit(0)); // an open IPC channel would keep this process alive
