import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { annualAssessment, goodDayCountsComparable, percentile, type DailyRecord } from './annual.ts';
import { addDays } from './calendar.ts';

/** A clean day: AQI 50 (优) on either standard. */
const CLEAN = { pm25: 30, pm10: 50, so2: 5, no2: 30, co: 0.8, o3_8h: 100, o3_1h: 140 } as const;

/** Every date of a year, each as a record built by `make` (null leaves the day out). */
function year(y: number, make: (date: string, i: number) => Partial<DailyRecord> | null = () => ({})): DailyRecord[] {
  const out: DailyRecord[] = [];
  for (let i = 0, d = `${y}-01-01`; d.startsWith(String(y)); i++, d = addDays(d, 1)) {
    const extra = make(d, i);
    if (extra) out.push({ ...CLEAN, ...extra, date: d });
  }
  return out;
}

const month = (date: string) => Number(date.slice(5, 7));
const dayOfMonth = (date: string) => Number(date.slice(8, 10));

describe('HJ 663 percentile', () => {
  const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('matches the reference vectors for n = 10 (§2.6)', () => {
    assert.equal(percentile(tens, 95), 95.5);
    assert.equal(percentile(tens, 90), 91);
    assert.equal(percentile(tens, 98), 98.2);
  });

  it('places k at 346.8, 328.6 and 357.72 for n = 365', () => {
    const ranks = Array.from({ length: 365 }, (_, i) => i + 1); // X(i) = i, so P = k
    assert.equal(percentile(ranks, 95), 346.8);
    assert.equal(percentile(ranks, 90), 328.6);
    assert.equal(percentile(ranks, 98), 357.72);
  });

  it('sorts its input, handles the ends and a single value, and stays exact', () => {
    assert.equal(percentile([100, 10, 50], 50), 50);
    assert.equal(percentile(tens, 0), 10);
    assert.equal(percentile(tens, 100), 100);
    assert.equal(percentile([42], 95), 42);
    assert.equal(percentile([0.1, 0.2, 0.3], 75), 0.25);
    assert.equal(percentile([], 95), null);
  });

  it('refuses a percentile outside 0–100', () => {
    assert.throws(() => percentile(tens, 101), RangeError);
    assert.throws(() => percentile(tens, Number.NaN), RangeError);
  });
});

