import { monitorEventLoopDelay } from 'node:perf_hooks';

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Series {
  count: Map<string, number>; // by status code
  buckets: number[];
  sum: number;
  n: number;
}

/** Request counts and latency histograms by route, plus process and pool gauges, in Prometheus text format. */
export class Metrics {
  private readonly series = new Map<string, Series>();
  private readonly loop = monitorEventLoopDelay({ resolution: 20 });
  private readonly started = Date.now();

  constructor(private readonly pool: () => { total: number; idle: number; waiting: number }) {
    this.loop.enable();
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route}`;
    let s = this.series.get(key);
    if (!s) {
      s = { count: new Map(), buckets: BUCKETS.map(() => 0), sum: 0, n: 0 };
      this.series.set(key, s);
    }
    const code = String(status);
    s.count.set(code, (s.count.get(code) ?? 0) + 1);
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) s.buckets[i]!++;
    s.sum += seconds;
    s.n++;
  }

  render(): string {
    const out: string[] = [];
    const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    out.push('# HELP jing_http_requests_total HTTP requests by route and status', '# TYPE jing_http_requests_total counter');
    for (const [key, s] of this.series) {
      const [method, route] = key.split(' ') as [string, string];
      for (const [code, n] of s.count) out.push(`jing_http_requests_total{method="${method}",route="${esc(route)}",status="${code}"} ${n}`);
    }
    out.push('# HELP jing_http_request_duration_seconds Request latency by route', '# TYPE jing_http_request_duration_seconds histogram');
    for (const [key, s] of this.series) {
      const [method, route] = key.split(' ') as [string, string];
      const l = `method="${method}",route="${esc(route)}"`;
      BUCKETS.forEach((b, i) => out.push(`jing_http_request_duration_seconds_bucket{${l},le="${b}"} ${s.buckets[i]}`));
      out.push(`jing_http_request_duration_seconds_bucket{${l},le="+Inf"} ${s.n}`);
      out.push(`jing_http_request_duration_seconds_sum{${l}} ${s.sum.toFixed(6)}`);
      out.push(`jing_http_request_duration_seconds_count{${l}} ${s.n}`);
    }
    const p = this.pool();
    out.push('# HELP jing_db_pool_connections Database pool connections', '# TYPE jing_db_pool_connections gauge');
    out.push(`jing_db_pool_connections{state="total"} ${p.total}`, `jing_db_pool_connections{state="idle"} ${p.idle}`, `jing_db_pool_connections{state="waiting"} ${p.waiting}`);
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    out.push('# HELP process_resident_memory_bytes Resident memory', '# TYPE process_resident_memory_bytes gauge', `process_resident_memory_bytes ${mem.rss}`);
    out.push('# HELP nodejs_heap_used_bytes V8 heap used', '# TYPE nodejs_heap_used_bytes gauge', `nodejs_heap_used_bytes ${mem.heapUsed}`);
    out.push('# HELP process_cpu_seconds_total CPU time', '# TYPE process_cpu_seconds_total counter', `process_cpu_seconds_total ${((cpu.user + cpu.system) / 1e6).toFixed(3)}`);
    out.push('# HELP process_uptime_seconds Uptime', '# TYPE process_uptime_seconds gauge', `process_uptime_seconds ${((Date.now() - this.started) / 1000).toFixed(1)}`);
    out.push('# HELP nodejs_eventloop_delay_p99_seconds Event loop delay, 99th percentile', '# TYPE nodejs_eventloop_delay_p99_seconds gauge', `nodejs_eventloop_delay_p99_seconds ${(this.loop.percentile(99) / 1e9).toFixed(6)}`);
    return out.join('\n') + '\n';
  }
}
