import { DomainError } from '../../platform/errors.ts';
import {
  buildDayTable,
  isCoveredBy,
  loadNationalHolidays,
  parseCalendarOverrides,
  type CalendarOverridesInput,
  type DayTable,
  type FestivalName,
  type HolidayData,
  type YearSummary,
} from './holidays.ts';
import { computeDue, normaliseLimit, type CountingOptions, type DayRules, type Limit } from './periods.ts';
import {
  assertLocalDate,
  assertTimeZone,
  dayNumber,
  formatInstant,
  fromDayNumber,
  localDateOf,
  parseEndOfDay,
  parseInstant,
  weekdayOf,
  yearOf,
  type Instant,
  type LocalDate,
} from './time.ts';

/** What a day is: an ordinary weekday, a weekend, a day off by notice, or a weekend worked by notice. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface DayInfo {
  date: LocalDate;
  kind: DayKind;
  /** True for `workday` and `adjusted_workday`. */
  working: boolean;
  /** The festival for `holiday` and `adjusted_workday` (the break the weekend is worked for); null otherwise. */
  name: FestivalName | null;
  /** `national` (State Council notice) or `city` (a deployment's override) for noted days; null otherwise. */
  origin: 'national' | 'city' | null;
  /** True when no notice covers the date yet, so the answer is the plain Monday–Friday rule. */
  provisional: boolean;
}

export interface WorkingCalendarOptions {
  /** A city's extra years and day corrections (the shape of an override file). */
  overrides?: CalendarOverridesInput;
  /**
   * A date no notice covers: `weekdays` (default) answers by the Monday–Friday rule and marks the
   * answer provisional; `throw` refuses with an `unavailable` error.
   */
  uncovered?: 'weekdays' | 'throw';
  /** Local time at which the last day of a period ends, `HH:MM`; `24:00` (default) is midnight. */
  endOfDay?: string;
}

/** Per-call counting choices; each defaults to the calendar's or to the documented convention. */
export interface DayLimitOptions {
  /** Local time at which the last day ends, `HH:MM`, overriding the calendar's default. */
  endOfDay?: string;
  /** Treat a start on a non-working day as received on the next working day (default false). */
  deferNonWorkingStart?: boolean;
}

export interface CalendarDayOptions {
  endOfDay?: string;
  /** When the last day is not a working day, run on to the end of the next one (民法典 第二百零三条). */
  rollOverToWorkingDay?: boolean;
}

/**
 * The working-day calendar of one deployment: the State Council's arrangements plus the city's
 * corrections, and period arithmetic on top.
 *
 * Dates are `YYYY-MM-DD` local dates; instants are ISO-8601 strings with an offset in, UTC
 * `…Z` strings out; the time zone is passed to every call that turns an instant into a day.
 *
 * @example
 * const cal = WorkingCalendar.national();
 * cal.kindOf('2024-02-04').kind;                                        // 'adjusted_workday'
 * cal.addWorkingDays('2024-02-08T07:00:00Z', 3, 'Asia/Shanghai');       // '2024-02-19T16:00:00.000Z'
 */
export class WorkingCalendar implements DayRules {
  readonly #table: DayTable;
  readonly #uncovered: 'weekdays' | 'throw';
  readonly #endOfDayMinutes: number;

  constructor(data: HolidayData, options: WorkingCalendarOptions = {}) {
    const overrides = options.overrides ? parseCalendarOverrides(options.overrides) : undefined;
    this.#table = buildDayTable(data, overrides);
    this.#uncovered = options.uncovered ?? 'weekdays';
    this.#endOfDayMinutes = parseEndOfDay(options.endOfDay ?? '24:00');
  }

  /** The calendar from the data shipped with Jing, plus the deployment's overrides if any. */
  static national(options: WorkingCalendarOptions = {}): WorkingCalendar {
    return new WorkingCalendar(loadNationalHolidays(), options);
  }

