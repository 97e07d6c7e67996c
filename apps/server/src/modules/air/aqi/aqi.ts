/**
 * AQI reports (HJ 633 §5): the real-time (hourly, 实时报) and daily (日报) reports, each with its IAQIs, the AQI,
 * the category, 首要污染物 (primary pollutants) and 超标污染物 (exceedance pollutants).
 */
import { CHINA_STANDARDS, chinaStandardFor, type ChinaStandard, type IaqiColumn, type Pollutant } from './breakpoints.ts';
import { aqiCategory, type AqiCategory } from './categories.ts';
import { iaqi, type IaqiEntry } from './iaqi.ts';

/** IAQI keys of the real-time report: one per pollutant, from 1-hour values. */
export type HourlyIaqiKey = Pollutant;
/** IAQI keys of the daily report: O3 is indexed both on its daily max 1 h and its daily max 8 h. */
export type DailyIaqiKey = 'pm25' | 'pm10' | 'so2' | 'no2' | 'co' | 'o3_1h' | 'o3_8h';

export const HOURLY_IAQI_KEYS: readonly HourlyIaqiKey[] = Object.freeze(['pm25', 'pm10', 'so2', 'no2', 'co', 'o3']);
export const DAILY_IAQI_KEYS: readonly DailyIaqiKey[] = Object.freeze(['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_1h', 'o3_8h']);

/** AQI above which the day is 重污染 (heavy pollution) in city emergency plans. */
export const HEAVY_POLLUTION_ABOVE = 200;
/** A primary pollutant is named only when AQI > 50 (HJ 633-2012 §5). */
export const PRIMARY_POLLUTANT_ABOVE = 50;
/** An exceedance pollutant has IAQI > 100, i.e. it is above its Grade II limit. */
export const EXCEEDANCE_ABOVE = 100;

/** Which standard to apply: named, or chosen by the Beijing local date of the measurement. */
export type StandardChoice =
  | { readonly standard: ChinaStandard; readonly date?: undefined }
  | { readonly date: string | Date; readonly standard?: undefined };

/**
 * The standard a choice names.
 *
 * @example
 * resolveStandard({ date: '2026-03-01' }); // 'HJ633-2026'
 * resolveStandard({ standard: 'HJ633-2012' }); // 'HJ633-2012'
 */
export function resolveStandard(choice: StandardChoice): ChinaStandard {
  if (choice.standard !== undefined) return choice.standard;
  return chinaStandardFor(choice.date);
}

/** Inputs of the real-time report (µg/m³; CO mg/m³); null when not measured. */
export interface HourlyConcentrations {
  /** 1-hour means. */
  readonly pm25: number | null;
  readonly pm10: number | null;
  readonly so2: number | null;
  readonly no2: number | null;
  readonly co: number | null;
  readonly o3: number | null;
  /** SO2 24-hour moving mean: only used when SO2 1 h > 800 under HJ 633-2012. */
  readonly so2_24h?: number | null;
}

/** Inputs of the daily report (µg/m³; CO mg/m³); null when not valid (see validity.ts). */
export interface DailyConcentrations {
  /** 24-hour means. */
  readonly pm25: number | null;
  readonly pm10: number | null;
  readonly so2: number | null;
  readonly no2: number | null;
  readonly co: number | null;
  /** O3 daily maximum 1-hour value. */
  readonly o3_1h: number | null;
  /** O3 daily maximum 8-hour moving mean (MDA8). */
  readonly o3_8h: number | null;
}

export interface AqiReport<K extends string> {
  readonly standard: ChinaStandard;
  /** Max of the available IAQIs; null when none is available. */
  readonly aqi: number | null;
  readonly category: AqiCategory | null;
  readonly iaqi: Readonly<Record<K, IaqiEntry>>;
  /** 首要污染物: every key whose IAQI equals the AQI, when AQI > 50; in key order. */
  readonly primaryPollutants: readonly K[];
  /** 超标污染物: every key with IAQI > 100, in key order (see `exceedanceDefined`). */
  readonly exceedancePollutants: readonly K[];
  /** False under HJ 633-2026, which reportedly dropped the term; the list is still computed for continuity. */
  readonly exceedanceDefined: boolean;
  /** AQI > 200 (重污染). */
  readonly heavyPollution: boolean;
  /** Every IAQI was available. An incomplete AQI is a lower bound. */
  readonly complete: boolean;
  /** Some IAQI was capped at 500 above its column. */
  readonly beyondIndex: boolean;
}

/**
 * 首要污染物: with AQI > 50, every key whose IAQI equals the highest (ties are all listed); none otherwise.
 *
 * @example
 * primaryPollutants({ pm25: 100, pm10: 100, so2: 10 }); // ['pm25', 'pm10']
 * primaryPollutants({ pm25: 50, pm10: 20 }); // []
 */
