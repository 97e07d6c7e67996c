/**
 * Exact decimal rounding for air-quality figures.
 *
 * Two conventions meet here:
 * - GB/T 8170-2008 (数值修约规则, 进舍规则 §3.3): a dropped part below one half is cut, above one half raises the
 *   last kept digit, and exactly one half goes to the even neighbour ("四舍六入五成双"). HJ 633 and HJ 663 round
 *   concentrations this way before any lookup.
 * - HJ 633 §6.2 rounds IAQI and AQI *up* (进位取整); the US EPA truncates inputs and rounds its index to nearest.
 *
 * Binary doubles cannot hold most decimals: 0.15 is stored as 0.1499999…, so `(0.15).toFixed(1)` gives "0.1", and
 * `Math.ceil` of an interpolation that "is" 100 can see 100.00000000000001 and give 101. So every rounding here
 * works on exact decimals held in BigInt: a `number` is read as the shortest decimal that round-trips to it (what
 * `String(x)` prints, i.e. the figure the instrument or database reported), and means, interpolations and
 * percentiles are carried as exact ratios until the one final rounding.
 */

/** An exact decimal: `units / 10^scale`, `scale ≥ 0`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** An exact rational `num / den` with `den > 0`. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * - `half-even`: GB/T 8170 (ties to the even neighbour; negatives are rounded by absolute value, §3.3.5);
 * - `half-up`: ties away from zero (the EPA's "round to the nearest integer");
 * - `ceil`: towards +∞ (HJ 633 §6.2 进位取整 for IAQI and AQI);
 * - `truncate`: towards zero (EPA truncation of averaged concentrations).
 */
export type RoundingMode = 'half-even' | 'half-up' | 'ceil' | 'truncate';

const DECIMAL_TEXT = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
const MAX_DECIMALS = 20;

