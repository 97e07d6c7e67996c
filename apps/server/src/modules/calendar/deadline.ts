import { invalidField } from '../../platform/errors.ts';
import type { CalendarDayOptions, DayLimitOptions, WorkingCalendar } from './calendar.ts';
import {
  computeDue,
  countedDays,
  mergePauses,
  normaliseLimit,
  runningMs,
  type CountingOptions,
  type Interval,
  type Limit,
} from './periods.ts';
import { formatInstant, parseInstant, type Instant, type LocalDate } from './time.ts';
import { DEFAULT_LIGHT_POLICY, lightAt, type LightPolicy, type TrafficLight } from './traffic-light.ts';

/**
 * A stretch during which the time limit does not run: a correction requested until the applicant
 * resubmits (补正), or a procedure the law excludes from the limit (听证、检验、检测、鉴定、专家评审…,
 * 行政许可法 第四十五条). `to` absent or null: still going on.
 */
export interface Pause {
  from: Instant;
  to?: Instant | null;
  /** Free text for the record, e.g. `补正材料`; not used in the arithmetic. */
  reason?: string;
}

export interface DeadlineInput extends DayLimitOptions, CalendarDayOptions {
  /** When the clock starts: the submission or acceptance (受理) instant. */
  start: Instant;
  limit: Limit;
  /** IANA time zone of the city, e.g. `Asia/Shanghai`. */
  tz: string;
  pauses?: Pause[];
}

export interface DeadlineStatus {
  at: Instant;
  /** The deadline; null while an open pause holds the clock (it is fixed again on resumption). */
  due: Instant | null;
  state: 'running' | 'paused' | 'overdue';
  /** `due − at` in milliseconds, negative once overdue; null while `due` is. */
  remainingMs: number | null;
  /**
   * How much of the limit is still unused at `at`, in the limit's own unit: whole days not yet
   * counted for day limits (a day is used once it has ended), hours of running clock for hour limits.
   */
  remaining: { unit: 'working_days' | 'calendar_days' | 'hours'; value: number };
  /** Null while `due` is. */
  light: TrafficLight | null;
  /** True when a day in a year no notice covers was counted: the due may still move. */
  provisional: boolean;
}

/**
 * A time limit with pauses, evaluated against a `WorkingCalendar`.
 *
 * @example
 * const d = new Deadline(cal, {
 *   start: '2024-03-01T02:00:00Z',                         // Fri 1 Mar, 10:00 Beijing
 *   limit: { workingDays: 5 },
 *   tz: 'Asia/Shanghai',
 *   pauses: [{ from: '2024-03-05T02:00:00Z', to: '2024-03-07T07:00:00Z', reason: '补正材料' }],
 * });
 * d.due;                                     // end of Wed 13 Mar: '2024-03-13T16:00:00.000Z'
 * d.statusAt('2024-03-12T10:00:00Z').light;  // 'yellow'
 */
export class Deadline {
  readonly start: Instant;
  readonly limit: Limit;
  /** The pauses as counted: clipped to the start, merged where they overlap or touch. */
  readonly pauses: { from: Instant; to: Instant | null }[];
  readonly due: Instant | null;
  readonly provisional: boolean;
  /** The local date the period ends on; null for hour limits and while the clock is stopped. */
  readonly lastDay: LocalDate | null;

  readonly #calendar: WorkingCalendar;
  readonly #startMs: number;
  readonly #dueMs: number | null;
  readonly #intervals: Interval[];
  readonly #opts: CountingOptions;

  constructor(calendar: WorkingCalendar, input: DeadlineInput) {
    this.#calendar = calendar;
    this.#startMs = parseInstant(input.start, 'start');
    this.#opts = calendar.countingOptions(input.tz, input);
    normaliseLimit(input.limit);
    this.#intervals = mergePauses((input.pauses ?? []).map((p, i) => toInterval(p, i)), this.#startMs);

    const r = computeDue(calendar, this.#startMs, input.limit, this.#intervals, this.#opts);
    this.start = formatInstant(this.#startMs);
    this.limit = input.limit;
    this.pauses = this.#intervals.map((p) => ({ from: formatInstant(p.from), to: p.to === Infinity ? null : formatInstant(p.to) }));
    this.#dueMs = r.due;
    this.due = r.due === null ? null : formatInstant(r.due);
    this.provisional = r.provisional;
    this.lastDay = r.lastDay;
  }

  /** Where the deadline stands at `at`, with its traffic light under `policy`. */
  statusAt(at: Instant, policy: LightPolicy = DEFAULT_LIGHT_POLICY): DeadlineStatus {
    const atMs = parseInstant(at, 'at');
    const paused = this.#intervals.some((p) => p.from <= atMs && atMs < p.to);
    const overdue = this.#dueMs !== null && atMs >= this.#dueMs;
    return {
      at: formatInstant(atMs),
      due: this.due,
      state: overdue ? 'overdue' : paused ? 'paused' : 'running',
      remainingMs: this.#dueMs === null ? null : this.#dueMs - atMs,
      remaining: this.#remaining(atMs),
      light: this.#dueMs === null ? null : lightAt(atMs, this.#dueMs, this.#startMs, policy),
      provisional: this.provisional,
    };
  }

  #remaining(atMs: number): DeadlineStatus['remaining'] {
    const { unit, amount } = normaliseLimit(this.limit);
    if (unit === 'hours') {
      const used = runningMs(this.#startMs, atMs, this.#intervals) / 3_600_000;
      return { unit, value: Math.max(0, amount - used) };
    }
    let used = 0;
    for (const step of countedDays(this.#calendar, this.#startMs, unit === 'working_days', this.#intervals, this.#opts)) {
      if (step.kind === 'stopped' || step.day.end > atMs || used >= amount) break;
      used++;
    }
    return { unit, value: amount - used };
  }
}

function toInterval(p: Pause, i: number): Interval {
  const from = parseInstant(p.from, `pauses.${i}.from`);
  const to = p.to === undefined || p.to === null ? Infinity : parseInstant(p.to, `pauses.${i}.to`);
  if (to < from) throw invalidField(`pauses.${i}.to`, 'a pause cannot end before it begins');
  return { from, to };
}
