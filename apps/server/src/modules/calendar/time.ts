import { invalidField } from '../../platform/errors.ts';

/**
 * Instants and local dates, with no library but `Intl`.
 *
 * - An **instant** crosses the module boundary as an ISO-8601 string with an explicit offset
 *   (`2024-09-30T17:00:00Z`, `2024-10-01T01:00:00+08:00`) and always leaves it in the UTC form
 *   `Date#toISOString()` gives (`2024-09-30T17:00:00.000Z`). Inside, it is epoch milliseconds.
 * - A **local date** is `YYYY-MM-DD`: a day on the wall calendar of some time zone.
 */

/** An ISO-8601 instant with an explicit offset, e.g. `2026-11-28T06:50:13.123Z`. */
export type Instant = string;
/** A calendar day `YYYY-MM-DD`, read in the city's time zone. */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an instant. A string without an offset is refused: it would silently mean the server's
 * own zone, which is exactly the mistake a deadline must not make.
 */
export function parseInstant(value: Instant, path = 'instant'): number {
  // One request reads its own "now" several times (its day, its month, each deadline): the last answer is kept.
  if (typeof value === 'string' && value === lastParsed.value) return lastParsed.ms;
  const m = typeof value === 'string' ? INSTANT_RE.exec(value) : null;
  const ms = m ? Date.parse(value) : NaN;
  if (!m || Number.isNaN(ms) || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3])))
    throw invalidField(path, `expected an ISO-8601 instant with an offset such as 2026-11-28T06:50:13.123Z, got ${JSON.stringify(value)}`);
  lastParsed = { value, ms };
  return ms;
}
let lastParsed: { value: string | null; ms: number } = { value: null, ms: NaN };

/** Formats epoch milliseconds as the UTC ISO string every API of this module returns. */
export function formatInstant(ms: number): Instant {
  return new Date(ms).toISOString();
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** True when `value` is a `YYYY-MM-DD` string naming a day that exists (2024-02-30 does not). */
export function isLocalDate(value: unknown): value is LocalDate {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function assertLocalDate(value: unknown, path = 'date'): LocalDate {
  if (!isLocalDate(value)) throw invalidField(path, `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/** Days since 1970-01-01 of a local date; the arithmetic of dates needs no time zone. */
export function dayNumber(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one, and a
// deadline walk asks for hundreds of conversions. The cache holds no state beyond that.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw invalidField('tz', `unknown IANA time zone ${JSON.stringify(tz)}`);
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Throws `validation_failed` unless `tz` is an IANA zone this runtime knows (e.g. `Asia/Shanghai`). */
export function assertTimeZone(tz: string): string {
  formatter(tz);
  return tz;
}

interface WallClock {
  date: LocalDate;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

/** Reads the wall clock through Intl: exact, but costs microseconds a call. */
function wallClockIntl(ms: number, tz: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const msOfDay = ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + (((ms % 1000) + 1000) % 1000);
  return { date, msOfDay };
}

// Offsets change only at transitions, which fall on whole quarter hours in every zone in use:
// one Intl reading per zone and quarter hour serves every instant inside it.
const QUARTER = 15 * 60_000;
const offsets = new Map<string, number>();

function offsetAt(ms: number, tz: string): number {
  const key = `${tz}|${Math.floor(ms / QUARTER)}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const w = wallClockIntl(ms, tz);
    off = dayNumber(w.date) * DAY_MS + w.msOfDay - ms;
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

function wallClock(ms: number, tz: string): WallClock {
  const local = ms + offsetAt(ms, tz);
  const msOfDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  return { date: fromDayNumber((local - msOfDay) / DAY_MS), msOfDay };
}

/** The local date of an instant in `tz`: 2024-09-30T17:00:00Z is 2024-10-01 in Asia/Shanghai. */
export function localDateOf(ms: number, tz: string): LocalDate {
  return wallClock(ms, tz).date;
}

/** The local date of an ISO instant in `tz`, for callers outside this module. */
export function toLocalDate(instant: Instant, tz: string): LocalDate {
  if (typeof instant === 'string' && instant === lastLocal.instant && tz === lastLocal.tz) return lastLocal.date;
  const date = localDateOf(parseInstant(instant), assertTimeZone(tz));
  lastLocal = { instant, tz, date };
  return date;
}
let lastLocal: { instant: string | null; tz: string; date: LocalDate } = { instant: null, tz: '', date: '' };


/**
 * The instant at which the wall clock in `tz` shows `date` plus `minutes` (0 … 1440; 1440 is the
 * 24:00 that ends the day, i.e. 00:00 of the next one).
 *
 * Around a daylight-saving change a wall time can occur twice or never: the earlier of two is
 * taken, and a time skipped by a spring-forward gap resolves to the moment the clocks jump.
 * Zones without DST (Asia/Shanghai since 1991) have neither case.
 */
export function instantAt(date: LocalDate, minutes: number, tz: string): number {
  const wall = dayNumber(date) * DAY_MS + minutes * 60_000;
  // Offsets lie within −12 h … +14 h, so a day either side of the wall time (read as UTC) is
  // safely before and after the instant sought; one DST change at most lies between them.
  const before = wall - offsetAt(wall - DAY_MS, tz);
  const after = wall - offsetAt(wall + DAY_MS, tz);
  const candidates = [before, after].filter((t) => offsetAt(t, tz) + t === wall).sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // In a gap: the first instant whose wall time is not earlier than asked is the transition.
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, tz) + mid >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Local midnight that starts `date` in `tz`. */
export function startOfDay(date: LocalDate, tz: string): number {
  return instantAt(date, 0, tz);
}

/** Parses `HH:MM` (00:01 … 24:00) into minutes after local midnight. */
export function parseEndOfDay(value: string, path = 'endOfDay'): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || !(minutes > 0 && minutes <= 1440))
    throw invalidField(path, `expected a local time HH:MM between 00:01 and 24:00, got ${JSON.stringify(value)}`);
  return minutes;
}