/** 10^n as a BigInt, e.g. `pow10(3)` is `1000n`. */
export const pow10 = (n: number): bigint => 10n ** BigInt(n);

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS)
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${decimals}`);
}

/**
 * Reads a finite number as the exact decimal it prints as.
 *
 * @example
 * toDecimal(0.15); // { units: 15n, scale: 2 } — not the binary 0.1499999…
 * toDecimal(1.5e-7); // { units: 15n, scale: 8 }
 */
export function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const m = DECIMAL_TEXT.exec(String(value));
  if (!m) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign, int = '0', frac = '', exp = '0'] = m;
  let units = BigInt(int + frac);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: sign ? -units : units, scale };
}

/**
 * The numbers as exact decimals brought to one common scale.
 *
 * @example
 * commonScale([1.5, 2, 0.25]); // { units: [150n, 200n, 25n], scale: 2 }
 */
export function commonScale(values: readonly number[]): { units: bigint[]; scale: number } {
  const decimals = values.map(toDecimal);
  const scale = Math.max(0, ...decimals.map((d) => d.scale));
  return { units: decimals.map((d) => d.units * pow10(scale - d.scale)), scale };
}

/** Rounds `num/den` to an integer count of `10^-decimals` units. */
function roundUnits(ratio: Ratio, decimals: number, mode: RoundingMode): bigint {
  checkDecimals(decimals);
  const { num, den } = ratio;
  if (den <= 0n) throw new RangeError('ratio denominator must be positive');
  const negative = num < 0n;
  const scaled = (negative ? -num : num) * pow10(decimals);
  let q = scaled / den; // ⌊|x|·10^d⌋
  const r = scaled - q * den;
  if (r !== 0n) {
    const twice = 2n * r;
    if (mode === 'ceil' && !negative) q += 1n; // ceil(−a) = −⌊a⌋, so negatives keep q
    else if (mode === 'half-up' && twice >= den) q += 1n;
    else if (mode === 'half-even' && (twice > den || (twice === den && q % 2n === 1n))) q += 1n;
  }
  return negative ? -q : q;
}

/** A count of `10^-scale` units as a number; never returns −0. */
function unitsToNumber(units: bigint, scale: number): number {
  return units === 0n ? 0 : Number(`${units}e-${scale}`);
}

function unitsToFixed(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/**
 * Rounds an exact ratio to `decimals` places.
 *
 * @example
 * roundRatio({ num: 205n, den: 2n }, 0, 'ceil'); // 103 (102.5 rounded up)
 * roundRatio({ num: 5n, den: 2n }, 0, 'half-even'); // 2
 */
export function roundRatio(ratio: Ratio, decimals: number, mode: RoundingMode): number {
  return unitsToNumber(roundUnits(ratio, decimals, mode), decimals);
}

/**
 * The nearest double to an exact ratio (to within one unit in the last place). A ratio that is a short decimal
 * (60.5, 1.25) comes back as exactly that double, so a later GB/T 8170 rounding still sees the tie.
 *
 * @example
 * ratioToNumber({ num: 1691n, den: 24n }); // 70.45833333333333
 */
export function ratioToNumber(ratio: Ratio): number {
  return roundRatio(ratio, MAX_DECIMALS, 'half-even');
}

/**
 * A number as an exact ratio of the decimal it prints as.
 *
 * @example
 * toRatio(0.15); // { num: 15n, den: 100n }
 */
export function toRatio(value: number): Ratio {
  const d = toDecimal(value);
  return { num: d.units, den: pow10(d.scale) };
}

/**
 * GB/T 8170 rounding (round half to even) of the decimal a number prints as.
 *
 * @example
 * roundHalfEven(60.5); // 60 — the even neighbour
 * roundHalfEven(75.5); // 76
 * roundHalfEven(0.15, 1); // 0.2 — although the double 0.15 is slightly below 0.15
 * roundHalfEven(0.25, 1); // 0.2
 * roundHalfEven(1.451, 1); // 1.5 — a 5 followed by non-zero digits rounds up
 * roundHalfEven(-2.5); // -2 — by absolute value, then the sign
 */
export function roundHalfEven(value: number, decimals = 0): number {
  if (!exactOnly) {
    const k = fastScale(value);
    if (k >= 0) {
      const r = fastRoundRatio(fastUnits(value, k), P10[k]!, decimals, 'half-even');
      if (r === r) return r; // not NaN
    }
  }
  return roundRatio(toRatio(value), decimals, 'half-even');
}

/**
 * GB/T 8170 rounding to a fixed number of places, as text for reports (keeps trailing zeros: "27.0").
 *
 * @example
 * formatHalfEven(26.95, 1); // "27.0"
 * formatHalfEven(2.675, 2); // "2.68" — `toFixed` gives "2.67"
 */
export function formatHalfEven(value: number, decimals = 0): string {
  return unitsToFixed(roundUnits(toRatio(value), decimals, 'half-even'), decimals);
}

/**
 * Cuts a number to `decimals` places towards zero, exactly (the EPA's truncation, 40 CFR 58 App. G).
 *
 * @example
 * truncateDecimals(9.05, 1); // 9
 * truncateDecimals(0.0874, 3); // 0.087
 */
export function truncateDecimals(value: number, decimals = 0): number {
  return roundRatio(toRatio(value), decimals, 'truncate');
}

/**
 * The exact arithmetic mean of some numbers; `null` for none.
 *
 * @example
 * roundRatio(exactMean([1.2, 1.3])!, 1, 'half-even'); // 1.2 — the mean is exactly 1.25, a tie
 */
export function exactMean(values: readonly number[]): Ratio | null {
  if (values.length === 0) return null;
  const { units, scale } = commonScale(values);
  const sum = units.reduce((a, b) => a + b, 0n);
  return { num: sum, den: BigInt(values.length) * pow10(scale) };
}

/**
 * Exact linear interpolation `I = (iHi − iLo)/(cHi − cLo)·(c − cLo) + iLo` (HJ 633-2012 formula (1); the same
 * form in 40 CFR 58 App. G), as a ratio so the caller's rounding (ceil or nearest) sees the true value.
 *
 * @example
 * roundRatio(interpolate(36, 35, 75, 50, 100), 0, 'ceil'); // 52 (51.25 rounded up)
 */
export function interpolate(c: number, cLo: number, cHi: number, iLo: number, iHi: number): Ratio {
  const {
    units: [cu = 0n, lo = 0n, hi = 0n],
  } = commonScale([c, cLo, cHi]);
  const den = hi - lo;
  if (den <= 0n) throw new RangeError(`empty breakpoint segment ${cLo}–${cHi}`);
  return { num: BigInt(iHi - iLo) * (cu - lo) + BigInt(iLo) * den, den };
}

/**
 * `roundRatio(interpolate(c, cLo, cHi, iLo, iHi), decimals, mode)`, with the integer fast path when every input is a
 * short decimal (see `fastScale`); bit-for-bit the same result.
 *
 * @example
 * interpolateRounded(36, 35, 75, 50, 100, 0, 'ceil'); // 52
 */
export function interpolateRounded(
  c: number,
  cLo: number,
  cHi: number,
  iLo: number,
  iHi: number,
  decimals: number,
  mode: RoundingMode,
): number {
  if (!exactOnly && Number.isSafeInteger(iLo) && Number.isSafeInteger(iHi)) {
    const kc = fastScale(c);
    const kLo = fastScale(cLo);
    const kHi = fastScale(cHi);
    if (kc >= 0 && kLo >= 0 && kHi >= 0) {
      const k = Math.max(kc, kLo, kHi);
      const cu = fastUnits(c, k);
      const lo = fastUnits(cLo, k);
      const hi = fastUnits(cHi, k);
      const den = hi - lo;
      if (den > 0) {
        const slope = (iHi - iLo) * (cu - lo);
        const base = iLo * den;
        const num = slope + base;
        if (Number.isSafeInteger(slope) && Number.isSafeInteger(base) && Number.isSafeInteger(num)) {
          const r = fastRoundRatio(num, den, decimals, mode);
          if (r === r) return r;
        }
      }
    }
  }
  return roundRatio(interpolate(c, cLo, cHi, iLo, iHi), decimals, mode);
}

// ---------------------------------------------------------------------------------------------------------------
// Exact fast path in `number` arithmetic.
//
// A finite double x whose printed decimal D has at most FAST_MAX_DECIMALS places and |D·10^k| < FAST_UNIT_LIMIT is
// handled with safe integers: u = Math.round(x·10^k) is accepted only when u / 10^k === x. IEEE division is correctly
// rounded, so that test says the decimal u·10^-k (at most 15 significant digits) rounds to x; two distinct decimals of
// at most 15 significant digits never round to the same double, so u·10^-k is exactly the decimal String(x) prints —
// the same value the BigInt path reads. From there every step (sums, products, quotient and remainder) stays within
// 2^53 and is exact, and the rounding rules below are those of `roundUnits` line for line. Anything outside these
// bounds returns NaN / −1 and the caller falls back to the BigInt path.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Highest number of decimals the fast path reads; inputs with more go to the BigInt path. Four, not three: SO2, NO2
 * and O3 converted from ppb carry four (about 3 % of the UCI Beijing hours), and one such hour sent its whole day's
 * mean down the BigInt path.
 */
export const FAST_MAX_DECIMALS = 4;
/** |units| bound of one fast-path value: 15 significant digits, and 48 of them still sum far below 2^53. */
const FAST_UNIT_LIMIT = 1e14;
/** Largest intermediate the fast rounding accepts (2^52), so that q·den and 2·r stay exact. */
const FAST_INT_LIMIT = 2 ** 52;
/** 10^0 … 10^22, all exact doubles. */
const P10: readonly number[] = Object.freeze(Array.from({ length: 23 }, (_, i) => Number(`1e${i}`)));

let exactOnly = false;

/**
 * Turns the fast path off (`true`) or back on: with it off every function takes the BigInt path. For the
 * equivalence tests and the benchmark; results are identical either way.
 */
export function setExactArithmetic(on: boolean): void {
  exactOnly = on;
}

/** Whether the fast path is off. */
export function isExactArithmetic(): boolean {
  return exactOnly;
}

/** x·10^k as an exact integer when x prints with at most k decimals (and is small); NaN otherwise. */
export function fastUnits(x: number, k: number): number {
  const p = P10[k]!;
  const u = Math.round(x * p);
  return u < FAST_UNIT_LIMIT && u > -FAST_UNIT_LIMIT && u / p === x ? u + 0 : NaN; // + 0 turns −0 into 0
}

/** The fewest decimals (0 … FAST_MAX_DECIMALS) x prints with, or −1 when the fast path cannot read it. */
export function fastScale(x: number): number {
  for (let k = 0; k <= FAST_MAX_DECIMALS; k++) if (fastUnits(x, k) === fastUnits(x, k)) return k;
  return -1;
}

/**
 * `roundRatio({ num, den }, decimals, mode)` for safe integers `num` and `den > 0`, in doubles; NaN when an
 * intermediate could leave the exact range (the caller then takes the BigInt path).
 */
export function fastRoundRatio(num: number, den: number, decimals: number, mode: RoundingMode): number {
  if (!(den > 0) || den > FAST_INT_LIMIT || !Number.isInteger(den) || !Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS)
    return NaN;
  const negative = num < 0;
  const scaled = (negative ? -num : num) * P10[decimals]!;
  if (!(scaled <= FAST_INT_LIMIT) || !Number.isInteger(scaled)) return NaN;
  let q = Math.floor(scaled / den); // ⌊|x|·10^d⌋, corrected below if the division rounded
  let r = scaled - q * den;
  while (r < 0) {
    q -= 1;
    r += den;
  }
  while (r >= den) {
    q += 1;
    r -= den;
  }
  if (r !== 0) {
    const twice = 2 * r;
    if (mode === 'ceil' && !negative) q += 1;
    else if (mode === 'half-up' && twice >= den) q += 1;
    else if (mode === 'half-even' && (twice > den || (twice === den && q % 2 === 1))) q += 1;
  }
  if (q === 0) return 0;
  return (negative ? -q : q) / P10[decimals]!;
}

/**
 * Sum of the non-null values in `values[start, end)` as integer units of 10^-fastSum.scale, with their count in
 * `fastSum.count`; NaN when some value is outside the fast path. The scale is the largest any value needs.
 */
export function fastScaledSum(values: readonly (number | null)[], start: number, end: number): number {
  let k = 0;
  let sum = 0;
  let count = 0;
  for (let i = start; i < end; i++) {
    const v = values[i];
    if (v === null) continue;
    if (typeof v !== 'number') return NaN; // holes and junk: the BigInt path decides what they mean
    let u = fastUnits(v, k);
    if (u !== u) {
      const kv = fastScale(v);
      if (kv < 0) return NaN;
      const factor = P10[kv - k]!; // kv > k: rescale what was summed so far
      sum *= factor;
      if (sum > FAST_INT_LIMIT || sum < -FAST_INT_LIMIT) return NaN;
      k = kv;
      u = fastUnits(v, k);
      if (u !== u) return NaN;
    }
    sum += u;
    if (sum > FAST_INT_LIMIT || sum < -FAST_INT_LIMIT) return NaN;
    count++;
  }
  fastSum.scale = k;
  fastSum.count = count;
  return sum;
}

/** Scale and count of the last `fastScaledSum` (a shared scratch record, to avoid an allocation per mean). */
export const fastSum = { scale: 0, count: 0 };

/** 10^k for 0 ≤ k ≤ 22. */
export function fastPow10(k: number): number {
  return P10[k]!;
}

/**
 * Prefix sums of the integer units (at scale k) and of the count of the non-null values, into `sums` and `counts`
 * (length values.length + 1). Only for values that `fastScaledSum` accepted at a scale ≤ k.
 */
export function fastPrefixSums(values: readonly (number | null)[], k: number, sums: Float64Array, counts: Int32Array): void {
  sums[0] = 0;
  counts[0] = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const valid = v !== null && v !== undefined;
    sums[i + 1] = sums[i]! + (valid ? fastUnits(v, k) : 0);
    counts[i + 1] = counts[i]! + (valid ? 1 : 0);
  }
}
