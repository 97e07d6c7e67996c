/**
 * Opening hours and slots of a hall, in local wall-clock minutes of the city's
 * time zone. Pure functions; the service supplies the calendar and the clock.
 */
import { instantAt, localDateOf, type WorkingCalendar } from '../calendar/index.ts';

export interface HoursLike {
  open_days: 'working_days' | 'every_day';
  opens: string;
  closes: string;
  slot_minutes: number;
}

/** `HH:MM` → minutes after local midnight (24:00 is 1440). */
export function parseClock(s: string): number {
  const [h, m] = s.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes after local midnight → `HH:MM`. */
export function formatClock(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** The slots of a day: from opening, `slot_minutes` each, the last one ending by closing time. */
export function slotTimes(h: HoursLike): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const close = parseClock(h.closes);
  for (let s = parseClock(h.opens); s + h.slot_minutes <= close; s += h.slot_minutes) out.push({ start: s, end: s + h.slot_minutes });
  return out;
}

/** Whether the hall opens at all on `date` (working days follow the official calendar, adjusted weekends included). */
export function opensOn(h: HoursLike, date: string, calendar: WorkingCalendar): boolean {
  return h.open_days === 'every_day' || calendar.isWorkingDay(date);
}

/** The local date and minute of an instant. */
export function localNow(ms: number, tz: string): { date: string; minute: number } {
  const date = localDateOf(ms, tz);
  return { date, minute: Math.floor((ms - instantAt(date, 0, tz)) / 60_000) };
}

/** Whether the hall is open at `ms`. */
export function isOpenAt(h: HoursLike, ms: number, tz: string, calendar: WorkingCalendar): boolean {
  const { date, minute } = localNow(ms, tz);
  return opensOn(h, date, calendar) && minute >= parseClock(h.opens) && minute < parseClock(h.closes);
}

/** The instant a local time of a day begins. */
export function instantOf(date: string, minute: number, tz: string): number {
  return instantAt(date, minute, tz);
}

/** Whole days from local date `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
