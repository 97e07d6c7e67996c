/**
 * Annual assessment (HJ 663-2013 statistics against GB 3095 limits): annual means, the percentile of daily values
 * each pollutant is judged by, valid-day coverage, and the share of good days (优良天数比例, AQI ≤ 100).
 */
import { CHINA_STANDARDS, POLLUTANTS, type ChinaStandard, type Pollutant } from './breakpoints.ts';
import { dailyReport, HEAVY_POLLUTION_ABOVE, type DailyConcentrations } from './aqi.ts';
import { isLocalDate, yearMonthOf, type LocalDate } from './calendar.ts';
import { assertConcentration } from './iaqi.ts';
import { commonScale, exactMean, formatHalfEven, pow10, ratioToNumber, toDecimal } from './rounding.ts';

/** One day's valid daily values (null where not valid), as `dailyValues` produces them. */
export interface DailyRecord extends DailyConcentrations {
  readonly date: LocalDate;
}

/** Annual statistics need at least 324 valid daily values (HJ 663-2013; one source, code id 16667225132). */
export const ANNUAL_MIN_VALID_DAYS = 324;
/** …and at least 27 in every month… */
export const MONTHLY_MIN_VALID_DAYS = 27;
/** …except February, 25. */
export const FEBRUARY_MIN_VALID_DAYS = 25;

/**
 * The percentile of daily values each pollutant is assessed by (HJ 663-2013): SO2 and NO2 24 h P98, PM10 and PM2.5
 * 24 h P95, CO 24 h P95, O3 MDA8 P90.
 */
export const ANNUAL_PERCENTILES: Readonly<Record<Pollutant, number>> = Object.freeze({
  pm25: 95,
  pm10: 95,
  so2: 98,
  no2: 98,
  co: 95,
  o3: 90,
});

/**
 * Places for the reported annual figures. A DECISION following current MEE bulletins: PM2.5 to 0.1 µg/m³ (Beijing
 * 2025 = 27.0), CO to 0.1 mg/m³, the others whole µg/m³ (Beijing 2022: PM10 54, NO2 23, SO2 3).
 */
export const ANNUAL_REPORTING_DECIMALS: Readonly<Record<Pollutant, number>> = Object.freeze({
  pm25: 1,
  pm10: 0,
  so2: 0,
  no2: 0,
  co: 1,
  o3: 0,
});

/** Upper AQI of a good day (优良天: 优 or 良). */
export const GOOD_DAY_MAX_AQI = 100;

/**
 * The HJ 663 percentile of some values: sort ascending X(1) ≤ … ≤ X(n); k = 1 + (n − 1)·p/100; s = ⌊k⌋;
 * P = X(s) + (X(s+1) − X(s))·(k − s). The same as R type 7, numpy "linear" and Excel PERCENTILE.INC.
 * Computed exactly: 95.5 comes back as 95.5, not 95.50000000000001.
 *
 * @example
 * percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 95); // 95.5
 * percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 98); // 98.2
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!Number.isFinite(p) || p < 0 || p > 100) throw new RangeError(`percentile must be 0–100, got ${p}`);
  if (values.length === 0) return null;
  values.forEach((v) => {
    if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  });
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  // (k − 1) = (n − 1)·p/100 held as offset / kDen.
  const pd = toDecimal(p);
  const kDen = 100n * pow10(pd.scale);
  const offset = BigInt(n - 1) * pd.units;
  const s = Number(offset / kDen) + 1;
  const fraction = offset % kDen; // (k − s)·kDen; zero when s = n, so X(s+1) is never needed past the end
  const {
    units: [lo = 0n, hi = 0n],
    scale,
  } = commonScale([sorted[s - 1]!, sorted[Math.min(s, n - 1)]!]);
  return ratioToNumber({ num: lo * kDen + (hi - lo) * fraction, den: kDen * pow10(scale) });
}

export interface AnnualPollutantStatistics {
  /** Days with a valid daily value (24 h mean; for O3, MDA8). */
  readonly validDays: number;
  /** Valid days per month, January first. */
  readonly validDaysByMonth: readonly number[];
  /** ≥ 324 valid days and the monthly minimums met. Means and percentiles are given either way; judge with this. */
  readonly coverageMet: boolean;
  /** Mean of the valid daily values (for O3, of MDA8), exact to double precision. */
  readonly mean: number | null;
  /** The mean GB/T 8170-rounded to `ANNUAL_REPORTING_DECIMALS`, as text ("27.0"). */
  readonly meanReported: string | null;
  readonly percentile: {
    readonly p: number;
    readonly value: number | null;
    readonly reported: string | null;
  };
}

export interface DayRatings {
  /** Days with all six daily values valid, so that their AQI is rated. */
  readonly ratedDays: number;
  /** Days with AQI ≤ 100 (优良天数). */
  readonly goodDays: number;
  /** goodDays / ratedDays, or null with no rated day. */
  readonly goodDayShare: number | null;
  /** Days with AQI > 200 (重污染天数). */
  readonly heavyPollutionDays: number;
  /** Rated days per category level 1–6 (index 0 is level 1). */
  readonly daysByLevel: readonly number[];
  /** The standards the days were rated on. */
  readonly standardsUsed: readonly ChinaStandard[];
  /**
   * True when days were rated on both HJ 633-2012 and HJ 633-2026: the count mixes two scales (PM2.5 70 µg/m³ is 良
   * under 2012 and 轻度污染 under 2026) and does not compare with a year rated on one. Re-run with `standard` set.
   */
  readonly mixedStandards: boolean;
}

