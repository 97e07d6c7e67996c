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
