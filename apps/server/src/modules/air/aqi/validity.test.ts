import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyReport, dailyReport } from './aqi.ts';
import { dayInputFromRows, type DayHours, type HourlyRow } from './day-input.ts';
import {
  dailyMean,
  dailyValues,
  mda8,
  o3EightHourMeans,
  o3Max1h,
  realtimeConcentrations,
  twentyFourHourMeans,
} from './validity.ts';

/** 24 hours of one value. */
const flat = (v: number): (number | null)[] => Array.from({ length: 24 }, () => v);
/** `hours` with the given hour indices set to null. */
const without = (hours: readonly (number | null)[], ...missing: number[]): (number | null)[] =>
  hours.map((v, h) => (missing.includes(h) ? null : v));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('24-hour mean (≥ 20 valid hours)', () => {
  it('is valid with 20 hours and not with 19', () => {
    assert.equal(dailyMean('pm25', without(flat(35), ...range(20, 24))), 35);
    assert.equal(dailyMean('pm25', without(flat(35), ...range(19, 24))), null);
  });

  it('averages only the valid hours; a missing hour is not a zero', () => {
    const hours = without(flat(40), 0, 1, 2, 3);
    assert.equal(dailyMean('pm25', hours), 40);
  });

  it('rounds the exact mean half to even: whole µg/m³, CO to 0.1 mg/m³', () => {
    assert.equal(dailyMean('pm25', [...Array(12).fill(60), ...Array(12).fill(61)]), 60); // 60.5 → 60
    assert.equal(dailyMean('pm25', [...Array(12).fill(61), ...Array(12).fill(62)]), 62); // 61.5 → 62
    // Summed in doubles these CO hours average 1.4500000000000002; exactly they average 1.45 → 1.4.
    assert.equal(dailyMean('co', Array.from({ length: 24 }, (_, h) => [2.2, 1.7, 0.8, 1.1][h % 4]!)), 1.4);
  });

  it('refuses a day that is not 24 hours or holds an invalid number', () => {
    assert.throws(() => dailyMean('pm25', flat(1).slice(1)), RangeError);
    assert.throws(() => dailyMean('pm25', [...flat(1).slice(1), -3]), RangeError);
    assert.throws(() => dailyMean('pm25', [...flat(1).slice(1), Number.NaN]), RangeError);
  });
});

describe('O3 8-hour moving mean (≥ 6 valid hours in the window)', () => {
  it('is valid with 6 of 8 hours and not with 5', () => {
    // The window ending 24:00 is hours 16–23.
    assert.equal(o3EightHourMeans({ today: { o3: without(flat(100), 22, 23) } })[23], 100);
    assert.equal(o3EightHourMeans({ today: { o3: without(flat(100), 21, 22, 23) } })[23], null);
  });

  it("reaches into the previous day's hours for windows ending 01:00–07:00", () => {
    const today = flat(100);
    const previousDay = flat(60);
    const means = o3EightHourMeans({ today: { o3: today }, previousDay: { o3: previousDay } });
    assert.equal(means[0], 65); // 7 hours of 60 and one of 100
    assert.equal(means[6], 95); // one hour of 60 and 7 of 100
    assert.equal(means[7], 100); // window ending 08:00: today only
    // Without the previous day those hours count as missing: window ending 06:00 has 6 valid hours, 05:00 has 5.
    const alone = o3EightHourMeans({ today: { o3: today } });
    assert.equal(alone[5], 100);
    assert.equal(alone[4], null);
  });
});

describe('O3 daily maximum 8-hour mean (MDA8)', () => {
  const rising = range(0, 24).map((h) => 10 * h); // 0, 10, … 230

  it('takes the largest of the 17 windows ending 08:00–24:00', () => {
    const r = mda8({ today: { o3: rising } });
    assert.deepEqual(r, { value: 195, validWindows: 17, windows: 17 }); // mean of 160 … 230
  });

  it('is valid with 14 valid windows and not with 13', () => {
    // Missing hours 0–4 invalidate the windows ending 08:00, 09:00 and 10:00 (fewer than 6 valid hours): 14 left.
    const fourteen = mda8({ today: { o3: without(flat(120), ...range(0, 5)) } });
    assert.deepEqual(fourteen, { value: 120, validWindows: 14, windows: 17 });
    // One more missing hour invalidates the window ending 11:00 as well: 13 left.
    const thirteen = mda8({ today: { o3: without(flat(120), ...range(0, 6)) } });
    assert.deepEqual(thirteen, { value: null, validWindows: 13, windows: 17 });
  });

  it('ignores the previous day by default, and can include windows that reach into it when asked', () => {
    const day = { today: { o3: flat(50) }, previousDay: { o3: flat(200) } };
    assert.equal(mda8(day).value, 50);
    const wider = mda8(day, { firstWindowEnd: 1 });
    assert.equal(wider.windows, 24);
    assert.equal(wider.value, 181); // window ending 01:00: 7 × 200 + 50 = 1450 / 8 = 181.25
  });
});

