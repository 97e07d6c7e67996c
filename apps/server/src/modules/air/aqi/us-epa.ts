/**
 * US EPA AQI (40 CFR 58 App. G, 2024 revision) as a comparison view. The opposite convention to China's: the
 * averaged concentration is truncated (not rounded) before lookup and the index is rounded to the nearest integer
 * (not up). Breakpoints are gapped by one truncation unit, so truncating first is what keeps 9.05 µg/m³ out of the
 * gap between 9.0 and 9.1.
 */
import { US_EPA_2024, type UsIndicator } from './breakpoints.ts';
import { assertConcentration } from './iaqi.ts';
import { commonScale, interpolate, pow10, roundRatio, toRatio, type Ratio } from './rounding.ts';

export type UsPollutant = 'pm25' | 'pm10' | 'o3' | 'co' | 'so2' | 'no2';
export const US_POLLUTANTS: readonly UsPollutant[] = Object.freeze(['pm25', 'pm10', 'o3', 'co', 'so2', 'no2']);

export interface UsCategory {
  readonly level: 1 | 2 | 3 | 4 | 5 | 6;
  readonly name: string;
  readonly min: number;
  /** Null for Hazardous, which continues past 500 ("beyond the AQI"). */
  readonly max: number | null;
  readonly hex: string;
  readonly rgb: readonly [number, number, number];
}

const usCat = (level: UsCategory['level'], name: string, min: number, max: number | null, rgb: UsCategory['rgb']): UsCategory =>
  Object.freeze({
    level,
    name,
    min,
    max,
    rgb,
    hex: `#${rgb.map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`,
  });

/** EPA categories and colours; Very Unhealthy is purple 143,63,151 (China's 五级 is 153,0,76). */
export const US_CATEGORIES: readonly UsCategory[] = Object.freeze([
  usCat(1, 'Good', 0, 50, [0, 228, 0]),
  usCat(2, 'Moderate', 51, 100, [255, 255, 0]),
  usCat(3, 'Unhealthy for Sensitive Groups', 101, 150, [255, 126, 0]),
  usCat(4, 'Unhealthy', 151, 200, [255, 0, 0]),
  usCat(5, 'Very Unhealthy', 201, 300, [143, 63, 151]),
  usCat(6, 'Hazardous', 301, null, [126, 0, 35]),
]);

/**
 * The EPA category of an AQI.
 *
 * @example
 * usCategory(115).name; // 'Unhealthy for Sensitive Groups'
 */
export function usCategory(aqi: number): UsCategory {
  if (!Number.isFinite(aqi) || aqi < 0) throw new RangeError(`AQI must be a finite number ≥ 0, got ${aqi}`);
  return US_CATEGORIES.find((c) => c.max === null || aqi <= c.max) ?? US_CATEGORIES[US_CATEGORIES.length - 1]!;
}

export interface UsIndexValue {
  readonly aqi: number;
  /** The truncated concentration that was looked up. */
  readonly concentration: number;
  /** Above the top breakpoint (AQI > 500 by extrapolation): "Beyond the AQI" in AirNow's words. */
  readonly beyondIndex: boolean;
}

function lookupTruncated(indicator: UsIndicator, c: Ratio): UsIndexValue | null {
  const column = US_EPA_2024[indicator];
  const t = roundRatio(c, column.truncateTo, 'truncate');
  const segments = column.segments;
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  if (t < first.cLo) return null; // this averaging period defines no index this low
  if (t > last.cHi) {
    if (column.above === 'other-period') return null;
    const aqi = roundRatio(interpolate(t, last.cLo, last.cHi, last.iLo, last.iHi), 0, 'half-up');
    return { aqi, concentration: t, beyondIndex: true };
  }
  const seg = segments.find((s) => t <= s.cHi)!;
  return { aqi: roundRatio(interpolate(t, seg.cLo, seg.cHi, seg.iLo, seg.iHi), 0, 'half-up'), concentration: t, beyondIndex: false };
}

/**
 * The EPA index of one averaged concentration: truncate, interpolate, round to nearest. Null where this averaging
 * period defines no index: O3 1 h below 0.125 ppm, SO2 24 h below 305 ppb, O3 8 h above 0.200 ppm (use O3 1 h),
 * SO2 1 h above 304 ppb (use SO2 24 h). Above the top row of other indicators the last row is extrapolated.
 *
 * @example
 * usIndicatorAqi('pm25_24h', 35.45); // { aqi: 100, concentration: 35.4, beyondIndex: false }
 * usIndicatorAqi('o3_8h', 0.0874)?.aqi; // 154
 * usIndicatorAqi('pm25_24h', 400)?.beyondIndex; // true
 */
export function usIndicatorAqi(indicator: UsIndicator, concentration: number): UsIndexValue | null {
  assertConcentration(concentration, indicator);
  return lookupTruncated(indicator, toRatio(concentration));
}

/** Averaged concentrations in US units (O3, CO ppm; SO2, NO2 ppb; PM µg/m³); absent or null when not measured. */
export type UsConcentrations = Readonly<Partial<Record<UsIndicator, number | null>>>;

