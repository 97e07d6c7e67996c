/**
 * The shape hourly data takes for the daily computations: per pollutant, 24 hourly means of one Beijing local day
 * (index h is the hour h:00–(h+1):00), and the same for the previous day where a moving window reaches back.
 */
import { POLLUTANTS, type Pollutant } from './breakpoints.ts';
import { addDays, beijingDate, beijingHour, isLocalDate, isWholeHour, type LocalDate } from './calendar.ts';
import { assertConcentration } from './iaqi.ts';

/** An hourly mean, or null when the hour is missing or invalid (fewer than 45 minutes, calibration, …). */
export type HourlyValue = number | null;

/** 24 hourly values of one local day; index h covers h:00–(h+1):00 Beijing time. */
export type DayHours = readonly HourlyValue[];

/** Hours per pollutant; an absent pollutant counts as 24 missing hours. */
export type PollutantHours = Readonly<Partial<Record<Pollutant, DayHours>>>;

/** One local day of hourly data, with the day before for windows that reach back past midnight. */
export interface DayInput {
  readonly today: PollutantHours;
  readonly previousDay?: PollutantHours;
}

export const HOURS_PER_DAY = 24;

const NO_HOURS: DayHours = Object.freeze(Array.from({ length: HOURS_PER_DAY }, () => null));

/**
 * A pollutant's 24 hours, checked: exactly 24 entries, each null or a finite concentration ≥ 0.
 *
 * @example
 * hoursOf({ pm25: Array(24).fill(10) }, 'pm25').length; // 24
 * hoursOf({}, 'co'); // 24 × null
 */
export function hoursOf(hours: PollutantHours | undefined, pollutant: Pollutant): DayHours {
  const list = hours?.[pollutant];
  if (list === undefined) return NO_HOURS;
  if (list.length !== HOURS_PER_DAY) throw new RangeError(`${pollutant}: expected 24 hourly values, got ${list.length}`);
  for (let h = 0; h < HOURS_PER_DAY; h++) {
    const v = list[h];
    if (v === null || (typeof v === 'number' && v >= 0 && v <= Number.MAX_VALUE)) continue; // the common case
    if (v === undefined && !(h in list)) continue; // a hole, as `forEach` skips it
    assertConcentration(v as number, `${pollutant} hour ${h}`);
  }
  return list;
}

/** One hourly row as a caller stores it: the start of the hour, and the pollutants measured in it. */
export interface HourlyRow {
  /** Start of the hour (a whole hour). Data labelled by the *end* of the hour must be shifted back one hour. */
  readonly hourStart: Date;
  readonly values: Readonly<Partial<Record<Pollutant, number | null>>>;
}

/**
 * Buckets hourly rows into the day arrays for `date` and the day before. Rows of other days are ignored; a
 * pollutant missing from a row, or an hour without a row, stays null. Two rows for the same hour and pollutant
 * are refused rather than silently overwritten.
 *
 * @example
 * const day = dayInputFromRows(rows, '2026-03-01');
 * dailyValues(day); // → daily means, MDA8, completeness
 */
export function dayInputFromRows(rows: readonly HourlyRow[], date: LocalDate): DayInput {
  if (!isLocalDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const previous = addDays(date, -1);
  const blank = (): Record<Pollutant, HourlyValue[]> =>
    Object.fromEntries(POLLUTANTS.map((p) => [p, Array.from({ length: HOURS_PER_DAY }, () => null)])) as Record<
      Pollutant,
      HourlyValue[]
    >;
  const today = blank();
  const before = blank();
  const seen = new Set<string>();
  for (const row of rows) {
    if (!isWholeHour(row.hourStart)) throw new RangeError(`hourStart is not a whole hour: ${row.hourStart.toISOString()}`);
    const d = beijingDate(row.hourStart);
    const target = d === date ? today : d === previous ? before : null;
    if (!target) continue;
    const h = beijingHour(row.hourStart);
    for (const p of POLLUTANTS) {
      const v = row.values[p];
      if (v === undefined) continue;
      const key = `${d}/${h}/${p}`;
      if (seen.has(key)) throw new RangeError(`two values for ${p} at ${row.hourStart.toISOString()}`);
      seen.add(key);
      if (v !== null) assertConcentration(v, `${p} at ${row.hourStart.toISOString()}`);
      target[p][h] = v;
    }
  }
  return { today, previousDay: before };
}