describe('O3 daily maximum 1-hour value', () => {
  it('is the highest valid hour, given at least 20 valid hours', () => {
    assert.equal(o3Max1h([...flat(100).slice(1), 250]), 250);
    assert.equal(o3Max1h(without([...flat(100).slice(1), 250], ...range(0, 4))), 250);
    assert.equal(o3Max1h(without([...flat(100).slice(1), 250], ...range(0, 5))), null);
  });
});

describe('daily values of a day', () => {
  const full = {
    pm25: flat(80),
    pm10: flat(100),
    so2: flat(10),
    no2: flat(50),
    co: flat(1),
    o3: range(0, 24).map((h) => (h >= 12 && h < 20 ? 120 : 60)),
  };

  it('gives the daily report its inputs and marks a day with six valid pollutants complete', () => {
    const d = dailyValues({ today: full });
    assert.deepEqual(d.values, { pm25: 80, pm10: 100, so2: 10, no2: 50, co: 1, o3_1h: 120, o3_8h: 120 });
    assert.equal(d.complete, true);
    assert.equal(d.o3ValidWindows, 17);
    assert.equal(dailyReport(d.values, { date: '2025-07-01' }).aqi, 107);
  });

  it('leaves an invalid pollutant null and the day incomplete', () => {
    const d = dailyValues({ today: { ...full, no2: without(full.no2, ...range(0, 5)) } });
    assert.equal(d.values.no2, null);
    assert.equal(d.validHours.no2, 19);
    assert.equal(d.complete, false);
  });

  it('treats a pollutant with no data at all as missing', () => {
    const { co: _co, ...rest } = full;
    const d = dailyValues({ today: rest });
    assert.equal(d.values.co, null);
    assert.equal(d.validHours.co, 0);
    assert.equal(d.complete, false);
  });
});

describe('real-time indicators', () => {
  const today = { pm25: flat(80), pm10: flat(100), so2: without(flat(30), 14), no2: flat(50), co: flat(1), o3: flat(120) };
  const previousDay = { pm25: flat(40), pm10: flat(100), so2: flat(30), no2: flat(50), co: flat(1), o3: flat(120) };

  it('gives the six 1-hour values and the moving means ending with the hour', () => {
    const r = realtimeConcentrations({ today, previousDay }, 11);
    assert.equal(r.pm25, 80);
    assert.equal(r.pm25_24h, 60); // 12 hours of 40, 12 of 80
    assert.equal(r.o3_8h, 120);
    assert.equal(twentyFourHourMeans({ today, previousDay }, 'pm25')[23], 80);
  });

  it('feeds the SO2 24-hour moving mean to the > 800 rule', () => {
    const spike = { ...today, so2: today.so2.map((v, h) => (h === 10 ? 900 : v)) };
    const r = realtimeConcentrations({ today: spike, previousDay }, 10);
    assert.equal(r.so2, 900);
    assert.equal(r.so2_24h, 66); // (23 × 30 + 900) / 24 = 66.25; the gap at hour 14 is later than the window
    const report = hourlyReport(r, { standard: 'HJ633-2012' });
    assert.equal(report.iaqi.so2.basis, 'substituted-so2-24h');
    assert.equal(report.iaqi.so2.value, 58);
  });

  it('keeps a missing hour missing', () => {
    assert.equal(realtimeConcentrations({ today, previousDay }, 14).so2, null);
    assert.throws(() => realtimeConcentrations({ today }, 24), RangeError);
  });
});

describe('hourly rows → day input', () => {
  const at = (iso: string, values: HourlyRow['values']): HourlyRow => ({ hourStart: new Date(iso), values });

  it('buckets rows by Beijing local hour, for the day and the day before', () => {
    const day = dayInputFromRows(
      [
        at('2026-02-28T16:00:00Z', { pm25: 50 }), // 2026-03-01 00:00 Beijing
        at('2026-03-01T15:00:00Z', { pm25: 70, o3: 90 }), // 23:00 Beijing
        at('2026-02-28T15:00:00Z', { pm25: 30 }), // 2026-02-28 23:00 Beijing: previous day
        at('2026-03-01T16:00:00Z', { pm25: 999 }), // 2026-03-02: ignored
      ],
      '2026-03-01',
    );
    const today = day.today.pm25 as DayHours;
    assert.equal(today[0], 50);
    assert.equal(today[23], 70);
    assert.equal(today[1], null);
    assert.equal((day.today.o3 as DayHours)[23], 90);
    assert.equal((day.previousDay?.pm25 as DayHours)[23], 30);
    assert.equal(today.filter((v) => v !== null).length, 2);
  });

  it('refuses duplicate hours and instants that are not whole hours', () => {
    assert.throws(() => dayInputFromRows([at('2026-03-01T01:00:00Z', { pm25: 1 }), at('2026-03-01T01:00:00Z', { pm25: 2 })], '2026-03-01'), RangeError);
    assert.throws(() => dayInputFromRows([at('2026-03-01T01:30:00Z', { pm25: 1 })], '2026-03-01'), RangeError);
  });
});
