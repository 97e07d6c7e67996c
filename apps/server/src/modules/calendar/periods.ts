import { invalidField } from '../../platform/errors.ts';
import { addDays, instantAt, localDateOf, type LocalDate } from './time.ts';

/**
 * The counting rule shared by `WorkingCalendar` and `Deadline` (docs/working-days.md has the why):
 *
 * A day counts toward an n-day limit when the clock runs for the **whole** of it — from local
 * 00:00 to the end-of-day time (24:00 unless configured) — so
 * - the day of the start never counts (期间开始的当日不计入, 民法典 第二百零一条);
 * - a day touched by a pause never counts, which also means counting restarts the day after a
 *   resubmission, like a fresh start;
 * - for working-day limits, only working days count (行政许可法 第八十二条).
 * The period ends at the end-of-day time of the n-th counted day.
 *
 * Hour limits run on elapsed time, minus the time spent in pauses.
 */

/** How long a case may take: n working days (工作日), n calendar days (自然日) or h hours. */
export type Limit = { workingDays: number } | { calendarDays: number } | { hours: number };

/** The calendar questions the counting needs. */
export interface DayRules {
  dayAt(date: LocalDate): { working: boolean; provisional: boolean };
}

/** A stretch of time the clock does not run, in epoch ms; `to` is Infinity while still open. */
export interface Interval {
  from: number;
  to: number;
}

export interface CountingOptions {
  tz: string;
  /** Minutes after local midnight at which a day ends (1440 = 24:00). */
  endOfDayMinutes: number;
  /**
   * Calendar-day limits only: when the last day is not a working day, the period runs on to the end
   * of the next working day (民法典 第二百零三条). Off by default for 自然日 limits.
   */
  rollOverToWorkingDay: boolean;
  /**
   * When the start falls on a non-working day, treat it as received on the next working day, which
   * then is the (uncounted) start day. Off by default: the plain rule already skips the start day.
   */
  deferNonWorkingStart: boolean;
}

/** The farthest a walk goes: ten years of days. */
export const MAX_DAYS = 3660;

/** Checks a limit and returns it as a unit and an amount. */
export function normaliseLimit(limit: Limit): { unit: 'working_days' | 'calendar_days' | 'hours'; amount: number } {
  if ('workingDays' in limit) return { unit: 'working_days', amount: dayCount(limit.workingDays, 'limit.workingDays') };
  if ('calendarDays' in limit) return { unit: 'calendar_days', amount: dayCount(limit.calendarDays, 'limit.calendarDays') };
  if ('hours' in limit) {
    const h = limit.hours;
    if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0 || h > MAX_DAYS * 24)
      throw invalidField('limit.hours', `expected a positive number of hours up to ${MAX_DAYS * 24}, got ${String(h)}`);
    return { unit: 'hours', amount: h };
  }
  throw invalidField('limit', 'expected { workingDays }, { calendarDays } or { hours }');
}

function dayCount(n: unknown, path: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_DAYS)
    throw invalidField(path, `expected a whole number of days from 1 to ${MAX_DAYS}, got ${String(n)}`);
  return n;
}

/**
 * Sorts pauses, clips them to the start, drops empty ones and merges those that overlap or touch,
 * so that the same stretch is never subtracted twice.
 */
