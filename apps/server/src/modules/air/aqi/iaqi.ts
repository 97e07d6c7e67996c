/**
 * Individual air quality index (空气质量分指数, IAQI) of one concentration, HJ 633 §4–§6:
 * round the concentration (GB/T 8170), interpolate between adjacent breakpoints (formula (1), continuous
 * breakpoints: 75 µg/m³ is 100 from either side), round the result up (§6.2 进位取整).
 */
import {
  CHINA_STANDARDS,
  COLUMN_POLLUTANT,
  CONCENTRATION_DECIMALS,
  HJ633_2026_O3_8H_ABOVE_800_IAQI,
  HJ633_2026_SO2_1H_ABOVE_800_IAQI,
  IAQI_STEPS,
  type ChinaStandard,
  type IaqiColumn,
  type Pollutant,
} from './breakpoints.ts';
import { interpolateRounded, roundHalfEven } from './rounding.ts';

/**
 * The top of the index. HJ 633 defines nothing above the last breakpoint (e.g. PM2.5 > 500 µg/m³); like the
 * implementations we checked we report 500 and flag the entry `beyondIndex` — a policy choice, not the standard.
 */
export const IAQI_CAP = 500;

/** How an IAQI value was obtained; `missing` and `substitute-missing` are the only ones with a null value. */
export type IaqiBasis =
  /** Interpolated in its own column (possibly capped at 500, see `beyondIndex`). */
  | 'interpolated'
  /** HJ 633-2012 Table 1 note 2: SO2 1 h > 800 µg/m³ reports the SO2 24 h IAQI. */
  | 'substituted-so2-24h'
  /** HJ 633-2012 Table 1 note 3: O3 8 h > 800 µg/m³ reports the O3 1 h IAQI. */
  | 'substituted-o3-1h'
  /** HJ 633-2026 as implemented: SO2 1 h > 800 is IAQI 200, O3 8 h > 800 is IAQI 300. */
  | 'fixed-above-800'
  /** No concentration was given. */
  | 'missing'
  /** A substitution rule applied but the other averaging period's value was not given. */
  | 'substitute-missing';

export interface IaqiEntry {
  /** Integer IAQI, or null with basis `missing` / `substitute-missing`. Never 0 for a missing value. */
  readonly value: number | null;
  /** The indicator's own concentration after GB/T 8170 rounding, as looked up; null when missing. */
  readonly concentration: number | null;
  readonly basis: IaqiBasis;
  /** The concentration (or its substitute) was above the column's top and the value was capped at 500. */
  readonly beyondIndex: boolean;
}

export interface IaqiOptions {
  /** Default HJ 633-2012. */
  readonly standard?: ChinaStandard;
  /** SO2 24 h mean (24 h moving mean in a real-time report), for SO2 1 h > 800 under HJ 633-2012. */
  readonly so2_24h?: number | null;
  /** O3 1 h value (the daily maximum in a daily report), for O3 8 h > 800 under HJ 633-2012. */
  readonly o3_1h?: number | null;
}

/** Columns whose last breakpoint hands over to a rule instead of the 500 cap. */
const RULE_ABOVE_TOP: Partial<Record<IaqiColumn, { substitute: 'so2_24h' | 'o3_1h'; fixed: number }>> = {
  so2_1h: { substitute: 'so2_24h', fixed: HJ633_2026_SO2_1H_ABOVE_800_IAQI },
  o3_8h: { substitute: 'o3_1h', fixed: HJ633_2026_O3_8H_ABOVE_800_IAQI },
};

/**
 * Throws a RangeError unless `value` is a finite concentration ≥ 0. Negative readings (sensor noise around zero)
 * are the caller's validation to settle: this library cannot know the instrument's tolerance.
 *
 * @example
 * assertConcentration(-1, 'pm25'); // throws RangeError
 */
export function assertConcentration(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new RangeError(`${what}: a concentration must be a finite number ≥ 0, got ${value}`);
}

