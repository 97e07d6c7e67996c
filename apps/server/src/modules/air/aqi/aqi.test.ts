import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dailyReport, exceedancePollutants, hourlyReport, primaryPollutants, resolveStandard, type DailyConcentrations } from './aqi.ts';
import { AQI_CATEGORIES, aqiCategory } from './categories.ts';

/** The reference's whole-day example (§1.7), without an O3 1-hour maximum unless given. */
const day = (overrides: Partial<DailyConcentrations> = {}): DailyConcentrations => ({
  pm25: 80,
  pm10: 100,
  so2: 10,
  no2: 50,
  co: 1.0,
  o3_8h: 120,
  o3_1h: null,
  ...overrides,
});

const iaqiValues = (r: { iaqi: Record<string, { value: number | null }> }) =>
  Object.fromEntries(Object.entries(r.iaqi).map(([k, e]) => [k, e.value]));

describe('daily report: the whole-day example (reference §1.7)', () => {
  it('gives AQI 107, lightly polluted, orange, with PM2.5 primary and exceeding under HJ 633-2012', () => {
    const r = dailyReport(day(), { standard: 'HJ633-2012' });
    assert.deepEqual(iaqiValues(r), { pm25: 107, pm10: 75, so2: 10, no2: 63, co: 25, o3_1h: null, o3_8h: 67 });
    assert.equal(r.aqi, 107);
    assert.equal(r.category?.level, 3);
    assert.equal(r.category?.name.zh, '轻度污染');
    assert.equal(r.category?.hex, '#FF7E00');
    assert.deepEqual(r.primaryPollutants, ['pm25']);
    assert.deepEqual(r.exceedancePollutants, ['pm25']);
    assert.equal(r.exceedanceDefined, true);
    assert.equal(r.complete, false, 'no O3 1-hour maximum was given');
  });

  it('gives AQI 119 (PM2.5 119, PM10 86) for the same day under HJ 633-2026', () => {
    const r = dailyReport(day(), { standard: 'HJ633-2026' });
    assert.equal(r.iaqi.pm25.value, 119);
    assert.equal(r.iaqi.pm10.value, 86);
    assert.equal(r.aqi, 119);
    assert.equal(r.exceedanceDefined, false, 'HJ 633-2026 reportedly dropped 超标污染物');
    assert.deepEqual(r.exceedancePollutants, ['pm25'], 'still computed, for continuity');
  });

  it('includes the O3 daily maximum 1-hour value in the daily AQI', () => {
    const r = dailyReport(day({ o3_1h: 250 }), { standard: 'HJ633-2012' });
    assert.equal(r.iaqi.o3_1h.value, 125);
    assert.equal(r.aqi, 125);
    assert.deepEqual(r.primaryPollutants, ['o3_1h']);
    assert.equal(r.complete, true);
  });

  it('chooses the standard by the measurement date, switching on 2026-03-01', () => {
    assert.equal(dailyReport(day(), { date: '2026-02-28' }).aqi, 107);
    assert.equal(dailyReport(day(), { date: '2026-03-01' }).aqi, 119);
    assert.equal(resolveStandard({ date: '2026-03-01' }), 'HJ633-2026');
  });

  it('rates a PM2.5 day of 70 µg/m³ good under 2012 and lightly polluted under 2026', () => {
    const only = day({ pm25: 70, pm10: 0, so2: 0, no2: 0, co: 0, o3_8h: 0 });
    assert.equal(dailyReport(only, { standard: 'HJ633-2012' }).category?.key, 'good');
    assert.equal(dailyReport(only, { standard: 'HJ633-2026' }).category?.key, 'lightly-polluted');
  });
});

describe('primary and exceedance pollutants', () => {
  it('lists every tied pollutant as primary, and none as exceeding at exactly 100 (reference §1.7)', () => {
    const r = dailyReport(day({ pm25: 75, pm10: 150, no2: 10, o3_8h: 50 }), { standard: 'HJ633-2012' });
    assert.equal(r.aqi, 100);
    assert.equal(r.category?.name.zh, '良');
    assert.deepEqual(r.primaryPollutants, ['pm25', 'pm10']);
    assert.deepEqual(r.exceedancePollutants, []);
  });

  it('names no primary pollutant at AQI 50 or below, and one at 51', () => {
    assert.deepEqual(dailyReport(day({ pm25: 35, pm10: 10, no2: 10, o3_8h: 50 }), { standard: 'HJ633-2012' }).primaryPollutants, []);
    assert.deepEqual(dailyReport(day({ pm25: 36, pm10: 10, no2: 10, o3_8h: 50 }), { standard: 'HJ633-2012' }).primaryPollutants, [
      'pm25',
    ]);
  });

  it('lists several exceeding pollutants in key order', () => {
    assert.deepEqual(exceedancePollutants({ pm25: 150, pm10: 101, so2: 100, o3_8h: 180 }), ['pm25', 'pm10', 'o3_8h']);
    assert.deepEqual(primaryPollutants({ pm25: 150, pm10: 101, o3_8h: 150 }), ['pm25', 'o3_8h']);
    assert.deepEqual(primaryPollutants({ pm25: null, pm10: null }), []);
  });
});

