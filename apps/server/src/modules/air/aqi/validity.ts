/**
 * Data validity and daily statistics (数据统计的有效性规定 of GB 3095-2012, applied by HJ 663-2013): which hourly
 * data make a valid 24-hour mean, 8-hour mean and daily maximum 8-hour mean, and the daily values the daily AQI
 * report takes. Means are computed exactly and rounded with GB/T 8170 to the reporting precision (whole µg/m³, CO
 * 0.1 mg/m³) — the same rounding HJ 633 applies before lookup, so the daily AQI does not change, and annual
 * statistics are taken over the daily values as published.
 */
import { CONCENTRATION_DECIMALS, POLLUTANTS, type Pollutant } from './breakpoints.ts';
import type { DailyConcentrations, HourlyConcentrations } from './aqi.ts';
import { HOURS_PER_DAY, hoursOf, type DayHours, type DayInput, type HourlyValue } from './day-input.ts';
import {
  exactMean,
  fastPow10,
  fastRoundRatio,
  fastScaledSum,
  fastSum,
  fastPrefixSums,
  isExactArithmetic,
  roundHalfEven,
  roundRatio,
} from './rounding.ts';

/** 24-hour mean: at least 20 hourly means in the natural day (HJ 663-2013; one source, code id 16667225132). */
export const DAILY_MIN_VALID_HOURS = 20;

/** 8-hour mean: at least 6 hourly means in the window (same source; the EU's 75 % rule is also 6 of 8). */
export const EIGHT_HOUR_MIN_VALID_HOURS = 6;

/**
 * MDA8 windows: those ending 08:00 … 24:00 of the day (17 windows, all inside the day). UNVERIFIED wording of
 * HJ 663-2013 (one implementation loops t = 8…24). One HJ 663-2026 port says the window may reach into the previous
 * day: pass `firstWindowEnd` < 8 to `mda8` to follow that, with `previousDay` hours.
 */
export const MDA8_FIRST_WINDOW_END = 8;

/** MDA8 needs at least 14 valid 8-hour means among its windows. UNVERIFIED (HJ 663-2013, from knowledge). */
export const MDA8_MIN_VALID_WINDOWS = 14;

/**
 * Our rule for the O3 daily maximum 1-hour value, which HJ 663 gives no threshold for: at least as many valid hours
 * as a 24-hour mean, so a day with large gaps does not report a maximum that may have fallen in a gap. A DECISION.
 */
export const O3_MAX_1H_MIN_VALID_HOURS = DAILY_MIN_VALID_HOURS;

/**
 * Our rule for the 24-hour moving means of the real-time report (PM2.5, PM10, and SO2 for the > 800 rule): the
 * same 20 of 24 hours as a natural-day mean. A DECISION: the reference gives no separate threshold.
 */
export const MOVING_24H_MIN_VALID_HOURS = DAILY_MIN_VALID_HOURS;

const isValid = (v: HourlyValue): v is number => v !== null;

/** The number of non-null hours. */
function validCount(hours: readonly HourlyValue[]): number {
  let n = 0;
  for (let h = 0; h < hours.length; h++) if (hours[h] !== null && hours[h] !== undefined) n++; // `filter` skips holes too
  return n;
}

/**
 * Mean of the valid entries of `values[start, end)`, GB/T 8170-rounded to `decimals`, or null below `minValid` valid
 * entries. Short decimals (the usual case) are summed as safe integers; anything else takes the exact BigInt path.
 */
function roundedMean(values: readonly HourlyValue[], minValid: number, decimals: number, start = 0, end = values.length): number | null {
  if (!isExactArithmetic()) {
    const sum = fastScaledSum(values, start, end);
    if (sum === sum) {
      const n = fastSum.count;
      if (n < minValid || n === 0) return null;
      const r = fastRoundRatio(sum, n * fastPow10(fastSum.scale), decimals, 'half-even');
      if (r === r) return r;
    }
  }
  const valid = values.slice(start, end).filter(isValid);
  if (valid.length < minValid) return null;
  const mean = exactMean(valid);
  return mean === null ? null : roundRatio(mean, decimals, 'half-even');
}

/**
 * The 24-hour mean of a natural day: null with fewer than 20 valid hours.
 *
 * @example
 * dailyMean('pm25', [...Array(20).fill(35), ...Array(4).fill(null)]); // 35
 * dailyMean('pm25', [...Array(19).fill(35), ...Array(5).fill(null)]); // null
 */
export function dailyMean(pollutant: Pollutant, hours: DayHours): number | null {
  const list = hoursOf({ [pollutant]: hours }, pollutant);
  return roundedMean(list, DAILY_MIN_VALID_HOURS, CONCENTRATION_DECIMALS[pollutant]);
}