/**
 * Rounds a concentration as HJ 633 requires before lookup: GB/T 8170 to whole µg/m³, CO to 0.1 mg/m³.
 *
 * @example
 * roundConcentration('pm25', 60.5); // 60
 * roundConcentration('co', 4.45); // 4.4
 */
export function roundConcentration(pollutant: Pollutant, value: number): number {
  assertConcentration(value, pollutant);
  return roundHalfEven(value, CONCENTRATION_DECIMALS[pollutant]);
}

/** Interpolates a rounded concentration in a column; null above the top of a column that ends in a rule. */
function lookup(column: IaqiColumn, bps: readonly number[], c: number): { value: number; beyondIndex: boolean } | null {
  const top = bps[bps.length - 1]!;
  if (c > top) return RULE_ABOVE_TOP[column] ? null : { value: IAQI_CAP, beyondIndex: true };
  for (let i = 1; i < bps.length; i++) {
    const hi = bps[i]!;
    if (c <= hi) {
      return { value: interpolateRounded(c, bps[i - 1]!, hi, IAQI_STEPS[i - 1]!, IAQI_STEPS[i]!, 0, 'ceil'), beyondIndex: false };
    }
  }
  return { value: IAQI_STEPS[bps.length - 1]!, beyondIndex: false }; // unreachable: c ≤ top
}

const missing = (basis: 'missing' | 'substitute-missing', concentration: number | null): IaqiEntry => ({
  value: null,
  concentration,
  basis,
  beyondIndex: false,
});

/**
 * IAQI of one indicator under one standard, with the rules above the top breakpoints:
 * - SO2 1 h > 800: HJ 633-2012 reports the SO2 24 h IAQI (`options.so2_24h`); HJ 633-2026 reports 200.
 * - O3 8 h > 800: HJ 633-2012 reports the O3 1 h IAQI (`options.o3_1h`); HJ 633-2026 reports 300.
 * - Any other column above its top: 500, flagged `beyondIndex`.
 *
 * PM has no 1 h column: pass hourly PM to `pm25_24h` / `pm10_24h` (HJ 633 practice, and the 2026 ports agree).
 *
 * @example
 * iaqi('pm25_24h', 36).value; // 52 — 51.25 rounded up
 * iaqi('pm25_24h', 80, { standard: 'HJ633-2026' }).value; // 119
 * iaqi('so2_1h', 900, { so2_24h: 100 }); // { value: 75, basis: 'substituted-so2-24h', concentration: 900, … }
 * iaqi('o3_8h', 900, { standard: 'HJ633-2026' }).value; // 300
 * iaqi('pm25_24h', null); // { value: null, basis: 'missing', … }
 */
export function iaqi(column: IaqiColumn, concentration: number | null, options: IaqiOptions = {}): IaqiEntry {
  if (concentration === null) return missing('missing', null);
  const standard = CHINA_STANDARDS[options.standard ?? 'HJ633-2012'];
  const c = roundConcentration(COLUMN_POLLUTANT[column], concentration);
  const found = lookup(column, standard.table[column], c);
  if (found) return { value: found.value, concentration: c, basis: 'interpolated', beyondIndex: found.beyondIndex };

  const rule = RULE_ABOVE_TOP[column]!;
  if (standard.above800 === 'fixed') return { value: rule.fixed, concentration: c, basis: 'fixed-above-800', beyondIndex: false };
  const other = options[rule.substitute] ?? null;
  if (other === null) return missing('substitute-missing', c);
  // The substitute's own column never hands over again (so2_24h and o3_1h end in the 500 cap).
  const sub = iaqi(rule.substitute, other, { standard: standard.id });
  return {
    value: sub.value,
    concentration: c,
    basis: rule.substitute === 'so2_24h' ? 'substituted-so2-24h' : 'substituted-o3-1h',
    beyondIndex: sub.beyondIndex,
  };
}
