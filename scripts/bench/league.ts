/**
 * 三率 league table benchmark (issue 3, Performance): the monthly table of all
 * of Beijing's 349 streets over 10 million cases, through the real service
 * (`CaseRates.table`, which reads the monthly rollups), beside the naive
 * GROUP BY over the cases themselves, measured in the same run. Target: < 100 ms.
 *
 *   node --import tsx scripts/bench/league.ts <dir> [cases]     (default 10,000,000; or JING_BENCH_LEAGUE_CASES)
 *
 * How the data is made (a throw-away SQLite database in <dir>):
 *   1. Jing is created on it and the demo city seeded (the org tree with the 349 streets).
 *   2. A sample of real cases goes through the real code path: submitted, signed,
 *      contacted, replied and rated by the demo accounts (some never contacted, some
 *      reopened once), so `case_rollups` holds what intake and handling maintain.
 *   3. The other cases are synthesised in SQL into `bench_cases`, a table with only
 *      the columns the naive query needs (month, handler, on-time contact, rating),
 *      spread over 6 months (≈ 1.67 M a month, about Beijing's 12345 volume), each
 *      street with its own response, resolution and satisfaction propensities.
 *      Their rollups are added to `case_rollups` with one INSERT … SELECT … GROUP BY:
 *      the same additive counters the real code bumps one case at a time.
 *   4. The sample's real cases are copied into `bench_cases`, so the naive query sees
 *      every case the rollups count, and both answers must be identical (checked).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { createJing } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { createLogger } from '../../apps/server/src/platform/logger.ts';
import { seedDemoCity, DEMO_PASSWORD } from '../../apps/server/src/seed.ts';
import { DEFAULT_FORMULA, rank, ratesOf } from '../../apps/server/src/modules/cases/index.ts';
import type { Caller } from '../../apps/server/src/platform/auth/context.ts';
import { finish, report } from './report.ts';

const dir = resolve(process.argv[2] ?? 'var/bench-league');
const TOTAL = Number(process.argv[3] ?? process.env.JING_BENCH_LEAGUE_CASES ?? 10_000_000);
const MONTHS = 6;
const SAMPLE = Math.min(300, TOTAL);
const progress = (text: string) => (process.send ? report({ type: 'progress', text }) : process.stderr.write(`  ${text}\n`));
const seconds = (t0: number) => (performance.now() - t0) / 1000;

mkdirSync(dir, { recursive: true });
const file = join(dir, 'league.sqlite');
const config = loadConfig({ ...process.env, DATABASE_URL: `sqlite:${file}`, JING_VAR_DIR: dir, LOG_LEVEL: 'silent', JING_MQTT_MODE: 'off', JING_DATA_KEY: randomBytes(32).toString('hex') });
const jing = await createJing(config, createLogger('silent'));
progress('seeding the org tree (349 streets)');
await seedDemoCity(jing);
const streets = await jing.org.listLevel('street', '/110000/');

// --- 2. A sample through the real code path ------------------------------------------------
const callerOf = async (username: string): Promise<Caller> => {
  const { token } = await jing.sessions.login({ auth: null, requestId: null }, username, DEMO_PASSWORD);
  return { auth: await jing.sessions.authenticate(token), requestId: null };
};
const resident = await callerOf('resident.zhang');
const street = await callerOf('jianwai.officer');
const month = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone, year: 'numeric', month: '2-digit' }).format(new Date());
progress(`${SAMPLE} cases through intake and handling (建外街道, ${month})`);
const satisfactions = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
let t0 = performance.now();
for (let i = 0; i < SAMPLE; i++) {
  const { row } = await jing.cases.submit(resident, { type: 'complaint', categoryCode: i % 2 ? 'noise_construction' : 'garbage_collection', description: `样本诉求 #${i}`, streetCode: '110105001', anonymous: false });
  let v = row.version;
  const act = async (who: Caller, action: 'sign' | 'contact' | 'reply' | 'rate', body: Record<string, unknown>) => {
    v = (await jing.caseHandling.act(who, row.id, action, { version: v, ...body })).version;
  };
  if (i % 10 === 9) continue; // never signed: counts as a case, not a response
  await act(street, 'sign', {});
  if (i % 10 === 8) continue; // signed, never contacted
  await act(street, 'contact', { method: 'phone', note: '已联系' });
  await act(street, 'reply', { text: '已处理', resolved: i % 4 !== 0 });
  if (i % 10 === 7) continue; // replied, not yet rated
  const satisfaction = satisfactions[i % 5]!;
  await act(resident, 'rate', { contacted: true, resolved: i % 4 !== 0, satisfaction });
  if (i % 4 === 0 && (satisfaction === 'dissatisfied' || satisfaction === 'very_dissatisfied')) {
    // Reopened once by rule: handled again and rated for good.
    await act(street, 'contact', { method: 'visit', note: '再次上门' });
    await act(street, 'reply', { text: '已解决', resolved: true });
    await act(resident, 'rate', { contacted: true, resolved: true, satisfaction: 'satisfied' });
  }
}
const sampleSeconds = seconds(t0);

// --- 3. The synthetic cases, in SQL ------------------------------------------------------------
const raw = new SqliteDatabase(file);
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = OFF'); // a throw-away database: generation speed over durability
const monthsList = Array.from({ length: MONTHS }, (_, i) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - (MONTHS - 1 - i), 1));
  return d.toISOString().slice(0, 7);
});
raw.exec(`
  drop table if exists bench_streets;
  create table bench_streets (i integer primary key, code text not null, path text not null, p_resp integer, p_rated integer, p_resolved integer, sat_shift integer);
  drop table if exists bench_months;
  create table bench_months (i integer primary key, month text not null);
  drop table if exists bench_cases;
  create table bench_cases (month text not null, handler_unit_code text not null, contacted_on_time integer, rating_resolved integer, rating_satisfaction text);
`);
const insStreet = raw.prepare('insert into bench_streets values (?, ?, ?, ?, ?, ?, ?)');
streets.forEach((s, i) => insStreet.run(i, s.code, s.path, 700 + ((i * 37) % 300), 500 + ((i * 53) % 400), 600 + ((i * 71) % 390), (i * 13) % 5));
monthsList.forEach((m, i) => raw.prepare('insert into bench_months values (?, ?)').run(i, m));
const synthetic = TOTAL - SAMPLE;
progress(`synthesising ${synthetic.toLocaleString('en-US')} cases over ${MONTHS} months in SQL`);
t0 = performance.now();
// Rows come in month order (month = i * MONTHS / N); a street and four draws per row from
// multiplicative hashes of the row number (reproducible from run to run).
const CHUNK = 1_000_000;
for (let from = 0; from < synthetic; from += CHUNK) {
  const to = Math.min(synthetic, from + CHUNK);
  raw.exec(`
    insert into bench_cases (month, handler_unit_code, contacted_on_time, rating_resolved, rating_satisfaction)
    with recursive n(i) as (select ${from} union all select i + 1 from n where i + 1 < ${to}),
    draw as (select i, (i * 2654435761) % 4294967291 % ${streets.length} as s, (i * 48271 + 11) % 2147483647 % 1000 as r1,
      (i * 69621 + 7) % 2147483629 % 1000 as r2, (i * 40692 + 3) % 2147483399 % 1000 as r3, (i * 16807 + 5) % 2147483563 % 1000 as r4 from n)
    select m.month, st.code,
      case when draw.r1 < st.p_resp then 1 else 0 end,
      case when draw.r2 < st.p_rated then (case when draw.r3 < st.p_resolved then 1 else 0 end) end,
      case when draw.r2 < st.p_rated then (case (draw.r4 / 200 + st.sat_shift * (draw.r3 % 2)) % 5
        when 0 then 'very_satisfied' when 1 then 'satisfied' when 2 then 'basically_satisfied' when 3 then 'dissatisfied' else 'very_dissatisfied' end) end
    from draw join bench_streets st on st.i = draw.s join bench_months m on m.i = (draw.i * ${MONTHS}) / ${synthetic}
  `);
  progress(`synthesised ${to.toLocaleString('en-US')} of ${synthetic.toLocaleString('en-US')} (${seconds(t0).toFixed(0)} s)`);
}
const synthSeconds = seconds(t0);

// Their rollups, added to what the real code maintained: the counters it bumps one case at a time.
t0 = performance.now();
raw.exec(`
  insert into case_rollups (month, unit_code, unit_path, cases, responded, rated, resolved, sat_very_satisfied, sat_satisfied, sat_basically_satisfied, sat_dissatisfied, sat_very_dissatisfied)
  select c.month, c.handler_unit_code, st.path, count(*), coalesce(sum(c.contacted_on_time = 1), 0), count(c.rating_satisfaction), coalesce(sum(c.rating_resolved = 1), 0),
    coalesce(sum(c.rating_satisfaction = 'very_satisfied'), 0), coalesce(sum(c.rating_satisfaction = 'satisfied'), 0), coalesce(sum(c.rating_satisfaction = 'basically_satisfied'), 0),
    coalesce(sum(c.rating_satisfaction = 'dissatisfied'), 0), coalesce(sum(c.rating_satisfaction = 'very_dissatisfied'), 0)
  from bench_cases c join bench_streets st on st.code = c.handler_unit_code
  group by c.month, c.handler_unit_code
  on conflict (month, unit_code) do update set
    cases = cases + excluded.cases, responded = responded + excluded.responded, rated = rated + excluded.rated, resolved = resolved + excluded.resolved,
    sat_very_satisfied = sat_very_satisfied + excluded.sat_very_satisfied, sat_satisfied = sat_satisfied + excluded.sat_satisfied,
    sat_basically_satisfied = sat_basically_satisfied + excluded.sat_basically_satisfied, sat_dissatisfied = sat_dissatisfied + excluded.sat_dissatisfied,
    sat_very_dissatisfied = sat_very_dissatisfied + excluded.sat_very_dissatisfied
`);
// The sample's real cases join the synthetic ones (a rating counts once the case is closed by it).
raw.exec(`
  insert into bench_cases (month, handler_unit_code, contacted_on_time, rating_resolved, rating_satisfaction)
  select month, handler_unit_code, contacted_on_time, case when status = 'closed' then rating_resolved end, case when status = 'closed' then rating_satisfaction end from cases
`);
const rollupSeconds = seconds(t0);
const count = (raw.prepare('select count(*) as n from bench_cases').get() as { n: number }).n;

// --- Timings -------------------------------------------------------------------------------------
const naiveSql = `
  select handler_unit_code as unit_code, count(*) as cases, coalesce(sum(contacted_on_time = 1), 0) as responded, count(rating_satisfaction) as rated,
    coalesce(sum(rating_resolved = 1), 0) as resolved, coalesce(sum(rating_satisfaction = 'very_satisfied'), 0) as sat_very_satisfied,
    coalesce(sum(rating_satisfaction = 'satisfied'), 0) as sat_satisfied, coalesce(sum(rating_satisfaction = 'basically_satisfied'), 0) as sat_basically_satisfied,
    coalesce(sum(rating_satisfaction = 'dissatisfied'), 0) as sat_dissatisfied, coalesce(sum(rating_satisfaction = 'very_dissatisfied'), 0) as sat_very_dissatisfied
  from bench_cases where month = ? group by handler_unit_code`;
type Totals = { unit_code: string; cases: number; responded: number; rated: number; resolved: number; sat_very_satisfied: number; sat_satisfied: number; sat_basically_satisfied: number; sat_dissatisfied: number; sat_very_dissatisfied: number };
const ZERO = { cases: 0, responded: 0, rated: 0, resolved: 0, sat_very_satisfied: 0, sat_satisfied: 0, sat_basically_satisfied: 0, sat_dissatisfied: 0, sat_very_dissatisfied: 0 };
/** The naive league table: GROUP BY over the cases, then the same formulas and ranking as the service. */
const naive = (stmt: SqliteDatabase.Statement) => {
  const byUnit = new Map((stmt.all(month) as Totals[]).map((r) => [r.unit_code, r]));
  return rank(streets.map((u) => {
    const t = byUnit.get(u.code) ?? { unit_code: u.code, ...ZERO };
    return { unit: { code: u.code, name: u.name }, cases: t.cases, ...ratesOf(t, DEFAULT_FORMULA) };
  }));
};
const time = async (fn: () => unknown, runs: number) => {
  const ms: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { first: ms[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)!, runs, result };
};