export function primaryPollutants<K extends string>(iaqis: Readonly<Record<K, number | null>>): K[] {
  const entries = Object.entries(iaqis) as [K, number | null][];
  const aqi = Math.max(-Infinity, ...entries.map(([, v]) => v ?? -Infinity));
  if (!(aqi > PRIMARY_POLLUTANT_ABOVE)) return [];
  return entries.filter(([, v]) => v === aqi).map(([k]) => k);
}

/**
 * 超标污染物: every key with IAQI > 100 (exactly 100 is at the limit, not above it).
 *
 * @example
 * exceedancePollutants({ pm25: 107, pm10: 100 }); // ['pm25']
 */
export function exceedancePollutants<K extends string>(iaqis: Readonly<Record<K, number | null>>): K[] {
  return (Object.entries(iaqis) as [K, number | null][]).filter(([, v]) => v !== null && v > EXCEEDANCE_ABOVE).map(([k]) => k);
}

function report<K extends string>(standard: ChinaStandard, keys: readonly K[], entries: Record<K, IaqiEntry>): AqiReport<K> {
  const values = {} as Record<K, number | null>;
  for (const k of keys) values[k] = entries[k].value;
  const available = keys.map((k) => values[k]).filter((v): v is number => v !== null);
  const aqi = available.length > 0 ? Math.max(...available) : null;
  return {
    standard,
    aqi,
    category: aqi === null ? null : aqiCategory(aqi),
    iaqi: entries,
    primaryPollutants: primaryPollutants(values),
    exceedancePollutants: exceedancePollutants(values),
    exceedanceDefined: CHINA_STANDARDS[standard].exceedanceDefined,
    heavyPollution: aqi !== null && aqi > HEAVY_POLLUTION_ABOVE,
    complete: available.length === keys.length,
    beyondIndex: keys.some((k) => entries[k].beyondIndex),
  };
}

/** Column of each real-time IAQI: SO2, NO2, CO and O3 use their 1 h columns, PM its 24 h column. */
const HOURLY_COLUMNS: Readonly<Record<HourlyIaqiKey, IaqiColumn>> = {
  pm25: 'pm25_24h',
  pm10: 'pm10_24h',
  so2: 'so2_1h',
  no2: 'no2_1h',
  co: 'co_1h',
  o3: 'o3_1h',
};

/** Column of each daily IAQI: the 24 h columns (HJ 633-2012 Table 1 note 1: 1 h columns are for the real-time report). */
const DAILY_COLUMNS: Readonly<Record<DailyIaqiKey, IaqiColumn>> = {
  pm25: 'pm25_24h',
  pm10: 'pm10_24h',
  so2: 'so2_24h',
  no2: 'no2_24h',
  co: 'co_24h',
  o3_1h: 'o3_1h',
  o3_8h: 'o3_8h',
};

/**
 * The real-time (hourly) report from 1-hour values. The AQI covers the six 1-hour indicators; the O3 8-hour and
 * PM 24-hour moving means that the real-time report also publishes are concentrations, not AQI inputs.
 *
 * @example
 * const r = hourlyReport({ pm25: 80, pm10: 100, so2: 10, no2: 50, co: 1, o3: 120 }, { date: '2025-06-01' });
 * r.aqi; // 107
 * r.primaryPollutants; // ['pm25']
 */
export function hourlyReport(c: HourlyConcentrations, choice: StandardChoice): AqiReport<HourlyIaqiKey> {
  const standard = resolveStandard(choice);
  const entries = {} as Record<HourlyIaqiKey, IaqiEntry>;
  for (const k of HOURLY_IAQI_KEYS) entries[k] = iaqi(HOURLY_COLUMNS[k], c[k], { standard, so2_24h: c.so2_24h ?? null });
  return report(standard, HOURLY_IAQI_KEYS, entries);
}

/**
 * The daily report from daily values (24 h means, O3 daily max 1 h and max 8 h). O3 8 h > 800 uses the O3 1 h
 * IAQI under HJ 633-2012 (so `o3_1h` and `o3_8h` then tie) and 300 under HJ 633-2026.
 *
 * @example
 * const r = dailyReport({ pm25: 80, pm10: 100, so2: 10, no2: 50, co: 1, o3_1h: null, o3_8h: 120 }, { standard: 'HJ633-2012' });
 * r.aqi; // 107
 * r.category?.name.zh; // '轻度污染'
 * r.complete; // false — no O3 1-hour maximum was given
 */
export function dailyReport(c: DailyConcentrations, choice: StandardChoice): AqiReport<DailyIaqiKey> {
  const standard = resolveStandard(choice);
  const entries = {} as Record<DailyIaqiKey, IaqiEntry>;
  for (const k of DAILY_IAQI_KEYS) entries[k] = iaqi(DAILY_COLUMNS[k], c[k], { standard, o3_1h: c.o3_1h });
  return report(standard, DAILY_IAQI_KEYS, entries);
}
