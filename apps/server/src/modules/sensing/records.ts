/**
 * Reading records as they arrive (HTTP JSON items, NDJSON lines, MQTT payloads): checked one by one so a bad
 * record is rejected with its reason while the rest of the batch lands.
 */
import { LIMITS, POLLUTANTS, POLLUTANT_COUNT } from './qc.ts';

/** Stable reasons a record is rejected (also the `reason` label of the rejection metric). */
export type RejectReason =
  | 'malformed'
  | 'unknown_device'
  | 'wrong_network'
  | 'invalid_time'
  | 'future_time'
  | 'invalid_value'
  | 'unknown_pollutant'
  | 'no_values'
  | 'duplicate'
  | 'too_large';

export interface Rejection {
  index: number;
  reason: RejectReason;
  detail: string;
}

/** A record that passed the checks: device code, time in epoch ms, values by pollutant index (NaN = absent). */
export interface ParsedRecord {
  device: string;
  t: number;
  values: Float64Array;
}

/** A line of an NDJSON body that is not JSON; kept in place so indices stay line numbers. */
export class MalformedLine {
  constructor(readonly detail: string) {}
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
// An explicit offset is required: a time without one would be read in the server's zone.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const INDEX: Record<string, number> = Object.fromEntries(POLLUTANTS.map((p, i) => [p, i]));

/** The last time text parsed and its value: a batch's records mostly share one time. */
export interface TimeCache {
  text: string;
  t: number;
}

/** JavaScript rolls 2026-02-31 over into March; a device sending it has a broken clock. */
function realDay(text: string): boolean {
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

type Result = { ok: true; record: ParsedRecord } | { ok: false; reason: RejectReason; detail: string };
const fail = (reason: RejectReason, detail: string): Result => ({ ok: false, reason, detail });

/**
 * Checks one record. `topicDevice` is the device named by an MQTT topic; a payload may then leave `device` out.
 *
 * @example
 * parseRecord({ device: 'cy-001', time: '2026-11-28T14:00:00+08:00', values: { pm25: 35 } }, Date.now(), 600_000);
 * // { ok: true, record: { device: 'cy-001', t: 1764309600000, values: [35, NaN, …] } }
 */
export function parseRecord(raw: unknown, now: number, maxFutureMs: number, topicDevice?: string, cache: TimeCache = { text: '', t: 0 }): Result {
  if (raw instanceof MalformedLine) return fail('malformed', raw.detail);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('malformed', 'a record must be a JSON object { device, time, values }');
  const r = raw as { device?: unknown; time?: unknown; values?: unknown };
  let device = r.device;
  if (topicDevice !== undefined) {
    if (device !== undefined && device !== topicDevice) return fail('malformed', `device "${String(device)}" differs from the topic's device "${topicDevice}"`);
    device = topicDevice;
  }
  if (typeof device !== 'string' || !CODE.test(device)) return fail('malformed', 'device: must be a device code');
  let t: number;
  if (r.time === cache.text) t = cache.t;
  else {
    if (typeof r.time !== 'string' || !ISO_WITH_OFFSET.test(r.time)) return fail('invalid_time', 'time: must be ISO 8601 with an offset, e.g. 2026-11-28T14:00:00+08:00');
    t = Date.parse(r.time);
    if (!Number.isFinite(t) || !realDay(r.time)) return fail('invalid_time', `time: ${r.time} is not a real date-time`);
    if (t < EARLIEST) return fail('invalid_time', 'time: before 2000-01-01');
    cache.text = r.time;
    cache.t = t;
  }
  if (t > now + maxFutureMs) return fail('future_time', `time: ${r.time} is more than ${Math.round(maxFutureMs / 1000)} s in the future`);
  const v = r.values;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('malformed', 'values: must be an object of pollutant → concentration');
  const values = new Float64Array(POLLUTANT_COUNT).fill(Number.NaN);
  let n = 0;
  for (const key in v) {
    const i = INDEX[key];
    if (i === undefined) return fail('unknown_pollutant', `values.${key}: not one of ${POLLUTANTS.join(', ')}`);
    const x = (v as Record<string, unknown>)[key];
    if (x === null) continue;
    if (typeof x !== 'number' || !Number.isFinite(x)) return fail('invalid_value', `values.${key}: must be a finite number, got ${JSON.stringify(x) ?? String(x)}`);
    const lim = LIMITS[POLLUTANTS[i]!];
    if (x < -lim.negativeTolerance) return fail('invalid_value', `values.${key}: ${x} is negative beyond the tolerance of −${lim.negativeTolerance}`);
    if (x > lim.rejectAbove) return fail('invalid_value', `values.${key}: ${x} is above ${lim.rejectAbove}, not a possible concentration`);
    values[i] = x;
    n++;
  }
  if (n === 0) return fail('no_values', 'values: no pollutant has a value');
  return { ok: true, record: { device, t, values } };
}

/**
 * Splits an NDJSON body into records; a line that is not JSON becomes a `MalformedLine` at its index. Blank
 * lines (e.g. the final newline) are skipped without taking an index.
 *
 * @example
 * parseNdjson('{"device":"a"}\nnot json\n'); // [{ device: 'a' }, MalformedLine]
 */
export function parseNdjson(body: string): unknown[] {
  const out: unknown[] = [];
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      out.push(new MalformedLine(`line ${out.length + 1}: ${(e as Error).message}`));
    }
  }
  return out;
}
