import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dailyMeans, deweather, differenceInDifferences, localDay, NotEnoughData, type HourObservation } from './reductions.ts';
import { seededRandom, stepWithHacSe } from './stats/linear.ts';

const COMPASS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];
const FIRST_DAY = Date.UTC(2016, 11, 1) / 86_400_000; // 2016-12-01
const firstHour = (day: number) => day * 24 - 8;

/** A normal draw (Box–Muller) from a seeded generator. */
const normal = (rand: () => number) => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

/**
 * Synthetic station-hours whose truth is known: PM2.5 rises under southerly wind and humid air and falls
 * with wind speed; the "after" days are windier and more northerly (weather alone makes them cleaner),
 * and a measure lowers every after-hour by `effect` µg/m³. Noise is autocorrelated (AR(1)) within days.
 */
function synthetic(seed: number, effect: number, days = 120, split = 60): HourObservation[] {
  const rand = seededRandom(seed);
  const out: HourObservation[] = [];
  let noise = 0;
  for (let d = 0; d < days; d++) {
    const after = d >= split;
    // Daily weather regime: after the split, northerly wind twice as often.
    const north = rand() < (after ? 0.7 : 0.35);
    const sector = north ? [0, 1, 14, 15][Math.floor(rand() * 4)]! : [6, 7, 8, 9, 10][Math.floor(rand() * 5)]!;
    const windBase = (north ? 3.5 : 1.5) + rand() * (after ? 2 : 1);
    const humidDay = rand() * 6 - 3;
    for (let h = 0; h < 24; h++) {
      const hour = firstHour(FIRST_DAY + d) + h;
      const temp = -3 + 6 * Math.sin(((h - 8) / 24) * 2 * Math.PI) + rand();
      const dewp = temp - 8 + humidDay + rand();
      const wspm = Math.max(0, windBase + normal(rand) * 0.5);
      const southerly = sector >= 6 && sector <= 10 ? 1 : 0;
      noise = 0.7 * noise + normal(rand) * 6;
      const y = 70 + 35 * southerly - 18 * Math.log1p(wspm) + 2.5 * (dewp + 11) + 8 * Math.sin((h / 24) * 2 * Math.PI) + (after ? effect : 0) + noise;
      out.push({ hour, y, temp, pres: 1020 + rand() * 5, dewp, rain: 0, wspm, wd: COMPASS[sector]! });
    }
  }
  return out;
}

const BEFORE: [number, number] = [FIRST_DAY, FIRST_DAY + 59];
const AFTER: [number, number] = [FIRST_DAY + 60, FIRST_DAY + 119];

describe('deweathering (meteorological normalisation)', () => {
  it('recovers a known −10 µg/m³ effect that the raw before/after difference overstates because the weather changed', () => {
    const r = deweather(synthetic(7, -10), { before: BEFORE, after: AFTER, bootstrap: 300 });
    // The weather alone made the after-period much cleaner: a method that ignored it would be far off.
    assert.ok(r.rawChange < -20, `raw change ${r.rawChange}`);
    assert.ok(Math.abs(r.change - -10) < 2.5, `deweathered change ${r.change}, truth −10`);
    assert.ok(r.ci95[0] < -10 && -10 < r.ci95[1], `interval ${r.ci95} must cover the truth`);
    assert.ok(r.ci95[1] < 0, `interval ${r.ci95} must exclude zero`);
    assert.ok(r.weatherEffect < -10, `weather effect ${r.weatherEffect}`);
    assert.equal(r.series.length, 120);
    assert.ok(r.r2 > 0.5);
    // The normalised level is flat within each period (no trend term for a 120-day window) and steps by the change.
    const first = r.series[0]!;
    const last = r.series.at(-1)!;
    assert.ok(Math.abs(last.normalised - first.normalised - r.change) < 1e-6);
  });

  it('finds no effect where there is none: 95 % intervals cover zero in most of 12 placebo data sets', () => {
    let covered = 0;
    for (let s = 0; s < 12; s++) {
      const r = deweather(synthetic(100 + s, 0), { before: BEFORE, after: AFTER, bootstrap: 200, seed: s });
      if (r.ci95[0] <= 0 && 0 <= r.ci95[1]) covered++;
    }
    assert.ok(covered >= 10, `covered ${covered} of 12`);
  });

  it('refuses a period with too few days of data, naming the counts', () => {
    const obs = synthetic(3, -10).filter((o) => localDay(o.hour) < FIRST_DAY + 64);
    assert.throws(() => deweather(obs, { before: BEFORE, after: AFTER }), (e: Error) => e instanceof NotEnoughData && /after: 4/.test(e.message));
  });

  it('skips hours without weather instead of guessing', () => {
    const obs = synthetic(11, -10).map((o, i) => (i % 5 === 0 ? { ...o, temp: null } : o));
    const r = deweather(obs, { before: BEFORE, after: AFTER, bootstrap: 100 });
    assert.equal(r.before.hours + r.after.hours, (120 * 24 * 4) / 5);
    assert.ok(Math.abs(r.change - -10) < 3, `change ${r.change}`);
  });
});

