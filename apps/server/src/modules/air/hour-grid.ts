/**
 * A device's valid hourly means over a run of hours, held dense (one slot per hour, NaN where missing or
 * invalid), and the day arrays the AQI library takes built from it. The daily AQI of a station over years
 * reads hundreds of thousands of hours; a dense grid makes every lookup an index instead of a Map probe
 * and lets each day's arrays serve again as the next day's `previousDay`.
 */
import { HOUR_MS, type DeviceWithNetwork, type SensingService } from '../sensing/index.ts';
import { POLLUTANTS, type DayInput, type Pollutant } from './aqi/index.ts';

const P = POLLUTANTS.length;
export const DAY_MS = 24 * HOUR_MS;
const BEIJING_HOURS = 8;
/** HJ 663: an hourly mean needs at least 45 minutes of sampling. */
export const HOUR_MIN_SECONDS = 45 * 60;

/** The hour number (hours since the epoch, UTC) of 00:00 Beijing time on a local day (days since 1970-01-01). */
export const firstHourOf = (day: number) => day * 24 - BEIJING_HOURS;
/** The local day (days since 1970-01-01, Beijing) of an hour number. */
export const dayOfHour = (hour: number) => Math.floor((hour + BEIJING_HOURS) / 24);
/** `YYYY-MM-DD` of a local day number. */
export const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Readings an hourly mean needs to be valid under HJ 663's 45-minute rule, for a device reporting every
 * `intervalSeconds`: one for hourly stations, 45 for a one-minute micro-sensor. n readings cover n × interval
 * seconds, so n ≥ ⌈2700 / interval⌉ is the same test as n × interval ≥ 2700.
 */
export function minReadingsPerHour(intervalSeconds: number): number {
  return intervalSeconds >= 3600 ? 1 : Math.ceil(HOUR_MIN_SECONDS / intervalSeconds);
}

/** Valid hourly means of one device for hours [first, first + count). */
export class HourGrid {
  private constructor(
    readonly first: number,
    readonly count: number,
    private readonly values: Float64Array,
    private readonly present: Uint8Array,
  ) {}

  /** Reads a device's hourly rollups for hours [fromHour, toHour), keeping only valid hours (45-minute rule). */
  static async read(sensing: SensingService, d: DeviceWithNetwork, fromHour: number, toHour: number): Promise<HourGrid> {
    const cols = await sensing.hourlyColumnsOf(d.id, fromHour, toHour, minReadingsPerHour(Number(d.interval_seconds)));
    const count = Math.max(0, toHour - fromHour);
    const values = new Float64Array(count * P).fill(Number.NaN);
    const present = new Uint8Array(count);
    const src = cols.values;
    for (let i = 0; i < cols.hours.length; i++) {
      const at = cols.hours[i]! - fromHour;
      present[at] = 1;
      for (let p = 0; p < P; p++) values[at * P + p] = src[i * P + p]!;
    }
    return new HourGrid(fromHour, count, values, present);
  }

  /** Whether the hour has a rollup row at all (even one whose values are all invalid). */
  has(hour: number): boolean {
    const at = hour - this.first;
    return at >= 0 && at < this.count && this.present[at] === 1;
  }

  /** The valid mean of pollutant index `p` in an hour, or NaN. */
  value(hour: number, p: number): number {
    const at = hour - this.first;
    return at >= 0 && at < this.count ? this.values[at * P + p]! : Number.NaN;
  }

  /** The 24 hours of each pollutant of the local day starting at `firstHour`, null where missing or invalid. */
  dayHours(firstHour: number): Record<Pollutant, (number | null)[]> {
    const out = {} as Record<Pollutant, (number | null)[]>;
    const start = firstHour - this.first;
    const values = this.values;
    for (let p = 0; p < P; p++) {
      const list: (number | null)[] = new Array(24);
      for (let h = 0; h < 24; h++) {
        const at = start + h;
        const v = at >= 0 && at < this.count ? values[at * P + p]! : Number.NaN;
        list[h] = v === v ? v : null;
      }
      out[POLLUTANTS[p]!] = list;
    }
    return out;
  }

  /** The library's input for a local day: its hours and the day before. */
  dayInput(day: number): DayInput {
    return { today: this.dayHours(firstHourOf(day)), previousDay: this.dayHours(firstHourOf(day - 1)) };
  }

  /** The inputs of days lo…hi in order; each day's hours serve again as the next day's `previousDay`. */
  *dayInputs(lo: number, hi: number): Generator<{ day: number; input: DayInput }> {
    let previous = this.dayHours(firstHourOf(lo - 1));
    for (let day = lo; day <= hi; day++) {
      const today = this.dayHours(firstHourOf(day));
      yield { day, input: { today, previousDay: previous } };
      previous = today;
    }
  }
}
