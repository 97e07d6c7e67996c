/**
 * Means over published figures: an area's daily value from its stations' daily values, a month's value from
 * the daily values (HJ 663: a city's concentration is the arithmetic mean of its stations; a period's, the mean
 * of its daily values). Exact, then GB/T 8170-rounded once, like every other mean of this library.
 */
import { exactMean, fastPow10, fastRoundRatio, fastScaledSum, fastSum, isExactArithmetic, roundRatio } from './rounding.ts';

/**
 * The mean of the non-null values, GB/T 8170-rounded to `decimals`; null with fewer than `minValid` (at least one).
 *
 * @example
 * meanHalfEven([35, 36], 0); // 36 (35.5 goes to the even neighbour)
 * meanHalfEven([40, 41, null], 1); // 40.5
 */
export function meanHalfEven(values: readonly (number | null)[], decimals: number, minValid = 1): number | null {
  if (!isExactArithmetic()) {
    const sum = fastScaledSum(values, 0, values.length);
    if (sum === sum) {
      const n = fastSum.count;
      if (n < Math.max(1, minValid)) return null;
      const r = fastRoundRatio(sum, n * fastPow10(fastSum.scale), decimals, 'half-even');
      if (r === r) return r;
    }
  }
  const valid = values.filter((v): v is number => v !== null);
  if (valid.length < Math.max(1, minValid)) return null;
  const mean = exactMean(valid);
  return mean === null ? null : roundRatio(mean, decimals, 'half-even');
}

/**
 * (current − previous) / previous as a percentage, GB/T 8170-rounded to `decimals` (default 0.1 %), computed
 * exactly on the figures as given; null when either is missing or the previous is 0.
 *
 * @example
 * changePercent(36, 40); // -10
 * changePercent(40.1, 41.3); // -2.9
 */
export function changePercent(current: number | null, previous: number | null, decimals = 1): number | null {
  if (current === null || previous === null || previous === 0) return null;
  const sum = fastScaledSum([current, previous], 0, 2);
  if (sum === sum) {
    const p = fastPow10(fastSum.scale);
    const c = Math.round(current * p);
    const q = Math.round(previous * p);
    const r = fastRoundRatio((c - q) * 100, q < 0 ? -q : q, decimals, 'half-even');
    if (r === r) return q < 0 ? -r : r;
  }
  throw new RangeError(`changePercent: figures with more than four decimals: ${current}, ${previous}`);
}