progress('timing the naive GROUP BY without an index on month (a full scan)');
const scan = await time(() => naive(raw.prepare(naiveSql)), 1);
progress('indexing bench_cases by month (a covering index: the naive query\'s best case)');
t0 = performance.now();
raw.exec('create index bench_cases_month on bench_cases (month, handler_unit_code, contacted_on_time, rating_resolved, rating_satisfaction)');
const indexSeconds = seconds(t0);
raw.exec('analyze');
progress('timing the naive GROUP BY with the covering index');
const indexed = await time(() => naive(raw.prepare(naiveSql)), 3);
progress('timing the league table through CaseRates.table (rollups)');
const service = await time(() => jing.caseRates.table(month, 'street'), 30);
const districts = await time(() => jing.caseRates.table(month, 'district'), 30);

// The two answers must agree, unit by unit (the rollups count every case exactly once).
const items = (service.result as { items: unknown[] }).items;
const same = JSON.stringify(items) === JSON.stringify(scan.result) && JSON.stringify(items) === JSON.stringify(indexed.result);
const monthCases = (items as { cases: number }[]).reduce((n, r) => n + r.cases, 0);
const rollupRows = (raw.prepare('select count(*) as n from case_rollups').get() as { n: number }).n;
raw.close();
await jing.close();

finish({
  cases: count,
  sample: SAMPLE,
  months: MONTHS,
  month,
  monthCases,
  streets: streets.length,
  rollupRows,
  sampleSeconds,
  synthSeconds,
  rollupSeconds,
  indexSeconds,
  serviceMs: { first: service.first, median: service.median, max: service.max, runs: service.runs },
  districtMs: { first: districts.first, median: districts.median, max: districts.max, runs: districts.runs },
  naiveScanMs: { first: scan.first, median: scan.median, max: scan.max, runs: scan.runs },
  naiveIndexedMs: { first: indexed.first, median: indexed.median, max: indexed.max, runs: indexed.runs },
  identical: same,
});
