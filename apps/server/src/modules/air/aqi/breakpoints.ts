/**
 * Breakpoint tables, keyed by standard version (a table without a version is how stale tables survive: the
 * Open-Meteo and AirMonitor issue threads show pre-2024 EPA tables still in code in 2026).
 *
 * China: HJ 633-2012 Table 1, and HJ 633-2026 as implemented by several independent ports (the 2026 text itself
 * was not available to us — see `docs/air-quality-rules.md`). US: 40 CFR 58 App. G Table 2 as revised in 2024.
 */
import { beijingDate } from './calendar.ts';

/** The six pollutants of GB 3095 Table 1, as stored: µg/m³, except CO in mg/m³. */
export type Pollutant = 'pm25' | 'pm10' | 'so2' | 'no2' | 'co' | 'o3';

/** The pollutant keys in report order. */
export const POLLUTANTS: readonly Pollutant[] = Object.freeze(['pm25', 'pm10', 'so2', 'no2', 'co', 'o3']);

/** Units as stored and looked up. */
export const UNITS: Readonly<Record<Pollutant, 'µg/m³' | 'mg/m³'>> = Object.freeze({
  pm25: 'µg/m³',
  pm10: 'µg/m³',
  so2: 'µg/m³',
  no2: 'µg/m³',
  co: 'mg/m³',
  o3: 'µg/m³',
});

/**
 * Decimal places a concentration is rounded to (GB/T 8170) before IAQI lookup and in daily values: whole µg/m³,
 * CO to 0.1 mg/m³ (HJ 633 as quoted in hrbonz/python-aqi#4 「CO计算时应该保留一位小数」; reference §1.3).
 */
export const CONCENTRATION_DECIMALS: Readonly<Record<Pollutant, number>> = Object.freeze({
  pm25: 0,
  pm10: 0,
  so2: 0,
  no2: 0,
  co: 1,
  o3: 0,
});

/** China AQI standard versions. */
export type ChinaStandard = 'HJ633-2012' | 'HJ633-2026';

/** A column of Table 1: pollutant and averaging period. */
export type IaqiColumn =
  | 'so2_24h'
  | 'so2_1h'
  | 'no2_24h'
  | 'no2_1h'
  | 'pm10_24h'
  | 'co_24h'
  | 'co_1h'
  | 'o3_1h'
  | 'o3_8h'
  | 'pm25_24h';

/** The pollutant each column measures. */
export const COLUMN_POLLUTANT: Readonly<Record<IaqiColumn, Pollutant>> = Object.freeze({
  so2_24h: 'so2',
  so2_1h: 'so2',
  no2_24h: 'no2',
  no2_1h: 'no2',
  pm10_24h: 'pm10',
  co_24h: 'co',
  co_1h: 'co',
  o3_1h: 'o3',
  o3_8h: 'o3',
  pm25_24h: 'pm25',
});

/** IAQI at each breakpoint row; a column's i-th concentration maps to `IAQI_STEPS[i]`. */
export const IAQI_STEPS: readonly number[] = Object.freeze([0, 50, 100, 150, 200, 300, 400, 500]);

/** Concentration breakpoints per column (shorter columns end where the standard switches to a special rule). */
export type BreakpointTable = Readonly<Record<IaqiColumn, readonly number[]>>;

const f = (values: number[]): readonly number[] => Object.freeze(values);

/**
 * HJ 633-2012 Table 1. SO2 1 h stops at 800 (note 2: above it the 24 h value is used) and O3 8 h stops at 800
 * (note 3: above it the 1 h value is used). PM has no 1 h column; hourly PM uses the 24 h column.
 * SO2 24 h is 0/50/150/475/800/1600/2100/2620 — caiyunapp/aqi-hub copies the 1 h values into it, and some
 * WeatherKit-style tables print 2602 for the top; both are wrong.
 */
export const HJ633_2012: BreakpointTable = Object.freeze({
  so2_24h: f([0, 50, 150, 475, 800, 1600, 2100, 2620]),
  so2_1h: f([0, 150, 500, 650, 800]),
  no2_24h: f([0, 40, 80, 180, 280, 565, 750, 940]),
  no2_1h: f([0, 100, 200, 700, 1200, 2340, 3090, 3840]),
  pm10_24h: f([0, 50, 150, 250, 350, 420, 500, 600]),
  co_24h: f([0, 2, 4, 14, 24, 36, 48, 60]),
  co_1h: f([0, 5, 10, 35, 60, 90, 120, 150]),
  o3_1h: f([0, 160, 200, 300, 400, 800, 1000, 1200]),
  o3_8h: f([0, 100, 160, 215, 265, 800]),
  pm25_24h: f([0, 35, 75, 115, 150, 250, 350, 500]),
});

