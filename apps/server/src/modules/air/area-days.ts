/**
 * Daily values of stations and of areas (a district, the city, a street): each station's HJ 663 daily values
 * from its valid hours, then an area's daily value per indicator as the mean of its stations' valid values
 * (HJ 663: a city's concentration is the arithmetic mean of its stations), GB/T 8170-rounded to the precision
 * of a daily value. Rankings, trends and the annual assessment all start here.
 */
import type { DeviceWithNetwork, SensingService } from '../sensing/index.ts';
import { CONCENTRATION_DECIMALS, dailyMean, dailyValues, meanHalfEven, type DailyConcentrations, type Pollutant } from './aqi/index.ts';
import { DAY_MS, HourGrid, firstHourOf } from './hour-grid.ts';

/** The daily indicators, in the order of `DailyConcentrations`. */
export const DAILY_KEYS = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_1h', 'o3_8h'] as const;
type DailyKey = (typeof DAILY_KEYS)[number];
const decimalsOf = (k: DailyKey) => CONCENTRATION_DECIMALS[(k.startsWith('o3') ? 'o3' : k) as Pollutant];

/** A local-day span: days since 1970-01-01 (Beijing), both inclusive. */
export interface DaySpan {
  lo: number;
  hi: number;
}

/** `YYYY-MM` → its days. */
export function monthSpan(month: string): DaySpan {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { lo: Date.UTC(y, m - 1, 1) / DAY_MS, hi: Date.UTC(y, m, 0) / DAY_MS };
}

/** The month `YYYY-MM` shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** A device's daily values over a span: entry i is day lo + i. */
export interface DeviceDays {
  device: DeviceWithNetwork;
  days: DailyConcentrations[];
}

/** Each station's HJ 663 daily values over the span (one bulk read per station). */
export async function stationDays(sensing: SensingService, devices: DeviceWithNetwork[], span: DaySpan): Promise<DeviceDays[]> {
  const out: DeviceDays[] = [];
  for (const device of devices) {
    const grid = await HourGrid.read(sensing, device, firstHourOf(span.lo - 1), firstHourOf(span.hi + 1));
    const days: DailyConcentrations[] = [];
    for (const { input } of grid.dayInputs(span.lo, span.hi)) days.push(dailyValues(input).values);
    out.push({ device, days });
  }
  return out;
}

/** Each device's daily PM2.5 mean (≥ 20 valid hours) over the span — what micro-sensors rank by. */
export async function pm25Days(sensing: SensingService, devices: DeviceWithNetwork[], span: DaySpan): Promise<(number | null)[][]> {
  const out: (number | null)[][] = [];
  for (const device of devices) {
    const grid = await HourGrid.read(sensing, device, firstHourOf(span.lo), firstHourOf(span.hi + 1));
    const days: (number | null)[] = [];
    for (let day = span.lo; day <= span.hi; day++) days.push(dailyMean('pm25', grid.dayHours(firstHourOf(day)).pm25));
    out.push(days);
  }
  return out;
}

/**
 * An area's daily values from its stations': per day and indicator, the mean of the stations with a valid value
 * (a DECISION: one valid station makes a valid area day; docs/air-quality-rules.md §11), null when none has one.
 */
export function areaDays(stations: readonly DeviceDays[], dayCount: number): DailyConcentrations[] {
  const out: DailyConcentrations[] = [];
  const column: (number | null)[] = new Array(stations.length);
  for (let i = 0; i < dayCount; i++) {
    const day = {} as Record<DailyKey, number | null>;
    for (const k of DAILY_KEYS) {
      for (let s = 0; s < stations.length; s++) column[s] = stations[s]!.days[i]![k];
      day[k] = meanHalfEven(column, decimalsOf(k));
    }
    out.push(day);
  }
  return out;
}

/** The area mean of one series per device (e.g. micro-sensors' daily PM2.5), rounded like a daily PM2.5. */
export function areaSeries(series: readonly (readonly (number | null)[])[], dayCount: number): (number | null)[] {
  const out: (number | null)[] = [];
  const column: (number | null)[] = new Array(series.length);
  for (let i = 0; i < dayCount; i++) {
    for (let s = 0; s < series.length; s++) column[s] = series[s]![i] ?? null;
    out.push(meanHalfEven(column, CONCENTRATION_DECIMALS.pm25));
  }
  return out;
}