/** Previous day followed by today: 48 entries, index 24 + h is today's hour h. */
function twoDays(day: DayInput, pollutant: Pollutant): HourlyValue[] {
  return [...hoursOf(day.previousDay, pollutant), ...hoursOf(day.today, pollutant)];
}

/** Moving means over today's hours: entry h is the window of `width` hours ending with hour h (inclusive). */
function movingMeans(series: readonly HourlyValue[], width: number, minValid: number, decimals: number): (number | null)[] {
  if (!isExactArithmetic()) {
    const fast = fastMovingMeans(series, width, minValid, decimals);
    if (fast) return fast;
  }
  return Array.from({ length: HOURS_PER_DAY }, (_, h) => {
    const end = HOURS_PER_DAY + h + 1; // exclusive index in the 48-hour series
    return roundedMean(series, minValid, decimals, end - width, end);
  });
}

/**
 * `movingMeans` by prefix sums of integer units at one scale for the whole series (exact: each unit < 10^14, so
 * every prefix sum of 48 stays below 2^53); null when some value or window is outside the fast path.
 */
function fastMovingMeans(series: readonly HourlyValue[], width: number, minValid: number, decimals: number): (number | null)[] | null {
  const n = series.length;
  if (fastScaledSum(series, 0, n) !== fastScaledSum(series, 0, n)) return null; // NaN: not all short decimals
  const p = fastPow10(fastSum.scale);
  const sums = new Float64Array(n + 1);
  const counts = new Int32Array(n + 1);
  fastPrefixSums(series, fastSum.scale, sums, counts);
  const out: (number | null)[] = new Array(HOURS_PER_DAY);
  for (let h = 0; h < HOURS_PER_DAY; h++) {
    const end = HOURS_PER_DAY + h + 1;
    const count = counts[end]! - counts[end - width]!;
    if (count < minValid || count === 0) {
      out[h] = null;
      continue;
    }
    const r = fastRoundRatio(sums[end]! - sums[end - width]!, count * p, decimals, 'half-even');
    if (r !== r) return null;
    out[h] = r;
  }
  return out;
}

/**
 * O3 8-hour moving means of a day: entry h is the mean of hours h−7 … h, i.e. the window ending at (h+1):00
 * (C8(t) of HJ 663 with t = h + 1), null with fewer than 6 valid hours. Windows ending 01:00–07:00 use the
 * previous day's hours; without them those hours count as missing.
 *
 * @example
 * o3EightHourMeans({ today: { o3: todayHours }, previousDay: { o3: yesterdayHours } })[23]; // window 16:00–24:00
 */
export function o3EightHourMeans(day: DayInput): (number | null)[] {
  return movingMeans(twoDays(day, 'o3'), 8, EIGHT_HOUR_MIN_VALID_HOURS, CONCENTRATION_DECIMALS.o3);
}

/**
 * 24-hour moving means of a pollutant: entry h is the mean of the 24 hours ending with hour h (entry 23 is the
 * natural-day mean), null with fewer than 20 valid hours.
 *
 * @example
 * twentyFourHourMeans({ today: { pm25: today }, previousDay: { pm25: yesterday } }, 'pm25')[7]; // 08:00 yesterday – 08:00
 */
export function twentyFourHourMeans(day: DayInput, pollutant: Pollutant): (number | null)[] {
  return movingMeans(twoDays(day, pollutant), 24, MOVING_24H_MIN_VALID_HOURS, CONCENTRATION_DECIMALS[pollutant]);
}

export interface Mda8Options {
  /** End hour (1–8) of the first window; default 8 (windows ending 08:00–24:00). */
  readonly firstWindowEnd?: number;
  /** Minimum valid windows; default 14. */
  readonly minValidWindows?: number;
}

export interface Mda8Result {
  /** O3 daily maximum 8-hour mean (日最大8小时滑动平均), or null when too few windows were valid. */
  readonly value: number | null;
  readonly validWindows: number;
  readonly windows: number;
}

/**
 * O3 daily maximum 8-hour moving mean: the largest valid 8-hour mean among the windows ending 08:00–24:00,
 * provided at least 14 of those 17 windows are valid.
 *
 * @example
 * mda8({ today: { o3: hours } }); // { value: 160, validWindows: 17, windows: 17 }
 */
export function mda8(day: DayInput, options: Mda8Options = {}): Mda8Result {
  const first = options.firstWindowEnd ?? MDA8_FIRST_WINDOW_END;
  const min = options.minValidWindows ?? MDA8_MIN_VALID_WINDOWS;
  if (!Number.isInteger(first) || first < 1 || first > 24) throw new RangeError(`firstWindowEnd must be 1–24, got ${first}`);
  const windows = o3EightHourMeans(day).slice(first - 1); // entry h ends at h + 1
  const valid = windows.filter(isValid);
  return {
    value: valid.length >= min ? Math.max(...valid) : null,
    validWindows: valid.length,
    windows: windows.length,
  };
}