/**
 * HJ 633-2026 PM2.5 breakpoint at IAQI 50. UNVERIFIED: seven independent implementations give 35 and one gives
 * 30; the standard's text was not available. Change here if the official Table 1 says otherwise.
 */
export const HJ633_2026_PM25_IAQI50 = 35;

/**
 * HJ 633-2026 as implemented (not checked against the text): the PM2.5 and PM10 "良 → 轻度污染" breakpoints
 * drop from 75 to 60 and from 150 to 120, in line with GB 3095-2026's transitional Grade II 24 h limits; every
 * other column is unchanged.
 */
export const HJ633_2026: BreakpointTable = Object.freeze({
  ...HJ633_2012,
  pm25_24h: f([0, HJ633_2026_PM25_IAQI50, 60, 115, 150, 250, 350, 500]),
  pm10_24h: f([0, 50, 120, 250, 350, 420, 500, 600]),
});

/**
 * HJ 633-2026 fixed IAQI for an SO2 1 h concentration above 800 µg/m³, replacing 2012's "use the 24 h value".
 * UNVERIFIED (caiyunapp/aqi-hub v0.3 README and one MoonBit port; not the text).
 */
export const HJ633_2026_SO2_1H_ABOVE_800_IAQI = 200;

/**
 * HJ 633-2026 fixed IAQI for an O3 8 h concentration above 800 µg/m³, replacing 2012's "use the 1 h value".
 * UNVERIFIED (same sources as {@link HJ633_2026_SO2_1H_ABOVE_800_IAQI}).
 */
export const HJ633_2026_O3_8H_ABOVE_800_IAQI = 300;

/** First Beijing local date on which HJ 633-2026 applies (MEE/SAMR announcement of 2026-02-24). */
export const CHINA_STANDARD_SWITCH_DATE = '2026-03-01';

/** What a version does and when it applies. */
export interface ChinaStandardInfo {
  readonly id: ChinaStandard;
  /** First local date it applies to. */
  readonly effectiveFrom: string;
  /** Last local date it applies to, or null while current. */
  readonly effectiveTo: string | null;
  readonly table: BreakpointTable;
  /**
   * How SO2 1 h > 800 and O3 8 h > 800 are indexed: `substitute` reports the IAQI of the other averaging period
   * (HJ 633-2012 Table 1 notes 2 and 3); `fixed` reports a fixed IAQI (200 / 300, HJ 633-2026 as implemented).
   */
  readonly above800: 'substitute' | 'fixed';
  /** Whether 超标污染物 (exceedance pollutant) is a term of the standard: dropped in 2026 (one source, caiyunapp). */
  readonly exceedanceDefined: boolean;
}

export const CHINA_STANDARDS: Readonly<Record<ChinaStandard, ChinaStandardInfo>> = Object.freeze({
  'HJ633-2012': {
    id: 'HJ633-2012',
    effectiveFrom: '2013-01-01', // Beijing's first year on it; nationally in force from 2016-01-01
    effectiveTo: '2026-02-28',
    table: HJ633_2012,
    above800: 'substitute',
    exceedanceDefined: true,
  },
  'HJ633-2026': {
    id: 'HJ633-2026',
    effectiveFrom: CHINA_STANDARD_SWITCH_DATE,
    effectiveTo: null,
    table: HJ633_2026,
    above800: 'fixed',
    exceedanceDefined: false,
  },
});

/**
 * The China standard in force on a Beijing local date (or at an instant, converted to Beijing time). Dates before
 * 2013 also get HJ 633-2012: there is no earlier AQI, and a caller backfilling history gets the nearest rules.
 *
 * @example
 * chinaStandardFor('2026-02-28'); // 'HJ633-2012'
 * chinaStandardFor('2026-03-01'); // 'HJ633-2026'
 * chinaStandardFor(new Date('2026-02-28T16:00:00Z')); // 'HJ633-2026' — already 00:00 on 1 March in Beijing
 */
export function chinaStandardFor(date: string | Date): ChinaStandard {
  if (typeof date === 'string') {
    const known = STANDARD_BY_TEXT.get(date);
    if (known !== undefined) return known;
  }
  const standard = beijingDate(date) < CHINA_STANDARD_SWITCH_DATE ? 'HJ633-2012' : 'HJ633-2026';
  if (typeof date === 'string') {
    if (STANDARD_BY_TEXT.size >= STANDARD_CACHE_SIZE) STANDARD_BY_TEXT.clear();
    STANDARD_BY_TEXT.set(date, standard);
  }
  return standard;
}

