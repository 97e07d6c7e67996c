/**
 * The measuring half of a load child: warm up (result discarded), measure,
 * report requests/s, latency and the share of a core autocannon itself used
 * (near 100% means the client, not the server, set the pace), then exit.
 */
import autocannon from 'autocannon';

export const send = (msg, then = () => {}) => (process.send ? process.send(msg, then) : (process.stdout.write(JSON.stringify(msg) + '\n'), then()));

/** Runs `options` (autocannon's, without duration) for `warmup` then `duration` seconds and reports the result. */
export async function measure(options, warmup, duration) {
  process.on('disconnect', () => process.exit(1));
  const run = (seconds) => autocannon({ ...options, duration: Number(seconds) });
  if (Number(warmup) > 0) {
    send({ type: 'progress', text: `warm-up ${warmup} s` });
    await run(warmup);
  }
  send({ type: 'progress', text: `measuring ${duration} s at ${options.connections} connections` });
  const cpu0 = process.cpuUsage();
  const r = await run(duration);
  const cpu = process.cpuUsage(cpu0);
  send(
    {
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
    },
    () => process.exit(0), // an open IPC channel would keep this process alive
  );
}