describe('AQI categories (HJ 633 Table 2, Appendix A colours)', () => {
  const boundaries: [number, number][] = [
    [0, 1],
    [50, 1],
    [51, 2],
    [100, 2],
    [101, 3],
    [150, 3],
    [151, 4],
    [200, 4],
    [201, 5],
    [300, 5],
    [301, 6],
    [500, 6],
  ];
  for (const [aqi, level] of boundaries) it(`AQI ${aqi} is level ${level}`, () => assert.equal(aqiCategory(aqi).level, level));

  it('places a fractional AQI as its ceiling would be', () => {
    assert.equal(aqiCategory(50.2).level, 2);
  });

  it('carries the official colours, with the Chinese level-5 purple', () => {
    assert.deepEqual(
      AQI_CATEGORIES.map((c) => c.hex),
      ['#00E400', '#FFFF00', '#FF7E00', '#FF0000', '#99004C', '#7E0023'],
    );
    assert.deepEqual(
      AQI_CATEGORIES.map((c) => c.name.zh),
      ['优', '良', '轻度污染', '中度污染', '重度污染', '严重污染'],
    );
    assert.deepEqual(
      AQI_CATEGORIES.map((c) => c.name.en),
      ['Excellent', 'Good', 'Lightly polluted', 'Moderately polluted', 'Heavily polluted', 'Severely polluted'],
    );
    for (const c of AQI_CATEGORIES) {
      assert.ok(c.healthEffects.zh && c.healthEffects.en && c.measures.zh && c.measures.en, `level ${c.level} texts`);
      const hex = `#${c.rgb.map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
      assert.equal(hex, c.hex, `level ${c.level} RGB matches hex`);
    }
  });

  it('refuses negative or non-finite AQI', () => {
    assert.throws(() => aqiCategory(-1), RangeError);
    assert.throws(() => aqiCategory(Number.NaN), RangeError);
  });
});

describe('daily report: O3 8 h above 800', () => {
  const smog = day({ o3_8h: 900, o3_1h: 1000 });

  it('reports the O3 1 h IAQI for the 8 h indicator under HJ 633-2012, so both O3 keys are primary', () => {
    const r = dailyReport(smog, { standard: 'HJ633-2012' });
    assert.equal(r.iaqi.o3_8h.value, 400);
    assert.equal(r.iaqi.o3_8h.basis, 'substituted-o3-1h');
    assert.equal(r.aqi, 400);
    assert.deepEqual(r.primaryPollutants, ['o3_1h', 'o3_8h']);
  });

  it('reports 300 for the 8 h indicator under HJ 633-2026', () => {
    const r = dailyReport(smog, { standard: 'HJ633-2026' });
    assert.equal(r.iaqi.o3_8h.value, 300);
    assert.equal(r.aqi, 400, 'the O3 1 h IAQI still counts');
  });

  it('leaves the 8 h IAQI unknown, visibly, when the 1 h maximum is missing under HJ 633-2012', () => {
    const r = dailyReport(day({ o3_8h: 900 }), { standard: 'HJ633-2012' });
    assert.equal(r.iaqi.o3_8h.value, null);
    assert.equal(r.iaqi.o3_8h.basis, 'substitute-missing');
    assert.equal(r.complete, false);
  });
});

describe('hourly (real-time) report', () => {
  const hour = { pm25: 80, pm10: 100, so2: 10, no2: 50, co: 1.0, o3: 120 };

  it('uses the 1 h columns for gases and the 24 h column for PM', () => {
    const r = hourlyReport(hour, { standard: 'HJ633-2012' });
    assert.deepEqual(iaqiValues(r), { pm25: 107, pm10: 75, so2: 4, no2: 25, co: 10, o3: 38 });
    assert.equal(r.aqi, 107);
    assert.equal(r.complete, true);
  });

  it('HJ 633-2012: indexes SO2 1 h = 900 by its 24 h moving mean (reference §1.7)', () => {
    const r = hourlyReport({ ...hour, so2: 900, so2_24h: 300 }, { standard: 'HJ633-2012' });
    assert.equal(r.iaqi.so2.value, 124);
    assert.equal(r.iaqi.so2.basis, 'substituted-so2-24h');
    assert.equal(r.aqi, 124);
    assert.deepEqual(r.primaryPollutants, ['so2']);
  });

  it('HJ 633-2026: indexes SO2 1 h = 900 as 200', () => {
    const r = hourlyReport({ ...hour, so2: 900, so2_24h: 300 }, { date: '2026-03-01' });
    assert.equal(r.iaqi.so2.value, 200);
    assert.equal(r.aqi, 200);
  });

  it('keeps missing pollutants out of the AQI and marks the report incomplete', () => {
    const r = hourlyReport({ ...hour, pm25: null, pm10: null }, { standard: 'HJ633-2012' });
    assert.equal(r.iaqi.pm25.value, null);
    assert.equal(r.aqi, 38);
    assert.equal(r.complete, false);
    const none = hourlyReport({ pm25: null, pm10: null, so2: null, no2: null, co: null, o3: null }, { standard: 'HJ633-2012' });
    assert.equal(none.aqi, null);
    assert.equal(none.category, null);
    assert.deepEqual(none.primaryPollutants, []);
  });

  it('flags heavy pollution above 200 and values beyond the index', () => {
    const r = hourlyReport({ ...hour, pm25: 600 }, { standard: 'HJ633-2012' });
    assert.equal(r.aqi, 500);
    assert.equal(r.beyondIndex, true);
    assert.equal(r.heavyPollution, true);
    assert.equal(hourlyReport({ ...hour, pm25: 150 }, { standard: 'HJ633-2012' }).heavyPollution, false, 'AQI 200 is not > 200');
  });
});