/** Memo of `chinaStandardFor` on date texts (a recomputation asks for the same few thousand dates over and over). */
const STANDARD_BY_TEXT = new Map<string, ChinaStandard>();
const STANDARD_CACHE_SIZE = 10_000;

// ── US EPA ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** US AQI indicators: pollutant and averaging period as in 40 CFR 58 App. G Table 2. */
export type UsIndicator = 'o3_8h' | 'o3_1h' | 'pm25_24h' | 'pm10_24h' | 'co_8h' | 'so2_1h' | 'so2_24h' | 'no2_1h';

/** One row: concentrations `cLo`–`cHi` map to index `iLo`–`iHi`. Rows are gapped by one truncation unit. */
export interface UsSegment {
  readonly cLo: number;
  readonly cHi: number;
  readonly iLo: number;
  readonly iHi: number;
}

export interface UsColumn {
  readonly unit: 'ppm' | 'ppb' | 'µg/m³';
  /** Decimal places the averaged concentration is truncated to before lookup. */
  readonly truncateTo: number;
  readonly segments: readonly UsSegment[];
  /**
   * Above the last row: `extrapolate` on the last row (40 CFR 58 App. G 12.ii allows "the last two breakpoints";
   * the result is flagged beyond the AQI), or `other-period` where the footnotes hand over to another averaging
   * period (O3 8 h → 1 h above 0.200 ppm; SO2 1 h → 24 h from AQI 200).
   */
  readonly above: 'extrapolate' | 'other-period';
}

type Row = readonly [cLo: number, cHi: number, iLo: number, iHi: number];
const rows = (list: readonly Row[]): readonly UsSegment[] =>
  Object.freeze(list.map(([cLo, cHi, iLo, iHi]) => Object.freeze({ cLo, cHi, iLo, iHi })));

const GOOD_TO_HAZARDOUS: readonly (readonly [number, number])[] = [
  [0, 50],
  [51, 100],
  [101, 150],
  [151, 200],
  [201, 300],
  [301, 500],
];
const column = (
  unit: UsColumn['unit'],
  truncateTo: number,
  concentrations: readonly (readonly [number, number])[],
  above: UsColumn['above'] = 'extrapolate',
  firstBand = 0,
): UsColumn =>
  Object.freeze({
    unit,
    truncateTo,
    above,
    segments: rows(
      concentrations.map(([lo, hi], i) => {
        const band = GOOD_TO_HAZARDOUS[firstBand + i]!;
        return [lo, hi, band[0], band[1]] as const;
      }),
    ),
  });

/**
 * 40 CFR 58 App. G Table 2 as revised by the PM2.5 rule of 2024-02-07 (effective 2024-05-06): PM2.5 Good ends at
 * 9.0 µg/m³ and Hazardous is one band 301–500 ending at 325.4 µg/m³. Truncation: O3 0.001 ppm, PM2.5 0.1 µg/m³,
 * PM10 1 µg/m³, CO 0.1 ppm, SO2 and NO2 1 ppb.
 */
export const US_EPA_2024: Readonly<Record<UsIndicator, UsColumn>> = Object.freeze({
  o3_8h: column('ppm', 3, [[0, 0.054], [0.055, 0.07], [0.071, 0.085], [0.086, 0.105], [0.106, 0.2]], 'other-period'),
  // 1 h O3 defines no index below 101.
  o3_1h: column('ppm', 3, [[0.125, 0.164], [0.165, 0.204], [0.205, 0.404], [0.405, 0.604]], 'extrapolate', 2),
  pm25_24h: column('µg/m³', 1, [[0, 9], [9.1, 35.4], [35.5, 55.4], [55.5, 125.4], [125.5, 225.4], [225.5, 325.4]]),
  pm10_24h: column('µg/m³', 0, [[0, 54], [55, 154], [155, 254], [255, 354], [355, 424], [425, 604]]),
  co_8h: column('ppm', 1, [[0, 4.4], [4.5, 9.4], [9.5, 12.4], [12.5, 15.4], [15.5, 30.4], [30.5, 50.4]]),
  // 1 h SO2 defines indices up to 200 only; 24 h SO2 only from 201 (Table 2 footnote).
  so2_1h: column('ppb', 0, [[0, 35], [36, 75], [76, 185], [186, 304]], 'other-period'),
  so2_24h: column('ppb', 0, [[305, 604], [605, 1004]], 'extrapolate', 4),
  no2_1h: column('ppb', 0, [[0, 53], [54, 100], [101, 360], [361, 649], [650, 1249], [1250, 2049]]),
});

/** The first date the 2024 US table applies to; earlier US data needs the 2012 table, which we do not carry. */
export const US_EPA_2024_EFFECTIVE_FROM = '2024-05-06';