describe('annual coverage (≥ 324 days, ≥ 27 a month, ≥ 25 in February)', () => {
  it('is met by a full year', () => {
    const a = annualAssessment(2025, year(2025));
    assert.equal(a.pollutants.pm25.validDays, 365);
    assert.equal(a.pollutants.pm25.coverageMet, true);
    assert.deepEqual(a.pollutants.pm25.validDaysByMonth, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('needs 324 days even when every month has its minimum', () => {
    // 27 days in every month, 25 in February, is 322; January makes up the rest.
    const keep = (extraJanuary: number) => (d: string) => {
      const limit = month(d) === 2 ? 25 : month(d) === 1 ? 27 + extraJanuary : 27;
      return dayOfMonth(d) <= limit ? {} : null;
    };
    assert.equal(annualAssessment(2025, year(2025, keep(2))).pollutants.pm25.coverageMet, true);
    assert.equal(annualAssessment(2025, year(2025, keep(2))).pollutants.pm25.validDays, 324);
    assert.equal(annualAssessment(2025, year(2025, keep(1))).pollutants.pm25.coverageMet, false);
  });

  it('fails a month below 27 valid days, however full the year', () => {
    const january = (valid: number) => (d: string) => (month(d) === 1 && dayOfMonth(d) > valid ? { pm25: null } : {});
    assert.equal(annualAssessment(2025, year(2025, january(27))).pollutants.pm25.coverageMet, true);
    const short = annualAssessment(2025, year(2025, january(26)));
    assert.equal(short.pollutants.pm25.validDays, 360);
    assert.equal(short.pollutants.pm25.coverageMet, false);
    assert.equal(short.pollutants.pm10.coverageMet, true, 'coverage is per pollutant');
  });

  it('accepts 25 valid days in February but not 24, in a leap year too', () => {
    const february = (valid: number) => (d: string) => (month(d) === 2 && dayOfMonth(d) > valid ? { o3_8h: null } : {});
    assert.equal(annualAssessment(2024, year(2024, february(25))).pollutants.o3.coverageMet, true);
    assert.equal(annualAssessment(2024, year(2024, february(24))).pollutants.o3.coverageMet, false);
  });
});

describe('annual statistics', () => {
  it('gives means and the GB 3095 percentiles per pollutant', () => {
    const a = annualAssessment(2025, year(2025, (_, i) => ({ pm25: i % 2 === 0 ? 26 : 28, co: 1 + (i % 10) / 10 })));
    assert.equal(a.pollutants.pm25.percentile.p, 95);
    assert.equal(a.pollutants.so2.percentile.p, 98);
    assert.equal(a.pollutants.no2.percentile.p, 98);
    assert.equal(a.pollutants.pm10.percentile.p, 95);
    assert.equal(a.pollutants.co.percentile.p, 95);
    assert.equal(a.pollutants.o3.percentile.p, 90);
    assert.equal(a.pollutants.pm25.meanReported, '27.0'); // 183 × 26 + 182 × 28 over 365 = 26.997…
    assert.equal(a.pollutants.pm25.percentile.value, 28);
    assert.equal(a.pollutants.co.percentile.reported, '1.9');
    assert.equal(a.pollutants.o3.mean, 100, 'O3 statistics are over MDA8');
  });

  it('gives null statistics, not zeros, for a pollutant with no valid day', () => {
    const a = annualAssessment(2025, year(2025, () => ({ so2: null })));
    assert.equal(a.pollutants.so2.mean, null);
    assert.equal(a.pollutants.so2.percentile.value, null);
    assert.equal(a.pollutants.so2.validDays, 0);
  });

  it('refuses records outside the year or twice for a day', () => {
    assert.throws(() => annualAssessment(2025, [{ ...CLEAN, date: '2024-12-31' }]), RangeError);
    assert.throws(() => annualAssessment(2025, [{ ...CLEAN, date: '2025-01-01' }, { ...CLEAN, date: '2025-01-01' }]), RangeError);
  });
});

describe('good days (优良天数)', () => {
  it('counts days with AQI ≤ 100 among the days with all six pollutants valid', () => {
    const a = annualAssessment(
      2025,
      year(2025, (_, i) => {
        if (i < 10) return { pm25: 160 }; // AQI 210: heavily polluted
        if (i < 20) return { pm25: 76 }; // AQI 102: lightly polluted
        if (i < 25) return { pm25: 75 }; // AQI 100: still good
        if (i < 30) return { no2: null }; // not rated
        return {};
      }),
    );
    assert.equal(a.days.ratedDays, 360);
    assert.equal(a.days.goodDays, 340);
    assert.equal(a.days.goodDayShare, 340 / 360);
    assert.equal(a.days.heavyPollutionDays, 10);
    assert.deepEqual(a.days.daysByLevel, [335, 5, 10, 0, 10, 0]);
    assert.deepEqual(a.days.standardsUsed, ['HJ633-2012']);
    assert.equal(a.days.mixedStandards, false);
  });

  it('flags 2026 as rated on two standards, and rates it on one when asked', () => {
    const hazy = (y: number) => year(y, () => ({ pm25: 70 })); // 良 under 2012, 轻度污染 under 2026
    const mixed = annualAssessment(2026, hazy(2026));
    assert.equal(mixed.days.goodDays, 59, 'January and February only');
    assert.deepEqual(mixed.days.standardsUsed, ['HJ633-2012', 'HJ633-2026']);
    assert.equal(mixed.days.mixedStandards, true);
    const single = annualAssessment(2026, hazy(2026), { standard: 'HJ633-2026' });
    assert.equal(single.days.goodDays, 0);
    assert.equal(single.days.mixedStandards, false);
  });

  it('says good-day counts compare only when both years were rated on the same single standard', () => {
    const y2025 = annualAssessment(2025, year(2025));
    const y2027 = annualAssessment(2027, year(2027));
    assert.equal(goodDayCountsComparable(y2025, y2027), false);
    assert.equal(goodDayCountsComparable(annualAssessment(2025, year(2025), { standard: 'HJ633-2026' }), y2027), true);
    assert.equal(goodDayCountsComparable(annualAssessment(2026, year(2026)), y2027), false);
  });
});
