/**
 * The number fast path against the BigInt path: every public computation must give bit-for-bit the same result
 * (including −0 vs 0, nulls and thrown errors) with `setExactArithmetic(true)` and `(false)`.
 */
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dailyReport, hourlyReport } from './aqi.ts';
import { HJ633_2012, type IaqiColumn, type Pollutant } from './breakpoints.ts';
import type { DayInput, HourlyValue } from './day-input.ts';
import { iaqi, roundConcentration } from './iaqi.ts';
import { fastRoundRatio, fastScale, fastUnits, interpolateRounded, roundHalfEven, setExactArithmetic } from './rounding.ts';
import { dailyMean, dailyValues, mda8, o3EightHourMeans, o3Max1h, realtimeConcentrations, twentyFourHourMeans } from './validity.ts';

let seed = 20260301;
/** Deterministic uniform [0, 1). */
const rand = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;

/** A concentration of some awkward kind: integers, 1–4 decimals, ties at .5, long doubles, huge values. */
function value(): number {
  switch (int(0, 9)) {
    case 0:
    case 1:
      return int(0, 1000);
    case 2:
      return int(0, 10000) / 10;
    case 3:
      return int(0, 100000) / 100;
    case 4:
      return int(0, 1000000) / pick([1000, 10000]); // 10^4: ppb-converted gases
    case 5:
      return int(0, 2000) + pick([0.5, 0.05, 0.15, 0.25, 0.45, 0.55, 0.125, 0.375, 0.005, 0.995]);
    case 6:
      return rand() * pick([1, 10, 1000]); // 16–17 significant digits: BigInt path
    case 7:
      return pick([0, 1e-7, 1.5e-7, 0.0005, 799.5, 800.4, 800.5, 800.6, 60.5, 75.5, 2.25, 4.45, 1e14, 99999999999999.9, 1e15 + 2, 2 ** 53, 1e21, 1.7e308]);
    case 8:
      return int(0, 320); // real shape: hourly integers
    default:
      return int(1, 40) / 10; // real shape: CO in 0.1 mg/m³
  }
}
const hourOf = (nullRate: number, gen: () => number = value): HourlyValue => (rand() < nullRate ? null : gen());
const hoursOf = (nullRate: number, gen?: () => number): HourlyValue[] => Array.from({ length: 24 }, () => hourOf(nullRate, gen));
const POLLUTANTS: readonly Pollutant[] = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'];
const realGen: Record<Pollutant, () => number> = {
  pm25: () => int(1, 300),
  pm10: () => int(1, 450),
  so2: () => int(1, 60),
  no2: () => int(1, 130),
  co: () => int(1, 40) / 10,
  o3: () => int(1, 320),
};
function day(real: boolean): DayInput {
  const nullRate = pick([0, 0.02, 0.1, 0.2, 0.3]);
  const one = () => Object.fromEntries(POLLUTANTS.map((p) => [p, hoursOf(nullRate, real ? realGen[p] : value)])) as Record<Pollutant, HourlyValue[]>;
  return rand() < 0.8 ? { today: one(), previousDay: one() } : { today: one() };
}

