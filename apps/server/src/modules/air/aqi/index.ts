/**
 * Air-quality index core (一微克): China AQI under HJ 633-2012 and HJ 633-2026, HJ 663 data validity and annual
 * assessment, and the US EPA AQI as a comparison view. Pure functions, no I/O. The rules as implemented, with
 * their sources and the decisions taken where the sources leave a choice: `docs/air-quality-rules.md`.
 *
 * This is the only file other code may import from.
 */
export {
  CHINA_STANDARD_SWITCH_DATE,
  CHINA_STANDARDS,
  CONCENTRATION_DECIMALS,
  HJ633_2012,
  HJ633_2026,
  HJ633_2026_O3_8H_ABOVE_800_IAQI,
  HJ633_2026_PM25_IAQI50,
  HJ633_2026_SO2_1H_ABOVE_800_IAQI,
  IAQI_STEPS,
  POLLUTANTS,
  UNITS,
  US_EPA_2024,
  US_EPA_2024_EFFECTIVE_FROM,
  chinaStandardFor,
  type BreakpointTable,
  type ChinaStandard,
  type ChinaStandardInfo,
  type IaqiColumn,
  type Pollutant,
  type UsColumn,
  type UsIndicator,
  type UsSegment,
} from './breakpoints.ts';
export { beijingDate, type LocalDate } from './calendar.ts';
export { AQI_CATEGORIES, aqiCategory, type AqiCategory, type AqiLevel, type Bilingual } from './categories.ts';
export { formatHalfEven, roundHalfEven, truncateDecimals } from './rounding.ts';
export { IAQI_CAP, iaqi, roundConcentration, type IaqiBasis, type IaqiEntry, type IaqiOptions } from './iaqi.ts';
export {
  DAILY_IAQI_KEYS,
  EXCEEDANCE_ABOVE,
  HEAVY_POLLUTION_ABOVE,
  HOURLY_IAQI_KEYS,
  PRIMARY_POLLUTANT_ABOVE,
  dailyReport,
  exceedancePollutants,
  hourlyReport,
  primaryPollutants,
  resolveStandard,
  type AqiReport,
  type DailyConcentrations,
  type DailyIaqiKey,
  type HourlyConcentrations,
  type HourlyIaqiKey,
  type StandardChoice,
} from './aqi.ts';
export { dayInputFromRows, type DayHours, type DayInput, type HourlyRow, type HourlyValue, type PollutantHours } from './day-input.ts';
export {
  DAILY_MIN_VALID_HOURS,
  EIGHT_HOUR_MIN_VALID_HOURS,
  MDA8_FIRST_WINDOW_END,
  MDA8_MIN_VALID_WINDOWS,
  MOVING_24H_MIN_VALID_HOURS,
  O3_MAX_1H_MIN_VALID_HOURS,
  dailyMean,
  dailyValues,
  mda8,
  o3EightHourMeans,
  o3Max1h,
  realtimeConcentrations,
  twentyFourHourMeans,
  type DailyValues,
  type Mda8Options,
  type Mda8Result,
  type RealtimeConcentrations,
} from './validity.ts';
export {
  ANNUAL_MIN_VALID_DAYS,
  ANNUAL_PERCENTILES,
  ANNUAL_REPORTING_DECIMALS,
  FEBRUARY_MIN_VALID_DAYS,
  GOOD_DAY_MAX_AQI,
  MONTHLY_MIN_VALID_DAYS,
  annualAssessment,
  goodDayCountsComparable,
  percentile,
  type AnnualAssessment,
  type AnnualOptions,
  type AnnualPollutantStatistics,
  type DailyRecord,
  type DayRatings,
} from './annual.ts';
export {
  GAS_FACTORS_25C,
  NOWCAST_HOURS,
  US_CATEGORIES,
  US_POLLUTANTS,
  nowCast,
  nowCastAqi,
  toUsUnits,
  usAqiReport,
  usCategory,
  usIndicatorAqi,
  type NowCastOptions,
  type NowCastRecentRule,
  type UsAqiReport,
  type UsBasis,
  type UsCategory,
  type UsConcentrations,
  type UsIndexValue,
  type UsPollutant,
  type UsPollutantIndex,
} from './us-epa.ts';
export { changePercent, meanHalfEven } from './aggregate.ts';
