/**
 * Beijing local calendar. HJ 663 counts days and hours in the natural day (自然日) of local time; China Standard
 * Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact for every date we handle.
 */

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A Beijing local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isLocalDate('2026-02-29'); // false — 2026 is not a leap year
 */
export function isLocalDate(text: string): boolean {
  const m = LOCAL_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * The Beijing local date of an instant, or of a text that is either a local date (`2026-03-01`) or an ISO
 * date-time with an explicit offset (`2026-02-28T16:00:00Z`). A date-time without an offset is refused: JavaScript
 * would read it in the server's own time zone.
 *
 * @example
 * beijingDate(new Date('2026-02-28T16:00:00Z')); // '2026-03-01' (00:00 in Beijing)
 */
export function beijingDate(when: string | Date): LocalDate {
  if (typeof when === 'string') {
    if (isLocalDate(when)) return when;
    if (!ISO_INSTANT.test(when)) throw new RangeError(`not a YYYY-MM-DD date or an ISO date-time with offset: ${when}`);
    when = new Date(when);
  }
  const ms = when.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The Beijing hour (0–23) an instant falls in.
 *
 * @example
 * beijingHour(new Date('2026-02-28T16:30:00Z')); // 0
 */
export function beijingHour(when: Date): number {
  const ms = when.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return new Date(ms + BEIJING_OFFSET_MS).getUTCHours();
}

/**
 * True when the instant is a whole hour (minutes, seconds and milliseconds zero).
 *
 * @example
 * isWholeHour(new Date('2026-03-01T01:00:00Z')); // true
 */
export function isWholeHour(when: Date): boolean {
  return when.getTime() % HOUR_MS === 0;
}

/**
 * The local date `days` after (or before, when negative) a local date.
 *
 * @example
 * addDays('2026-03-01', -1); // '2026-02-28'
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!isLocalDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const t = Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Year and month (1–12) of a local date.
 *
 * @example
 * yearMonthOf('2026-03-01'); // { year: 2026, month: 3 }
 */
export function yearMonthOf(date: LocalDate): { year: number; month: number } {
  if (!isLocalDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}