/** fn's outcome with the BigInt path and with the fast path: the value, or the thrown error's type and message. */
function outcome(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (e) {
    return { threw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
function same(fn: () => unknown, what: () => string): void {
  setExactArithmetic(true);
  const exact = outcome(fn);
  setExactArithmetic(false);
  const fast = outcome(fn);
  assert.deepStrictEqual(fast, exact, what()); // strict: Object.is on numbers, so −0 ≠ 0
}

afterEach(() => setExactArithmetic(false));

describe('fast path primitives', () => {
  it('reads exactly the decimals a number prints as', () => {
    assert.equal(fastScale(0.15), 2);
    assert.equal(fastUnits(0.15, 2), 15);
    assert.equal(fastScale(0.1 + 0.2), -1); // 0.30000000000000004
    assert.equal(fastScale(1.5e-7), -1);
    assert.equal(fastScale(1e15), -1); // beyond the fast range
    assert.ok(Number.isNaN(fastUnits(2.25, 1)));
    assert.equal(fastScale(-0), 0);
    assert.ok(Object.is(fastUnits(-0, 0), 0));
  });

  it('rounds ratios like the BigInt path', () => {
    assert.equal(fastRoundRatio(5, 2, 0, 'half-even'), 2);
    assert.equal(fastRoundRatio(7, 2, 0, 'half-even'), 4);
    assert.equal(fastRoundRatio(205, 2, 0, 'ceil'), 103);
    assert.equal(fastRoundRatio(-205, 2, 0, 'ceil'), -102);
    assert.ok(Object.is(fastRoundRatio(-1, 4, 0, 'half-even'), 0));
    assert.ok(Number.isNaN(fastRoundRatio(2 ** 53, 3, 0, 'half-even')));
  });
});

describe('fast path ≡ BigInt path on random inputs', () => {
  it('roundHalfEven and roundConcentration', () => {
    for (let i = 0; i < 20000; i++) {
      const v = (rand() < 0.2 ? -1 : 1) * value();
      const d = int(0, 4);
      same(() => roundHalfEven(v, d), () => `roundHalfEven(${v}, ${d})`);
      const p = pick(POLLUTANTS);
      same(() => roundConcentration(p, v), () => `roundConcentration(${p}, ${v})`);
    }
    for (const v of [NaN, Infinity, -Infinity]) same(() => roundHalfEven(v), () => `roundHalfEven(${v})`);
    same(() => roundHalfEven(1.5, 1.5), () => 'bad decimals');
    same(() => roundHalfEven(1.5, 21), () => 'too many decimals');
  });

  it('interpolateRounded', () => {
    for (let i = 0; i < 20000; i++) {
      const lo = pick([0, 2, 35, 50, 75, 0.5, 4.4, 100.125]);
      const hi = lo + pick([0, 1, 15, 25, 0.1, 0.005, 400, -1]);
      const c = lo + rand() * (hi - lo) * 1.2;
      const cc = rand() < 0.5 ? roundHalfEven(c, int(0, 3)) : c;
      const iLo = pick([0, 50, 100, 0.5]);
      const iHi = iLo + pick([50, 100, 1]);
      const d = int(0, 2);
      const mode = pick(['ceil', 'half-even', 'half-up', 'truncate'] as const);
      same(() => interpolateRounded(cc, lo, hi, iLo, iHi, d, mode), () => `interpolateRounded(${cc}, ${lo}, ${hi}, ${iLo}, ${iHi}, ${d}, ${mode})`);
    }
  });

  it('iaqi on every column of both standards', () => {
    const columns = Object.keys(HJ633_2012) as IaqiColumn[];
    for (let i = 0; i < 20000; i++) {
      const column = pick(columns);
      const c = rand() < 0.05 ? null : value();
      const options = {
        standard: pick(['HJ633-2012', 'HJ633-2026'] as const),
        so2_24h: rand() < 0.2 ? null : value(),
        o3_1h: rand() < 0.2 ? null : value(),
      };
      same(() => iaqi(column, c, options), () => `iaqi(${column}, ${c}, ${JSON.stringify(options)})`);
    }
  });

  it('dailyMean, o3Max1h, twentyFourHourMeans, o3EightHourMeans, mda8, dailyValues, realtimeConcentrations', () => {
    for (let i = 0; i < 800; i++) {
      const d = day(i % 2 === 0);
      const show = () => JSON.stringify(d);
      for (const p of POLLUTANTS) {
        same(() => dailyMean(p, d.today[p]!), () => `dailyMean ${p} ${show()}`);
        same(() => twentyFourHourMeans(d, p), () => `twentyFourHourMeans ${p} ${show()}`);
      }
      same(() => o3Max1h(d.today.o3!), () => `o3Max1h ${show()}`);
      same(() => o3EightHourMeans(d), () => `o3EightHourMeans ${show()}`);
      const options = rand() < 0.5 ? {} : { firstWindowEnd: int(1, 8), minValidWindows: int(10, 24) };
      same(() => mda8(d, options), () => `mda8 ${JSON.stringify(options)} ${show()}`);
      same(() => dailyValues(d, options), () => `dailyValues ${show()}`);
      const hour = int(0, 23);
      same(() => realtimeConcentrations(d, hour), () => `realtimeConcentrations ${hour} ${show()}`);
    }
  });

  it('dailyReport and hourlyReport', () => {
    for (let i = 0; i < 2000; i++) {
      const real = i % 2 === 0;
      const d = day(real);
      const v = dailyValues(d).values;
      const choice = rand() < 0.5 ? { date: `202${int(4, 7)}-0${int(1, 9)}-1${int(0, 9)}` } : { standard: pick(['HJ633-2012', 'HJ633-2026'] as const) };
      same(() => dailyReport(v, choice), () => `dailyReport ${JSON.stringify(v)} ${JSON.stringify(choice)}`);
      const raw = { pm25: value(), pm10: value(), so2: value(), no2: value(), co: value(), o3: value(), o3_1h: value(), o3_8h: value() };
      same(() => dailyReport(raw, choice), () => `dailyReport ${JSON.stringify(raw)} ${JSON.stringify(choice)}`);
      const h = hour(d, int(0, 23));
      same(() => hourlyReport(h, choice), () => `hourlyReport ${JSON.stringify(h)} ${JSON.stringify(choice)}`);
    }
  });

  it('errors: negative and non-finite hours, wrong lengths', () => {
    const bad: unknown[] = [-1, NaN, Infinity, undefined, '5'];
    for (const b of bad) {
      const hours = [...Array(23).fill(10), b] as HourlyValue[];
      same(() => dailyMean('pm25', hours), () => `dailyMean with ${String(b)}`);
      same(() => mda8({ today: { o3: hours } }), () => `mda8 with ${String(b)}`);
    }
    same(() => dailyMean('pm25', Array(23).fill(10)), () => 'length 23');
    const holey: HourlyValue[] = Array(24).fill(10);
    delete holey[3];
    same(() => dailyValues({ today: { pm25: holey, o3: holey } }), () => 'holes count as missing');
  });
});

function hour(d: DayInput, h: number) {
  const r = realtimeConcentrations(d, h);
  return rand() < 0.3 ? { ...r, so2: pick([800.4, 800.6, 900, 2000]) } : r;
}
