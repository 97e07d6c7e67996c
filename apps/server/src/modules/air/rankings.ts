/**
 * Ranking rules of 一微克 (docs/air-quality-rules.md §11), pure: monthly figures from daily values, competition
 * ranks where ties share a rank (1, 1, 3), and the year-on-year change.
 */
import { FEBRUARY_MIN_VALID_DAYS, MONTHLY_MIN_VALID_DAYS, changePercent, meanHalfEven } from './aqi/index.ts';

/** Monthly PM2.5 is reported to 0.1 µg/m³, as annual PM2.5 is (MEE bulletins). */
export const MONTHLY_PM25_DECIMALS = 1;

/** HJ 663's monthly coverage: 27 valid days, 25 in February. */
export function monthlyMinValidDays(month: string): number {
  return month.endsWith('-02') ? FEBRUARY_MIN_VALID_DAYS : MONTHLY_MIN_VALID_DAYS;
}

/** A month's figure from its daily values: the mean of the valid days to 0.1, their count, and whether coverage is met. */
export function monthlyFigure(daily: readonly (number | null)[], month: string): { value: number | null; validDays: number; coverageMet: boolean } {
  const validDays = daily.reduce<number>((n, v) => (v === null ? n : n + 1), 0);
  return { value: meanHalfEven(daily, MONTHLY_PM25_DECIMALS), validDays, coverageMet: validDays >= monthlyMinValidDays(month) };
}

/**
 * Competition ranks ("1224"): ascending by value (the smallest is 1), equal values share the rank, and the next
 * value's rank counts everyone before it. Null values get no rank. Compare reported figures (already rounded),
 * so that two districts shown as 41.2 share a rank.
 *
 * @example
 * competitionRanks([40.1, 38.0, 40.1, null, 52.3]); // [2, 1, 2, null, 4]
 * competitionRanks([30, 30, 31]); // [1, 1, 3]
 */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const ranked = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const firstIndex = new Map<number, number>();
  ranked.forEach((v, i) => {
    if (!firstIndex.has(v)) firstIndex.set(v, i);
  });
  return values.map((v) => (v === null ? null : firstIndex.get(v)! + 1));
}

/**
 * Year-on-year change in percent to 0.1: (this − same month last year) / last year × 100, on the reported
 * monthly figures; negative is a fall. Null when either month is missing or not covered.
 *
 * @example
 * yoyChange({ value: 36, coverageMet: true }, { value: 40, coverageMet: true }); // -10
 */
export function yoyChange(current: { value: number | null; coverageMet: boolean }, lastYear: { value: number | null; coverageMet: boolean }): number | null {
  if (!current.coverageMet || !lastYear.coverageMet) return null;
  return changePercent(current.value, lastYear.value);
}
