import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changePercent, meanHalfEven, type DailyConcentrations } from './aqi/index.ts';
import { areaDays, addMonths, monthSpan, type DeviceDays } from './area-days.ts';
import { assessArea, goodDayNote } from './assessment.ts';
import { DAY_MS } from './hour-grid.ts';
import { competitionRanks, monthlyFigure, monthlyMinValidDays, yoyChange } from './rankings.ts';

const day = (v: Partial<DailyConcentrations>): DailyConcentrations => ({ pm25: null, pm10: null, so2: null, no2: null, co: null, o3_1h: null, o3_8h: null, ...v });

describe('competition ranks', () => {
  it('gives ties the same rank and skips the ranks they used up (1, 1, 3)', () => {
    assert.deepEqual(competitionRanks([30, 30, 31]), [1, 1, 3]);
    assert.deepEqual(competitionRanks([40.1, 38.0, 40.1, null, 52.3]), [2, 1, 2, null, 4]);
    assert.deepEqual(competitionRanks([5, 5, 5]), [1, 1, 1]);
    assert.deepEqual(competitionRanks([-12.5, 3.1, -12.5, -20]), [2, 4, 2, 1]);
  });

  it('leaves places without a figure unranked and ranks nothing in an empty list', () => {
    assert.deepEqual(competitionRanks([null, null]), [null, null]);
    assert.deepEqual(competitionRanks([]), []);
  });
});

describe('monthly figures and the year-on-year change', () => {
  it('takes the mean of the valid daily values to 0.1 µg/m³, rounding half to even', () => {
    const daily = [...Array(28).fill(40), 41, 41, null] as (number | null)[];
    // (28·40 + 2·41) / 30 = 40.0666… → 40.1
    assert.deepEqual(monthlyFigure(daily, '2016-01'), { value: 40.1, validDays: 30, coverageMet: true });
    // 40.25 and 40.35 are ties at 0.1: to the even neighbour, 40.2 and 40.4
    assert.equal(meanHalfEven([40, 40.5], 1), 40.2);
    assert.equal(meanHalfEven([40.2, 40.3], 1), 40.2);
    assert.equal(meanHalfEven([40.3, 40.4], 1), 40.4);
  });

  it('needs 27 valid days in a month, 25 in February (HJ 663)', () => {
    assert.equal(monthlyMinValidDays('2016-01'), 27);
    assert.equal(monthlyMinValidDays('2016-02'), 25);
    assert.equal(monthlyFigure(Array(26).fill(50), '2016-03').coverageMet, false);
    assert.equal(monthlyFigure(Array(25).fill(50), '2016-02').coverageMet, true);
    assert.equal(monthlyFigure([], '2016-02').value, null);
  });

  it('computes YoY as (this − last year) / last year in percent to 0.1, only when both months are covered', () => {
    assert.equal(yoyChange({ value: 36, coverageMet: true }, { value: 40, coverageMet: true }), -10);
    assert.equal(yoyChange({ value: 50, coverageMet: true }, { value: 40, coverageMet: true }), 25);
    // (40.1 − 41.3) / 41.3 = −2.9055…% → −2.9
    assert.equal(yoyChange({ value: 40.1, coverageMet: true }, { value: 41.3, coverageMet: true }), -2.9);
    assert.equal(yoyChange({ value: 36, coverageMet: true }, { value: 40, coverageMet: false }), null);
    assert.equal(yoyChange({ value: null, coverageMet: true }, { value: 40, coverageMet: true }), null);
  });

  it('rounds a YoY tie at 0.05 % to the even neighbour and computes it exactly', () => {
    // (40.0005 − 40) / 40 = 0.00125 % → 0.0 (half-even at 0.1 of 0.00125 is 0.0); (10.5 − 10) / 10 = 5 %
    assert.equal(changePercent(40.0005, 40), 0);
    assert.equal(changePercent(10.5, 10), 5);
    // (0.3 − 0.1) / 0.1 = 200 % exactly, where floating point gives 199.99999999999997
    assert.equal(changePercent(0.3, 0.1), 200);
    // 1/8 = 12.5 % exactly at 0 decimals goes to 12
    assert.equal(changePercent(9, 8, 0), 12);
    assert.equal(changePercent(10, 0), null);
  });

  it('ranks YoY with the largest fall first, ties sharing a rank', () => {
    assert.deepEqual(competitionRanks([-10, 25, -25, -10]), [2, 4, 1, 2]);
  });

  it('walks months across year ends', () => {
    assert.equal(addMonths('2016-01', -12), '2015-01');
    assert.equal(addMonths('2016-12', 1), '2017-01');
    assert.equal(addMonths('2016-03', -1), '2016-02');
    const feb = monthSpan('2016-02');
    assert.equal(feb.hi - feb.lo + 1, 29);
    assert.equal(new Date(feb.lo * DAY_MS).toISOString().slice(0, 10), '2016-02-01');
  });
});

