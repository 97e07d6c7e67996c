/**
 * Calendar arithmetic in the city's time zone (not the browser's): a deadline
 * "by 5 December" means the end of 5 December in Beijing wherever it is typed.
 * Pure functions on ISO strings, unit-tested in `time.test.ts`.
 */

function parts(date: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in a time zone.
 *
 * @example
 * dayInZone(new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai') // '2026-12-01'
 */
export function dayInZone(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The month (`YYYY-MM`) of an instant in a time zone: the month a league table is asked for.
 *
 * @example
 * monthInZone(new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai') // '2026-12'
 */
export function monthInZone(date: Date, timeZone: string): string {
  return dayInZone(date, timeZone).slice(0, 7);
}

/**
 * `count` months ending with `last`, newest first, for a month picker.
 *
 * @example
 * recentMonths('2026-02', 3) // ['2026-02', '2026-01', '2025-12']
 */
export function recentMonths(last: string, count: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * Adds whole days to a calendar day.
 *
 * @example
 * addDays('2026-12-30', 3) // '2027-01-02'
 */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The zone's offset from UTC at an instant, in minutes (480 for Beijing). */
function offsetMinutes(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The last second of a calendar day in a time zone, as an ISO instant with
 * that zone's offset — what a "due by" date picker means.
 *
 * @example
 * endOfDayInZone('2026-12-05', 'Asia/Shanghai') // '2026-12-05T23:59:59+08:00'
 */
export function endOfDayInZone(day: string, timeZone: string): string {
  // The offset at noon of that day: far from any daylight-saving switch at night.
  const offset = offsetMinutes(new Date(`${day}T12:00:00Z`), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${day}T23:59:59${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Whole days, hours and minutes of a duration (rounded down to the minute). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
