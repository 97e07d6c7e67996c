/**
 * Child of scripts/bench.mjs: a few thousand reads across random units of a
 * running server, so its caches and SQLite page cache hold a realistic mix
 * before the orchestrator reads the server's resident memory.
 *
 *   node --import tsx scripts/bench/memload.ts <url> <beijing|china> <requests> <searches>
 *
 * `requests` reads split evenly between GET /org/units/:code and
 * /org/units/:code/children over random codes, plus `searches` name searches
 * (?q=) with common Chinese name parts. 8 requests in flight at a time.
 */
import { allChinaDivisions, beijingDivisions } from '../../apps/server/src/modules/org/index.ts';
import { exitWithParent, finish, now, report } from './report.ts';

const [url, scope, requestsArg, searchesArg] = process.argv.slice(2);
if (!url || (scope !== 'beijing' && scope !== 'china')) {
  process.stderr.write('usage: memload.ts <url> <beijing|china> <requests> <searches>\n');
  process.exit(2);
}
exitWithParent();

const TERMS = ['朝阳', '街道', '社区', '村委会', '人民', '新村', '镇', '中心', '东风', '花园'];
const codes = (scope === 'china' ? allChinaDivisions() : beijingDivisions()).map((u) => u.code);
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

type Kind = 'getUnit' | 'children' | 'search';
const jobs: { kind: Kind; path: string }[] = [];
const reads = Number(requestsArg ?? 3000);
for (let i = 0; i < reads; i++) {
  const code = pick(codes);
  jobs.push(i % 2 ? { kind: 'getUnit', path: `/api/v1/org/units/${code}` } : { kind: 'children', path: `/api/v1/org/units/${code}/children` });
}
for (let i = 0; i < Number(searchesArg ?? 200); i++) {
  jobs.push({ kind: 'search', path: `/api/v1/org/units?q=${encodeURIComponent(pick(TERMS))}` });
}
jobs.sort(() => Math.random() - 0.5);

const latencies: Record<Kind, number[]> = { getUnit: [], children: [], search: [] };
let failed = 0;
let next = 0;
const started = now();
async function worker() {
  while (next < jobs.length) {
    const job = jobs[next++]!;
    const t = now();
    const res = await fetch(url + job.path);
    await res.arrayBuffer();
    if (res.status !== 200) failed++;
    latencies[job.kind].push(Number(now() - t) / 1e6);
    if (next % 500 === 0) report({ type: 'progress', text: `${next}/${jobs.length} requests` });
  }
}
await Promise.all(Array.from({ length: 8 }, worker));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : null;
};
finish({
  requests: jobs.length,
  failed,
  seconds: Number(now() - started) / 1e9,
  latencyMs: Object.fromEntries(Object.entries(latencies).map(([k, xs]) => [k, { n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99) }])),
});