export interface AnnualAssessment {
  readonly year: number;
  readonly pollutants: Readonly<Record<Pollutant, AnnualPollutantStatistics>>;
  readonly days: DayRatings;
}

export interface AnnualOptions {
  /** Rate every day on this standard instead of the one in force on its date (to compare years across 2026-03-01). */
  readonly standard?: ChinaStandard;
}

const dailyValueOf = (r: DailyRecord, p: Pollutant): number | null => (p === 'o3' ? r.o3_8h : r[p]);
const monthMinimum = (month: number) => (month === 2 ? FEBRUARY_MIN_VALID_DAYS : MONTHLY_MIN_VALID_DAYS);

function pollutantStatistics(records: readonly DailyRecord[], p: Pollutant): AnnualPollutantStatistics {
  const byMonth = Array.from({ length: 12 }, () => 0);
  const values: number[] = [];
  for (const r of records) {
    const v = dailyValueOf(r, p);
    if (v === null) continue;
    assertConcentration(v, `${p} on ${r.date}`);
    values.push(v);
    byMonth[yearMonthOf(r.date).month - 1]! += 1;
  }
  const coverageMet = values.length >= ANNUAL_MIN_VALID_DAYS && byMonth.every((n, i) => n >= monthMinimum(i + 1));
  const meanRatio = exactMean(values);
  const mean = meanRatio === null ? null : ratioToNumber(meanRatio);
  const pct = percentile(values, ANNUAL_PERCENTILES[p]);
  const decimals = ANNUAL_REPORTING_DECIMALS[p];
  return {
    validDays: values.length,
    validDaysByMonth: byMonth,
    coverageMet,
    mean,
    meanReported: mean === null ? null : formatHalfEven(mean, decimals),
    percentile: { p: ANNUAL_PERCENTILES[p], value: pct, reported: pct === null ? null : formatHalfEven(pct, decimals) },
  };
}

function rateDays(records: readonly DailyRecord[], forced: ChinaStandard | undefined): DayRatings {
  const byLevel = [0, 0, 0, 0, 0, 0];
  const used = new Set<ChinaStandard>();
  let rated = 0;
  let good = 0;
  let heavy = 0;
  for (const r of records) {
    if (POLLUTANTS.some((p) => dailyValueOf(r, p) === null)) continue;
    const report = dailyReport(r, forced ? { standard: forced } : { date: r.date });
    if (report.aqi === null || report.category === null) continue;
    used.add(report.standard);
    rated += 1;
    if (report.aqi <= GOOD_DAY_MAX_AQI) good += 1;
    if (report.aqi > HEAVY_POLLUTION_ABOVE) heavy += 1;
    byLevel[report.category.level - 1]! += 1;
  }
  const standardsUsed = (Object.keys(CHINA_STANDARDS) as ChinaStandard[]).filter((s) => used.has(s));
  return {
    ratedDays: rated,
    goodDays: good,
    goodDayShare: rated === 0 ? null : good / rated,
    heavyPollutionDays: heavy,
    daysByLevel: byLevel,
    standardsUsed,
    mixedStandards: standardsUsed.length > 1,
  };
}

/**
 * The annual assessment of one site or city for a calendar year, from its daily records.
 *
 * @example
 * const a = annualAssessment(2025, records);
 * a.pollutants.pm25.meanReported; // "27.0"
 * a.pollutants.o3.percentile; // { p: 90, value: 149, reported: "149" }
 * a.days.goodDayShare; // 0.852…
 */
export function annualAssessment(year: number, records: readonly DailyRecord[], options: AnnualOptions = {}): AnnualAssessment {
  const seen = new Set<string>();
  for (const r of records) {
    if (!isLocalDate(r.date)) throw new RangeError(`not a YYYY-MM-DD date: ${r.date}`);
    if (yearMonthOf(r.date).year !== year) throw new RangeError(`${r.date} is not in ${year}`);
    if (seen.has(r.date)) throw new RangeError(`two records for ${r.date}`);
    seen.add(r.date);
  }
  const pollutants = Object.fromEntries(POLLUTANTS.map((p) => [p, pollutantStatistics(records, p)])) as Record<
    Pollutant,
    AnnualPollutantStatistics
  >;
  return { year, pollutants, days: rateDays(records, options.standard) };
}

/**
 * Whether two assessments' good-day counts measure the same thing: both rated every day on one and the same
 * standard. Counts across the 2026-03-01 change are not comparable; concentrations always are.
 *
 * @example
 * goodDayCountsComparable(annualAssessment(2025, y2025), annualAssessment(2027, y2027)); // false
 * goodDayCountsComparable(annualAssessment(2025, y2025, { standard: 'HJ633-2026' }), annualAssessment(2027, y2027)); // true
 */
export function goodDayCountsComparable(a: AnnualAssessment, b: AnnualAssessment): boolean {
  const [sa, sb] = [a.days.standardsUsed, b.days.standardsUsed];
  return sa.length === 1 && sb.length === 1 && sa[0] === sb[0];
}