describe('area daily values', () => {
  const station = (values: (number | null)[]): DeviceDays => ({ device: {} as DeviceDays['device'], days: values.map((v) => day({ pm25: v, co: v === null ? null : v / 100 })) });

  it('averages the stations with a valid value, GB/T 8170-rounded like a daily value', () => {
    const days = areaDays([station([40, 41, null]), station([50, 42, null]), station([null, 42, null])], 3);
    assert.deepEqual(days.map((d) => d.pm25), [45, 42, null]); // (41 + 42 + 42) / 3 = 41.67 → 42
    assert.deepEqual(days.map((d) => d.co), [0.4, 0.4, null]); // (0.4 + 0.5) / 2 = 0.45 → 0.4 (half-even)
  });
});

describe('annual assessment of an area', () => {
  const firstDay = Date.UTC(2016, 0, 1) / DAY_MS;

  it('gives the GB 3095 percentiles of the daily values (P95 of 10…100 is 95.5) and the valid-day counts', () => {
    const days = Array.from({ length: 366 }, (_, i) => day(i < 10 ? { pm25: (i + 1) * 10, so2: (i + 1) * 10 } : {}));
    const a = assessArea(2016, firstDay, days, 2);
    assert.equal(a.stations, 2);
    assert.deepEqual(a.pollutants.pm25.percentile, { p: 95, value: 95.5, reported: '95.5' });
    assert.deepEqual(a.pollutants.so2.percentile, { p: 98, value: 98.2, reported: '98' });
    assert.equal(a.pollutants.pm25.validDays, 10);
    assert.equal(a.pollutants.pm25.coverageMet, false);
    assert.equal(a.pollutants.pm25.meanReported, '55.0');
    assert.equal(a.days.ratedDays, 0, 'a day is rated only with all six daily values');
  });

  it('counts good days on the standard of each date and says when a year mixes HJ 633-2012 and 2026', () => {
    const first2026 = Date.UTC(2026, 0, 1) / DAY_MS;
    // PM2.5 70 µg/m³ every day: 良 (IAQI 93) under 2012, 轻度污染 (IAQI 115+) under 2026.
    const days = Array.from({ length: 365 }, () => day({ pm25: 70, pm10: 50, so2: 5, no2: 20, co: 0.5, o3_1h: 60, o3_8h: 50 }));
    const a = assessArea(2026, first2026, days, 1);
    // January and February (59 days) under 2012 are good; from 1 March, under 2026, they are not.
    assert.equal(a.days.ratedDays, 365);
    assert.equal(a.days.goodDays, 59);
    assert.equal(a.days.mixedStandards, true);
    assert.deepEqual(a.days.standardsUsed, ['HJ633-2012', 'HJ633-2026']);
    assert.match(goodDayNote(a.days.standardsUsed, undefined)!.en, /two standards/);
    const one = assessArea(2026, first2026, days, 1, 'HJ633-2012');
    assert.equal(one.days.goodDays, 365);
    assert.equal(goodDayNote(one.days.standardsUsed, 'HJ633-2012'), null);
    assert.equal(goodDayNote(['HJ633-2012'], undefined), null);
    assert.match(goodDayNote(['HJ633-2026'], undefined)!['zh-CN'], /不可比/);
  });
});