/** Daily means of a treated station and three controls sharing regional day-to-day swings. */
function panel(seed: number, effect: number) {
  const rand = seededRandom(seed);
  const treated = new Map<number, number>();
  const controls = new Map<string, Map<number, number>>([['A', new Map()], ['B', new Map()], ['C', new Map()]]);
  let regional = 0;
  for (let d = 0; d < 120; d++) {
    const day = FIRST_DAY + d;
    const after = d >= 60;
    // A regional episode pattern, worse on average after the split (+15): a plain before/after sees it.
    regional = 0.6 * regional + normal(rand) * 25;
    const common = 70 + regional + (after ? 15 : 0);
    treated.set(day, common + 12 + (after ? effect : 0) + normal(rand) * 5);
    let k = 0;
    for (const m of controls.values()) m.set(day, common - 5 + k++ * 4 + normal(rand) * 5);
  }
  return { treated, controls };
}

describe('difference in differences', () => {
  it('recovers a known −8 µg/m³ effect against control stations despite a regional rise', () => {
    const { treated, controls } = panel(5, -8);
    const r = differenceInDifferences(treated, controls, { before: BEFORE, after: AFTER });
    assert.ok(r.after.treated - r.before.treated > 0, 'the treated station alone got dirtier');
    assert.ok(Math.abs(r.estimate - -8) < 2.5, `estimate ${r.estimate}, truth −8`);
    assert.ok(r.ci95[0] < -8 && -8 < r.ci95[1], `interval ${r.ci95}`);
    assert.ok(r.ci95[1] < 0, `interval ${r.ci95} must exclude zero`);
    assert.deepEqual(r.controls, ['A', 'B', 'C']);
    assert.equal(r.series.length, 120);
    assert.ok(r.preTrend && Math.abs(r.preTrend.perMonth) < 3 * r.preTrend.se + 1);
  });

  it('keeps its nominal coverage on 40 placebo panels', () => {
    let covered = 0;
    for (let s = 0; s < 40; s++) {
      const { treated, controls } = panel(1000 + s, 0);
      const r = differenceInDifferences(treated, controls, { before: BEFORE, after: AFTER });
      if (r.ci95[0] <= 0 && 0 <= r.ci95[1]) covered++;
    }
    assert.ok(covered >= 34, `covered ${covered} of 40`);
  });

  it('uses only days where the station and every control have a daily mean', () => {
    const { treated, controls } = panel(9, -8);
    controls.get('B')!.delete(FIRST_DAY + 3);
    treated.delete(FIRST_DAY + 70);
    const r = differenceInDifferences(treated, controls, { before: BEFORE, after: AFTER });
    assert.equal(r.before.days, 59);
    assert.equal(r.after.days, 59);
  });
});

describe('statistics helpers', () => {
  it('the Newey–West step equals the difference of means, and widens for autocorrelated series', () => {
    const rand = seededRandom(1);
    const iid = Array.from({ length: 200 }, () => normal(rand));
    let a = 0;
    const ar = Array.from({ length: 200 }, () => (a = 0.8 * a + normal(rand)));
    const post = Array.from({ length: 200 }, (_, i) => i >= 100);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const r = stepWithHacSe(iid, post);
    assert.ok(Math.abs(r.estimate - (mean(iid.slice(100)) - mean(iid.slice(0, 100)))) < 1e-12);
    // For white noise the HAC error is close to the textbook √(σ²/n₁ + σ²/n₀) ≈ 0.141.
    assert.ok(r.se > 0.1 && r.se < 0.18, `se ${r.se}`);
    assert.ok(stepWithHacSe(ar, post, 10).se > 1.8 * stepWithHacSe(ar, post, 0).se);
  });

  it('daily means need 20 valid hours (HJ 663)', () => {
    const hours = Array.from({ length: 24 }, (_, h) => ({ hour: firstHour(FIRST_DAY) + h, y: h < 19 ? 10 : null }));
    assert.equal(dailyMeans(hours).size, 0);
    hours[19]!.y = 30;
    assert.deepEqual([...dailyMeans(hours)], [[FIRST_DAY, 11]]);
  });
});