  /** The years the data covers, with their notices and whether each was verified. */
  years(): YearSummary[] {
    return [...this.#table.years.values()];
  }

  /** Whether a notice covers `date` (see `isCoveredBy` for the last week of December). */
  isCovered(date: LocalDate): boolean {
    return isCoveredBy(this.#table.years, assertLocalDate(date));
  }

  /** What `date` is, with the festival name for days a notice names. */
  kindOf(date: LocalDate): DayInfo {
    assertLocalDate(date);
    const provisional = !isCoveredBy(this.#table.years, date);
    const entry = this.#table.entries.get(date);
    if (provisional && !entry && this.#uncovered === 'throw')
      throw new DomainError('unavailable', `no holiday notice is loaded for ${date}; add the year to the calendar overrides`, {
        date,
        year: yearOf(date),
      });
    if (entry) {
      const working = entry.kind === 'work';
      return { date, kind: working ? 'adjusted_workday' : 'holiday', working, name: entry.name, origin: entry.origin, provisional };
    }
    const wd = weekdayOf(date);
    const weekend = wd === 0 || wd === 6;
    return { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, name: null, origin: null, provisional };
  }

  /** True on Monday–Friday unless a notice gives the day off, and on weekends a notice makes working days. */
  isWorkingDay(date: LocalDate): boolean {
    return this.kindOf(date).working;
  }

  /** @internal The counting engine's view of a day. */
  dayAt(date: LocalDate): { working: boolean; provisional: boolean } {
    const { working, provisional } = this.kindOf(date);
    return { working, provisional };
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    let n = dayNumber(assertLocalDate(date));
    for (;;) {
      const d = fromDayNumber(++n);
      if (this.isWorkingDay(d)) return d;
    }
  }

  /** @internal Resolves per-call options against the calendar's defaults. */
  countingOptions(tz: string, o: DayLimitOptions & CalendarDayOptions = {}): CountingOptions {
    return {
      tz: assertTimeZone(tz),
      endOfDayMinutes: o.endOfDay === undefined ? this.#endOfDayMinutes : parseEndOfDay(o.endOfDay),
      rollOverToWorkingDay: o.rollOverToWorkingDay ?? false,
      deferNonWorkingStart: o.deferNonWorkingStart ?? false,
    };
  }

  #due(start: Instant, limit: Limit, tz: string, o: DayLimitOptions & CalendarDayOptions): Instant {
    const r = computeDue(this, parseInstant(start, 'start'), limit, [], this.countingOptions(tz, o));
    // Without pauses the clock never stops, so a due instant always exists.
    return formatInstant(r.due!);
  }

  /**
   * The deadline of an n-working-day limit started at `start`: the end (24:00 local unless
   * configured) of the n-th working day after the start day. The start day never counts.
   *
   * @example
   * // Friday 2024-09-27 15:00 in Beijing; 29 Sep (Sun) is worked, 1–7 Oct are off:
   * cal.addWorkingDays('2024-09-27T07:00:00Z', 3, 'Asia/Shanghai'); // end of Tue 8 Oct: '2024-10-08T16:00:00.000Z'
   */
  addWorkingDays(start: Instant, n: number, tz: string, options: DayLimitOptions = {}): Instant {
    return this.#due(start, { workingDays: n }, tz, options);
  }

  /** The deadline of an n-calendar-day (自然日) limit: the end of the n-th day after the start day. */
  addCalendarDays(start: Instant, n: number, tz: string, options: CalendarDayOptions = {}): Instant {
    return this.#due(start, { calendarDays: n }, tz, options);
  }

  /** `start` plus `h` hours of elapsed time (按小时计算的期间, from the start instant itself). */
  addHours(start: Instant, h: number): Instant {
    const { amount } = normaliseLimit({ hours: h });
    return formatInstant(parseInstant(start, 'start') + amount * 3_600_000);
  }

  /**
   * Working days whose local date lies after the day of `a` up to and including the day of `b`:
   * what a case submitted at `a` and answered at `b` used. Negative when `b` is before `a`.
   */
  workingDaysBetween(a: Instant, b: Instant, tz: string): number {
    assertTimeZone(tz);
    const from = dayNumber(localDateOf(parseInstant(a, 'a'), tz));
    const to = dayNumber(localDateOf(parseInstant(b, 'b'), tz));
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let n = lo + 1; n <= hi; n++) if (this.isWorkingDay(fromDayNumber(n))) count++;
    return sign * count;
  }
}
