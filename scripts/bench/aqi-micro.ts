/**
 * Micro-benchmark of the AQI core: daily values + daily report of 17,532 synthetic station-days (12 stations ×
 * 4 years × 365.25 days) of realistic hourly data — integer µg/m³, CO in 0.1 mg/m³ steps, ~2 % missing hours —
 * through the BigInt path (fast path off) and the fast path, in the same run, with a check that both agree.
 *
 *   node --import tsx scripts/bench/aqi-micro.ts
 */
import { dailyReport, dailyValues, type DayInput, type Pollutant } from '../../apps/server/src/modules/air/aqi/index.ts';
import { setExactArithmetic } from '../../apps/server/src/modules/air/aqi/rounding.ts';

const DAYS = 17_532;
const ROUNDS = 5;

let seed = 42;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const hours = (lo: number, hi: number, step = 1): (number | null)[] =>
  Array.from({ length: 24 }, () => {
    if (rand() < 0.02) return null;
    const v = lo + Math.floor(rand() * ((hi - lo) / step + 1)) * step;
    return step === 1 ? v : Math.round(v * 10) / 10;
  });
const dayHours = (): Record<Pollutant, (number | null)[]> => ({
  pm25: hours(3, 300),
  pm10: hours(5, 450),
  so2: hours(1, 60),
  no2: hours(5, 130),
  co: hours(0.1, 3.5, 0.1),
  o3: hours(2, 320),
});

const days: { input: DayInput; date: string }[] = [];
const start = Date.UTC(2022, 2, 1);
for (let i = 0; i < DAYS; i++) {
  const date = new Date(start + (i % 1461) * 86_400_000).toISOString().slice(0, 10);
  days.push({ input: { today: dayHours(), previousDay: dayHours() }, date });
}

function run(): { us: number; out: string[] } {
  const results: unknown[] = new Array(DAYS);
  const t0 = performance.now();
  for (let i = 0; i < DAYS; i++) {
    const { input, date } = days[i]!;
    const v = dailyValues(input);
    results[i] = [v, dailyReport(v.values, { date })];
  }
  const us = ((performance.now() - t0) * 1000) / DAYS;
  return { us, out: results.map((r) => JSON.stringify(r)) }; // untimed: for the equality check
}

function best(exact: boolean): { us: number; out: string[] } {
  setExactArithmetic(exact);
  let bestUs = Infinity;
  let out: string[] = [];
  run(); // warm-up (JIT)
  for (let i = 0; i < ROUNDS; i++) {
    const r = run();
    if (r.us < bestUs) bestUs = r.us;
    out = r.out;
  }
  setExactArithmetic(false);
  return { us: bestUs, out };
}

const before = best(true);
const after = best(false);
const same = before.out.every((s, i) => s === after.out[i]);
console.log(`station-days: ${DAYS} (best of ${ROUNDS}, dailyValues + dailyReport; results compared in full)`);
console.log(`before (BigInt path): ${before.us.toFixed(1)} µs/day, ${((before.us * DAYS) / 1e6).toFixed(2)} s total`);
console.log(`after  (fast path):   ${after.us.toFixed(1)} µs/day, ${((after.us * DAYS) / 1e6).toFixed(3)} s total`);
console.log(`ratio: ${(before.us / after.us).toFixed(1)}×   identical outputs: ${same}`);
if (!same) process.exitCode = 1;
