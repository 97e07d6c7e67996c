/**
 * Child of scripts/bench.mjs: in-process timings on the whole-country tree.
 *
 *   node --import tsx scripts/bench/micro.ts <DATABASE_URL of an all-China db> <JING_VAR_DIR>
 *
 * 1. Subtree membership: covers(auth, 'directory.read', unitPath) against
 *    Set.has(code) over all ≈665k codes, for unit paths of depth 2…5
 *    (depth = number of codes in the path; Beijing's communities are 4 deep,
 *    having no prefecture level) and for a grant at a district (朝阳区) and at a
 *    whole province (广东省): subtree size changes, the cost must not.
 * 2. OrgService.unitPath(code): warm cache vs a plain Map, uniform random
 *    codes over the whole country (the cache holds fewer), and cache misses.
 * 3. The LruCache behind it, alone: uniform churn at its cap, in rounds.
 *
 * Loops of N operations run once untimed (JIT), then five timed runs; the
 * fastest counts. The membership rows take their runs in turns, so a burst of
 * load from another process hits every row alike.
 */
import type { Permission } from '@jing/contracts';
import { createJing, createLogger, loadConfig } from '../../apps/server/src/index.ts';
import { covers, type AuthContext, type Subject } from '../../apps/server/src/platform/auth/context.ts';
import { LruCache } from '../../apps/server/src/platform/cache.ts';
import { exitWithParent, finish, now, report } from './report.ts';

const [databaseUrl, varDir] = process.argv.slice(2);
if (!databaseUrl || !varDir) {
  process.stderr.write('usage: micro.ts <DATABASE_URL> <JING_VAR_DIR>\n');
  process.exit(2);
}
exitWithParent();

const N = 1_000_000;
const PERMISSION = 'directory.read' as Permission;
const jing = await createJing(loadConfig({ DATABASE_URL: databaseUrl, JING_VAR_DIR: varDir, LOG_LEVEL: 'silent' }), createLogger('silent'));
const rows = (await jing.database.db.selectFrom('org_units').select(['code', 'path']).execute()) as { code: string; path: string }[];
report({ type: 'progress', text: `loaded ${rows.length} unit paths` });

// On a shared machine other processes only ever add time, so the fastest of
// several runs is the best estimate of an operation's own cost.
const ROUNDS = 5;

/** Fastest ns/op of ROUNDS timed runs of `loop` (which does `n` operations), after one untimed run. */
function nsPerOp(n: number, loop: () => number): number {
  let best = Infinity;
  for (let r = 0; r <= ROUNDS; r++) {
    const t = now();
    if (loop() < 0) throw new Error('unreachable'); // uses the result, so the work is not optimised away
    if (r > 0) best = Math.min(best, Number(now() - t) / n);
  }
  return best;
}

async function nsPerOpAsync(n: number, loop: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let r = 0; r <= ROUNDS; r++) {
    const t = now();
    await loop();
    if (r > 0) best = Math.min(best, Number(now() - t) / n);
  }
  return best;
}

// --- 1. Subtree membership -------------------------------------------------

const subject: Subject = { id: 'bench', kind: 'staff', displayName: 'bench', unitCode: null };
const authFor = (grant: string): AuthContext => ({
  sessionId: 'bench', csrfToken: 'bench', actor: subject, principal: subject, grants: [],
  permissions: new Map([[PERMISSION, [grant]]]),
});
const segments = (path: string) => path.split('/').filter(Boolean);
const shuffled = <T>(xs: T[]) => xs.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

const allCodes = new Set(rows.map((r) => r.code));

interface Case { auth: AuthContext; path: string; code: string }
/** Up to 1000 random real units `depth` codes deep, checked against one grant. */
function cases(grant: string, depth: number, inside = true): Case[] {
  const auth = authFor(grant);
  const units = rows.filter((r) => segments(r.path).length === depth && r.path.startsWith(grant) === inside);
  return shuffled(units).slice(0, 1000).map((r) => ({ auth, path: r.path, code: r.code }));
}
const CHAOYANG = '/110000/110105/'; // 朝阳区
const GUANGDONG = '/440000/'; // 广东省
const scopeSizes = Object.fromEntries([CHAOYANG, GUANGDONG].map((g) => [g, rows.filter((r) => r.path.startsWith(g)).length]));

// The timed operation sits directly in a loop of its own (not behind a
// callback), so V8 can inline it and the figure is the operation, not a call.
function coversLoop(cs: Case[]): number {
  let hits = 0;
  for (let i = 0; i < N; i++) {
    const c = cs[i % cs.length]!;
    if (covers(c.auth, PERMISSION, c.path)) hits++;
  }
  return hits;
}
function setLoop(set: Set<string>, cs: Case[]): number {
  let hits = 0;
  for (let i = 0; i < N; i++) if (set.has(cs[i % cs.length]!.code)) hits++;
  return hits;
}

