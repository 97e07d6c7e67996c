/**
 * The working-day calendar (工作日历): which days are working days under the State Council's
 * holiday notices and a city's corrections, and when time limits in working days, calendar days
 * or hours end — with pauses. The only surface other modules import. See docs/working-days.md.
 */
export { WorkingCalendar } from './calendar.ts';
export type { CalendarDayOptions, DayInfo, DayKind, DayLimitOptions, WorkingCalendarOptions } from './calendar.ts';
export { Deadline } from './deadline.ts';
export type { DeadlineInput, DeadlineStatus, Pause } from './deadline.ts';
export type { Limit } from './periods.ts';
export { DEFAULT_LIGHT_POLICY, trafficLight } from './traffic-light.ts';
export type { LightPolicy, TrafficLight } from './traffic-light.ts';
export {
  CalendarOverrides,
  DayOverride,
  HolidayData,
  HolidayYear,
  NATIONAL_HOLIDAYS_FILE,
  loadCalendarOverrides,
  loadNationalHolidays,
  parseCalendarOverrides,
  parseHolidayData,
} from './holidays.ts';
export type { CalendarOverridesInput, FestivalName, YearSummary } from './holidays.ts';
export { addDays, instantAt, localDateOf, toLocalDate, weekdayOf } from './time.ts';
export type { Instant, LocalDate } from './time.ts';