/**
 * O3 daily maximum 1-hour value, or null with fewer than 20 valid hours (our rule, see O3_MAX_1H_MIN_VALID_HOURS).
 *
 * @example
 * o3Max1h([...Array(23).fill(100), 250]); // 250
 */
export function o3Max1h(hours: DayHours): number | null {
  return max1h(hoursOf({ o3: hours }, 'o3'));
}

/** `o3Max1h` of hours already checked by `hoursOf`. */
function max1h(hours: DayHours): number | null {
  let count = 0;
  let max = -Infinity;
  for (let h = 0; h < hours.length; h++) {
    const v = hours[h];
    if (v === null || v === undefined) continue; // undefined: a hole (checked hours hold no other undefined)
    count++;
    if (v > max) max = v;
  }
  if (count < O3_MAX_1H_MIN_VALID_HOURS) return null;
  return roundHalfEven(max, CONCENTRATION_DECIMALS.o3); // −0 and 0 both round to 0, so `>` vs Math.max does not matter
}

export interface DailyValues {
  /** The daily report's inputs; null where the data were not valid. */
  readonly values: DailyConcentrations;
  /** Valid hours of the day per pollutant. */
  readonly validHours: Readonly<Record<Pollutant, number>>;
  /** Valid 8-hour O3 windows counted for the MDA8. */
  readonly o3ValidWindows: number;
  /** All six pollutants have a valid daily value (24 h means and O3 MDA8; the O3 1 h max is not required). */
  readonly complete: boolean;
}

/**
 * The daily values of one local day from its hourly data: 24 h means of PM2.5, PM10, SO2, NO2 and CO, the O3 MDA8
 * and the O3 daily max 1 h — the inputs of `dailyReport`.
 *
 * @example
 * const day = dailyValues(dayInputFromRows(rows, '2026-03-01'));
 * dailyReport(day.values, { date: '2026-03-01' });
 */
export function dailyValues(day: DayInput, options: Mda8Options = {}): DailyValues {
  const o3 = mda8(day, options); // validates the O3 hours first, as before
  // Each pollutant's hours are checked once here (same order, same errors), then used unchecked.
  const hours = {} as Record<Pollutant, DayHours>;
  for (const p of POLLUTANTS) hours[p] = hoursOf(day.today, p);
  const mean = (p: Pollutant) => roundedMean(hours[p], DAILY_MIN_VALID_HOURS, CONCENTRATION_DECIMALS[p]);
  const values: DailyConcentrations = {
    pm25: mean('pm25'),
    pm10: mean('pm10'),
    so2: mean('so2'),
    no2: mean('no2'),
    co: mean('co'),
    o3_1h: max1h(hours.o3),
    o3_8h: o3.value,
  };
  const validHours = {} as Record<Pollutant, number>;
  for (const p of POLLUTANTS) validHours[p] = validCount(hours[p]);
  const complete =
    values.pm25 !== null && values.pm10 !== null && values.so2 !== null && values.no2 !== null && values.co !== null && values.o3_8h !== null;
  return { values, validHours, o3ValidWindows: o3.validWindows, complete };
}

/** The nine indicators of the real-time report (HJ 633-2012 §5) at one hour. */
export interface RealtimeConcentrations extends HourlyConcentrations {
  readonly so2_24h: number | null;
  readonly pm25_24h: number | null;
  readonly pm10_24h: number | null;
  readonly o3_8h: number | null;
}

/**
 * The real-time report's concentrations for hour `hour` (0–23) of a day: the six 1-hour values, the O3 8-hour moving
 * mean and the PM2.5, PM10 and SO2 24-hour moving means ending with that hour — ready for `hourlyReport`.
 *
 * @example
 * hourlyReport(realtimeConcentrations(day, 14), { date: '2026-03-01' });
 */
export function realtimeConcentrations(day: DayInput, hour: number): RealtimeConcentrations {
  if (!Number.isInteger(hour) || hour < 0 || hour >= HOURS_PER_DAY) throw new RangeError(`hour must be 0–23, got ${hour}`);
  const at = (p: Pollutant) => hoursOf(day.today, p)[hour] ?? null;
  const moving24 = (p: Pollutant) => twentyFourHourMeans(day, p)[hour] ?? null;
  return {
    pm25: at('pm25'),
    pm10: at('pm10'),
    so2: at('so2'),
    no2: at('no2'),
    co: at('co'),
    o3: at('o3'),
    so2_24h: moving24('so2'),
    pm25_24h: moving24('pm25'),
    pm10_24h: moving24('pm10'),
    o3_8h: o3EightHourMeans(day)[hour] ?? null,
  };
}