export function mergePauses(pauses: Interval[], startMs: number): Interval[] {
  const clipped = pauses
    .map((p) => ({ from: Math.max(p.from, startMs), to: p.to }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const p of clipped) {
    const last = out[out.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else out.push({ ...p });
  }
  return out;
}

/** A day that counted toward a day limit, and the instant it ended. */
export interface CountedDay {
  date: LocalDate;
  ordinal: number;
  end: number;
}

export type Walk =
  | { kind: 'day'; day: CountedDay; provisional: boolean }
  /** An open pause covers every day from here on: the clock is stopped. */
  | { kind: 'stopped'; provisional: boolean };

function touchesPause(pauses: Interval[], from: number, to: number): Interval | undefined {
  return pauses.find((p) => p.from < to && p.to > from);
}

/**
 * Yields the counted days of a day limit in order, from the day after the start, up to MAX_DAYS
 * days out. `provisional` turns true once any day looked at lies in a year no notice covers.
 */
export function* countedDays(
  rules: DayRules,
  startMs: number,
  workingOnly: boolean,
  pauses: Interval[],
  opts: CountingOptions,
): Generator<Walk> {
  let provisional = false;
  let d = localDateOf(startMs, opts.tz);
  if (opts.deferNonWorkingStart) {
    for (let i = 0; i < MAX_DAYS; i++) {
      const info = rules.dayAt(d);
      provisional ||= info.provisional;
      if (info.working) break;
      d = addDays(d, 1);
    }
  }
  let ordinal = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    d = addDays(d, 1);
    const info = rules.dayAt(d);
    provisional ||= info.provisional;
    if (workingOnly && !info.working) continue;
    const end = instantAt(d, opts.endOfDayMinutes, opts.tz);
    if (pauses.length > 0) {
      const hit = touchesPause(pauses, instantAt(d, 0, opts.tz), end);
      if (hit) {
        if (hit.to === Infinity) {
          yield { kind: 'stopped', provisional };
          return;
        }
        continue;
      }
    }
    yield { kind: 'day', day: { date: d, ordinal: ++ordinal, end }, provisional };
  }
}

export interface DueResult {
  /** Epoch ms of the deadline; null while an open pause holds the clock. */
  due: number | null;
  /** The day the period ends on, when known. */
  lastDay: LocalDate | null;
  provisional: boolean;
}

/** When a period that starts at `startMs` ends. */
export function computeDue(rules: DayRules, startMs: number, limit: Limit, pauses: Interval[], opts: CountingOptions): DueResult {
  const { unit, amount } = normaliseLimit(limit);
  if (unit === 'hours') return { due: hoursDue(startMs, amount * 3_600_000, pauses), lastDay: null, provisional: false };

  for (const step of countedDays(rules, startMs, unit === 'working_days', pauses, opts)) {
    if (step.kind === 'stopped') return { due: null, lastDay: null, provisional: step.provisional };
    if (step.day.ordinal < amount) continue;
    if (unit === 'calendar_days' && opts.rollOverToWorkingDay && !rules.dayAt(step.day.date).working) {
      // Run on to the first working day after the last one that the clock runs through whole.
      for (const next of countedDays(rules, step.day.end - 1, true, pauses, { ...opts, deferNonWorkingStart: false })) {
        if (next.kind === 'stopped') return { due: null, lastDay: null, provisional: step.provisional || next.provisional };
        return { due: next.day.end, lastDay: next.day.date, provisional: step.provisional || next.provisional };
      }
    }
    return { due: step.day.end, lastDay: step.day.date, provisional: step.provisional };
  }
  throw invalidField('limit', `the period does not end within ${MAX_DAYS} days of the start`);
}

/** Elapsed-time deadline: `budgetMs` of running clock after `startMs`, pauses not counted. */
export function hoursDue(startMs: number, budgetMs: number, pauses: Interval[]): number | null {
  let t = startMs;
  let left = budgetMs;
  for (const p of pauses) {
    if (p.from >= t + left) break;
    left -= Math.max(0, p.from - t);
    t = Math.max(t, p.to);
    if (t === Infinity) return null;
  }
  return t + left;
}

/** Milliseconds of running clock between `startMs` and `at`, pauses not counted. */
export function runningMs(startMs: number, at: number, pauses: Interval[]): number {
  if (at <= startMs) return 0;
  let paused = 0;
  for (const p of pauses) paused += Math.max(0, Math.min(p.to, at) - Math.max(p.from, startMs));
  return at - startMs - paused;
}
