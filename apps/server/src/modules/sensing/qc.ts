/**
 * Quality control of readings (质控): each value is checked against its pollutant's limits and the device's
 * recent values. Flags qualify a value and never drop it; only impossible values reject a record (records.ts).
 * The flags of one reading pack into one integer, four bits per pollutant, so they cost one column.
 */
import { SENSING_POLLUTANTS, type QcFlag, type SensingPollutant } from '@jing/contracts';

export const POLLUTANTS = SENSING_POLLUTANTS;
export const POLLUTANT_COUNT = POLLUTANTS.length;

/** Bits of one pollutant's flags; pollutant i uses bits 4i … 4i+3. */
export const FLAG_BITS: Readonly<Record<QcFlag, number>> = Object.freeze({ out_of_range: 1, negative: 2, stuck: 4, spike: 8 });
const FLAGS = Object.keys(FLAG_BITS) as QcFlag[];

export interface PollutantLimits {
  /** Above this the value is flagged `out_of_range` (beyond what the instruments measure reliably). */
  readonly plausibleMax: number;
  /** Above this the record is rejected: an absurd magnitude, not a measurement. */
  readonly rejectAbove: number;
  /** Down to −tolerance a negative value is sensor noise around zero (flagged `negative`); below, rejected. */
  readonly negativeTolerance: number;
  /** A change larger than this from the previous reading, and by a factor over 3, is a `spike`. */
  readonly spikeDelta: number;
}

/**
 * Limits per pollutant (µg/m³; CO mg/m³). The plausible maxima are the top of common instrument ranges; the
 * rejection limits sit an order of magnitude above the worst values ever measured in Beijing (PM10 passed
 * 8,000 µg/m³ in the dust storm of March 2021), so a real extreme is flagged, never refused.
 */
export const LIMITS: Readonly<Record<SensingPollutant, PollutantLimits>> = Object.freeze({
  pm25: { plausibleMax: 1000, rejectAbove: 10000, negativeTolerance: 5, spikeDelta: 150 },
  pm10: { plausibleMax: 2000, rejectAbove: 30000, negativeTolerance: 5, spikeDelta: 300 },
  so2: { plausibleMax: 2000, rejectAbove: 20000, negativeTolerance: 5, spikeDelta: 200 },
  no2: { plausibleMax: 1000, rejectAbove: 10000, negativeTolerance: 5, spikeDelta: 200 },
  co: { plausibleMax: 50, rejectAbove: 1000, negativeTolerance: 0.2, spikeDelta: 5 },
  o3: { plausibleMax: 1000, rejectAbove: 10000, negativeTolerance: 5, spikeDelta: 250 },
});
const LIMIT_LIST = POLLUTANTS.map((p) => LIMITS[p]);

/** The n-th identical value in a row (and every one after it) is flagged `stuck`. */
export const STUCK_RUN = 6;
/** Spikes are judged only against a previous reading at most this old. */
export const SPIKE_WINDOW_MS = 2 * 3_600_000;

/** What quality control remembers of a device: its newest reading and how long each value has repeated. */
export interface DeviceQcState {
  t: number;
  last: Float64Array;
  runs: Int32Array;
}

export function newQcState(): DeviceQcState {
  return { t: -Infinity, last: new Float64Array(POLLUTANT_COUNT).fill(Number.NaN), runs: new Int32Array(POLLUTANT_COUNT) };
}

/**
 * Flags of one reading, updating the device's state. `values[i]` is pollutant i or NaN when absent.
 * A reading older than the device's newest (a late or back-filled one) is range-checked only: stuck and spike
 * compare neighbours in time, which a late reading does not have at hand.
 *
 * @example
 * const s = newQcState();
 * qcFlags(s, Date.parse('2026-11-28T06:00:00Z'), Float64Array.of(-1, NaN, NaN, NaN, NaN, NaN)); // FLAG_BITS.negative
 */
export function qcFlags(state: DeviceQcState, t: number, values: Float64Array): number {
  let qc = 0;
  const inOrder = t > state.t;
  const recent = inOrder && t - state.t <= SPIKE_WINDOW_MS;
  for (let i = 0; i < POLLUTANT_COUNT; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const lim = LIMIT_LIST[i]!;
    let f = 0;
    if (v > lim.plausibleMax) f |= FLAG_BITS.out_of_range;
    if (v < 0) f |= FLAG_BITS.negative;
    if (inOrder) {
      const prev = state.last[i]!;
      if (prev === v) {
        state.runs[i]!++;
        if (state.runs[i]! >= STUCK_RUN) f |= FLAG_BITS.stuck;
      } else state.runs[i] = 1;
      if (recent && !Number.isNaN(prev)) {
        const delta = Math.abs(v - prev);
        const lo = Math.max(Math.min(v, prev), 0);
        if (delta > lim.spikeDelta && Math.max(v, prev) > 3 * lo) f |= FLAG_BITS.spike;
      }
      state.last[i] = v;
    }
    qc |= f << (4 * i);
  }
  if (inOrder) state.t = t;
  return qc;
}

/**
 * Unpacks a reading's flags by pollutant; pollutants without flags are left out.
 *
 * @example
 * unpackFlags(FLAG_BITS.spike << 4); // { pm10: ['spike'] }
 */
export function unpackFlags(qc: number): Partial<Record<SensingPollutant, QcFlag[]>> {
  const out: Partial<Record<SensingPollutant, QcFlag[]>> = {};
  for (let i = 0; i < POLLUTANT_COUNT; i++) {
    const bits = (qc >> (4 * i)) & 15;
    if (bits) out[POLLUTANTS[i]!] = FLAGS.filter((f) => bits & FLAG_BITS[f]);
  }
  return out;
}