const depth5 = cases(GUANGDONG, 5);
const membershipRows: { label: string; cs: Case[]; loop: () => number }[] = [
  { label: 'baseline: Set.has(code), Set of all codes', cs: depth5, loop: () => setLoop(allCodes, depth5) },
  ...(<[string, Case[]][]>[
    ['covers, grant 110105: depth 2 (the district)', cases(CHAOYANG, 2)],
    ['covers, grant 110105: depth 3 (street)', cases(CHAOYANG, 3)],
    ['covers, grant 110105: depth 4 (community)', cases(CHAOYANG, 4)],
    ['covers, grant 110105: depth 5, out of scope', cases(CHAOYANG, 5, false)],
    ['covers, grant 440000: depth 2 (prefecture)', cases(GUANGDONG, 2)],
    ['covers, grant 440000: depth 5 (community)', depth5],
  ]).map(([label, cs]) => ({ label, cs, loop: () => coversLoop(cs) })),
];
const best = membershipRows.map(() => Infinity);
for (let round = 0; round <= ROUNDS; round++) {
  membershipRows.forEach((row, i) => {
    const t = now();
    if (row.loop() < 0) throw new Error('unreachable');
    if (round > 0) best[i] = Math.min(best[i]!, Number(now() - t) / N);
  });
}
const membership = membershipRows.map((row, i) => ({
  label: row.label,
  nsPerOp: best[i]!,
  inScope: i === 0 ? 1 : row.cs.filter((c) => covers(c.auth, PERMISSION, c.path)).length / row.cs.length,
}));
report({ type: 'progress', text: 'subtree membership timed' });

// --- 2. unitPath -------------------------------------------------------------

// The service's cache and repository are private. The benchmark counts
// repository reads (= cache misses) by wrapping the one method unitPath uses,
// and fills the path cache directly with the paths just read from the
// database — the state a long-running server reaches, without 100,000 reads.
const org = jing.org as unknown as {
  repo: { get: (...a: unknown[]) => Promise<unknown> };
  paths: { size: number; set(k: string, v: string): void };
};
let misses = 0;
const get = org.repo.get.bind(org.repo);
org.repo.get = (...a) => { misses++; return get(...a); };

const codes = rows.map((r) => r.code);
const plain = new Map(rows.map((r) => [r.code, r.path]));
const CAP = 200_000; // OrgService's path cache size
const randomIdx = Uint32Array.from({ length: N }, () => Math.floor(Math.random() * codes.length));
const mapNs = nsPerOp(N, () => {
  let hits = 0;
  for (let i = 0; i < N; i++) if (plain.get(codes[randomIdx[i]!]!) !== undefined) hits++;
  return hits;
});
const mapAwaitNs = await nsPerOpAsync(N, async () => {
  for (let i = 0; i < N; i++) await Promise.resolve(plain.get(codes[randomIdx[i]!]!));
});

// Misses: an empty cache, so no evictions — the cost of one read through the
// repository. The first pass (untimed) warms the JIT and SQLite's page cache.
const MISSES = 5_000;
let t = now();
let missNs = NaN;
for (const offset of [MISSES, 0]) {
  jing.org.invalidate();
  t = now();
  for (let i = 0; i < MISSES; i++) await jing.org.unitPath(codes[randomIdx[offset + i]!]!);
  missNs = Number(now() - t) / MISSES;
}

// Warm: 100,000 random codes — half the cache's capacity, so they stay cached
// whatever the eviction policy — put in the cache, then lookups among them.
const WORKING = CAP / 2;
jing.org.invalidate();
const working = shuffled(rows).slice(0, WORKING);
for (const r of working) org.paths.set(r.code, r.path);
misses = 0;
const warmNs = await nsPerOpAsync(N, async () => {
  for (let i = 0; i < N; i++) await jing.org.unitPath(working[randomIdx[i]! % WORKING]!.code);
});
const warmHitRate = 1 - misses / (N * (ROUNDS + 1));
report({ type: 'progress', text: 'unitPath warm timed' });

// Uniform over the whole country, from that warm cache: it can hold at most
// 200,000 of ≈665,000 paths, so most lookups miss and read the database.
const UNIFORM = 20_000;
misses = 0;
t = now();
for (let i = 0; i < UNIFORM; i++) await jing.org.unitPath(codes[randomIdx[N - 1 - i]!]!);
const uniformNs = Number(now() - t) / UNIFORM;
const uniformHitRate = 1 - misses / UNIFORM;
const cachedPaths = org.paths.size;
await jing.close();

// The LRU cache alone (no database): fill to the cap, then uniform churn over
// all codes in rounds, against a plain Map doing the same gets and sets.
const lru = new LruCache<string, string>(CAP);
const filled = shuffled(rows).slice(0, CAP);
for (const r of filled) lru.set(r.code, r.path);
const LRU_OPS = 20_000;
const lruRounds: number[] = [];
for (let round = 0; round < 3; round++) {
  t = now();
  for (let i = 0; i < LRU_OPS; i++) {
    const c = codes[randomIdx[(round * LRU_OPS + i) % N]!]!;
    if (lru.get(c) === undefined) lru.set(c, c);
  }
  lruRounds.push(Number(now() - t) / LRU_OPS);
}
const mapChurn = new Map<string, string>(filled.map((r) => [r.code, r.path]));
const mapChurnNs = nsPerOp(LRU_OPS, () => {
  let hits = 0;
  for (let i = 0; i < LRU_OPS; i++) {
    const c = codes[randomIdx[i]!]!;
    if (mapChurn.get(c) === undefined) mapChurn.set(c, c);
    else hits++;
  }
  return hits;
});

finish({
  n: N,
  units: rows.length,
  membership,
  scopeSizes,
  unitPath: { mapNs, mapAwaitNs, warmNs, warmHitRate, workingSet: WORKING, cap: CAP, missNs, misses: MISSES, uniformNs, uniformHitRate, uniformOps: UNIFORM, cachedPaths },
  lru: { cap: CAP, opsPerRound: LRU_OPS, roundsNs: lruRounds, mapNs: mapChurnNs },
});