/** Which value set a pollutant's index, or why it has none. */
export type UsBasis =
  | UsIndicator
  /** SO2 1 h above 304 ppb with a 24 h mean below 305: 1 h SO2 defines at most 200 (a DECISION, see the docs). */
  | 'so2_1h-capped-at-200'
  | 'missing'
  /** O3 8 h above 0.200 ppm and no O3 1 h value was given. */
  | 'needs-o3_1h'
  /** SO2 1 h above 304 ppb and no SO2 24 h value was given. */
  | 'needs-so2_24h'
  /** Only an averaging period that defines no index at this level was given (e.g. O3 1 h 0.05 ppm). */
  | 'not-defined';

export interface UsPollutantIndex {
  readonly aqi: number | null;
  readonly basis: UsBasis;
  readonly beyondIndex: boolean;
}

export interface UsAqiReport {
  readonly aqi: number | null;
  readonly category: UsCategory | null;
  readonly pollutants: Readonly<Record<UsPollutant, UsPollutantIndex>>;
  /** Pollutants whose index equals the AQI (ties all listed). */
  readonly responsible: readonly UsPollutant[];
  readonly beyondIndex: boolean;
}

const none = (basis: UsBasis): UsPollutantIndex => ({ aqi: null, basis, beyondIndex: false });
const from = (basis: UsIndicator, v: UsIndexValue): UsPollutantIndex => ({ aqi: v.aqi, basis, beyondIndex: v.beyondIndex });
const given = (c: UsConcentrations, k: UsIndicator): number | null => c[k] ?? null;

/** The larger of two candidate indices (the first wins a tie). */
function larger(a: UsPollutantIndex | null, b: UsPollutantIndex | null): UsPollutantIndex | null {
  if (!a || a.aqi === null) return b;
  if (!b || b.aqi === null) return a;
  return b.aqi > a.aqi ? b : a;
}

function one(c: UsConcentrations, k: UsIndicator): UsPollutantIndex {
  const v = given(c, k);
  if (v === null) return none('missing');
  const r = usIndicatorAqi(k, v);
  return r ? from(k, r) : none('not-defined');
}

/** O3: 8 h normally; above 0.200 ppm only 1 h defines the index; where both exist the larger is reported. */
function ozone(c: UsConcentrations): UsPollutantIndex {
  const [v8, v1] = [given(c, 'o3_8h'), given(c, 'o3_1h')];
  if (v8 === null && v1 === null) return none('missing');
  const i8 = v8 === null ? null : usIndicatorAqi('o3_8h', v8);
  const i1 = v1 === null ? null : usIndicatorAqi('o3_1h', v1);
  const above8h = v8 !== null && i8 === null;
  if (above8h && !i1) return none('needs-o3_1h');
  return larger(i8 && from('o3_8h', i8), i1 && from('o3_1h', i1)) ?? none('not-defined');
}

/** SO2: 1 h up to AQI 200; from 1 h > 304 ppb the 24 h mean decides (Table 2 footnote). */
function sulphurDioxide(c: UsConcentrations): UsPollutantIndex {
  const [v1, v24] = [given(c, 'so2_1h'), given(c, 'so2_24h')];
  if (v1 === null && v24 === null) return none('missing');
  const i1 = v1 === null ? null : usIndicatorAqi('so2_1h', v1);
  const i24 = v24 === null ? null : usIndicatorAqi('so2_24h', v24);
  const above1h = v1 !== null && i1 === null;
  if (above1h && v24 === null) return none('needs-so2_24h');
  if (above1h && !i24) return { aqi: 200, basis: 'so2_1h-capped-at-200', beyondIndex: false };
  return larger(i1 && from('so2_1h', i1), i24 && from('so2_24h', i24)) ?? none('not-defined');
}

/**
 * The EPA AQI over the pollutants given: the highest index, its category and the responsible pollutants.
 *
 * @example
 * usAqiReport({ pm25_24h: 12, o3_8h: 0.05 }).aqi; // 56
 * usAqiReport({ pm25_24h: 12, o3_8h: 0.05 }).responsible; // ['pm25']
 */
export function usAqiReport(c: UsConcentrations): UsAqiReport {
  const pollutants: Record<UsPollutant, UsPollutantIndex> = {
    pm25: one(c, 'pm25_24h'),
    pm10: one(c, 'pm10_24h'),
    o3: ozone(c),
    co: one(c, 'co_8h'),
    so2: sulphurDioxide(c),
    no2: one(c, 'no2_1h'),
  };
  const values = US_POLLUTANTS.map((p) => pollutants[p].aqi).filter((v): v is number => v !== null);
  const aqi = values.length > 0 ? Math.max(...values) : null;
  return {
    aqi,
    category: aqi === null ? null : usCategory(aqi),
    pollutants,
    responsible: aqi === null ? [] : US_POLLUTANTS.filter((p) => pollutants[p].aqi === aqi),
    beyondIndex: US_POLLUTANTS.some((p) => pollutants[p].beyondIndex),
  };
}

// ── NowCast ────────────────────────────────────────────────────────────────────────────────────────────────────

/** NowCast looks at the last 12 hours. */
export const NOWCAST_HOURS = 12;

/**
 * Which recent hours NowCast needs. The EPA fact sheet and AirNow give "2 of the 3 most recent hours"; the same
 * reference also says NowCast is not reported when c1 or c2 is missing. The two disagree when only c1 or only c2 is
 * missing; the default is the documented 2-of-3 rule, `latest-two` the stricter reading.
 */
export type NowCastRecentRule = 'two-of-three' | 'latest-two';

export interface NowCastOptions {
  readonly recentRule?: NowCastRecentRule;
}

function nowCastRatio(hours: readonly (number | null)[], options: NowCastOptions): Ratio | null {
  const last = Array.from({ length: NOWCAST_HOURS }, (_, i) => hours[i] ?? null);
  const rule = options.recentRule ?? 'two-of-three';
  const recentOk =
    rule === 'latest-two' ? last[0] !== null && last[1] !== null : last.slice(0, 3).filter((v) => v !== null).length >= 2;
  if (!recentOk) return null;
  // AirNow sets negative hourly values to 0 before NowCast (MazamaScience/AirMonitor).
  const present = last.flatMap((v, i) => {
    if (v === null) return [];
    if (!Number.isFinite(v)) throw new RangeError(`NowCast hour ${i + 1}: not a finite number: ${v}`);
    return [{ i, v: Math.max(0, v) }];
  });
  const { units, scale } = commonScale(present.map((p) => p.v));
  const max = units.reduce((a, b) => (b > a ? b : a), 0n);
  if (max === 0n) return { num: 0n, den: 1n };
  const min = units.reduce((a, b) => (b < a ? b : a), max);
  // w = max(cmin/cmax, 1/2) as a/b; weights w^i scaled by b^11 stay integers.
  const [a, b] = 2n * min >= max ? [min, max] : [1n, 2n];
  let num = 0n;
  let den = 0n;
  present.forEach(({ i }, k) => {
    const weight = a ** BigInt(i) * b ** BigInt(NOWCAST_HOURS - 1 - i);
    num += weight * units[k]!;
    den += weight;
  });
  return { num, den: den * pow10(scale) };
}

/**
 * The NowCast of 12 hourly PM values, most recent first (`hours[0]` is c1), raw (not truncated): weights w^(i−1)
 * with w = max(cmin/cmax, 0.5) over the available hours. Null when the recent hours are too sparse.
 *
 * @example
 * nowCast([50, 40, 30, 20, 20, 20, 20, 20, 20, 20, 20, 20]); // 41.25518…
 * nowCast([50, null, null, 20]); // null — only 1 of the 3 latest hours
 */
export function nowCast(hours: readonly (number | null)[], options: NowCastOptions = {}): number | null {
  const r = nowCastRatio(hours, options);
  return r === null ? null : roundRatio(r, 12, 'half-even');
}

/**
 * The real-time EPA index of PM from its NowCast: truncate the NowCast (PM2.5 0.1, PM10 1) and use the 24 h table.
 *
 * @example
 * nowCastAqi('pm25', [50, 40, 30, 20, 20, 20, 20, 20, 20, 20, 20, 20]); // { aqi: 115, concentration: 41.2, beyondIndex: false }
 */
export function nowCastAqi(pollutant: 'pm25' | 'pm10', hours: readonly (number | null)[], options: NowCastOptions = {}): UsIndexValue | null {
  const r = nowCastRatio(hours, options);
  return r === null ? null : lookupTruncated(pollutant === 'pm25' ? 'pm25_24h' : 'pm10_24h', r);
}

// ── Units ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * µg/m³ per ppb at 25 °C and 1013.25 hPa (molar mass / 24.465) — the reference state GB 3095 has used for gases
 * since the 2018 amendment, so Chinese gas data convert without a temperature correction. CO: mg/m³ per ppm.
 */
export const GAS_FACTORS_25C: Readonly<Record<'o3' | 'no2' | 'so2' | 'co', number>> = Object.freeze({
  o3: 1.962,
  no2: 1.88,
  so2: 2.62,
  co: 1.145,
});

/**
 * Converts a China-unit gas concentration to the unit of the US table: O3 µg/m³ → ppm, NO2 and SO2 µg/m³ → ppb,
 * CO mg/m³ → ppm. Exact division, rounded to 9 places so float noise cannot cross a truncation boundary.
 *
 * @example
 * toUsUnits('no2', 225.6); // 120 (ppb)
 * toUsUnits('o3', 196.2); // 0.1 (ppm)
 */
export function toUsUnits(gas: 'o3' | 'no2' | 'so2' | 'co', value: number): number {
  assertConcentration(value, gas);
  const v = toRatio(value);
  const factor = toRatio(GAS_FACTORS_25C[gas]);
  const perMille = gas === 'o3' ? 1000n : 1n; // ppb → ppm for O3
  return roundRatio({ num: v.num * factor.den, den: v.den * factor.num * perMille }, 9, 'half-even');
}
