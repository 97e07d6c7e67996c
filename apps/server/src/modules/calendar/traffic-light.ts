import { invalidField } from '../../platform/errors.ts';
import { parseInstant, type Instant } from './time.ts';

/** 红黄绿灯 of a time limit: green in time, yellow close to the deadline, red overdue. */
export type TrafficLight = 'green' | 'yellow' | 'red';

/**
 * When a deadline turns yellow: once `yellowAtFraction` of the time from start to due has passed
 * (0.8 = the last fifth), or once no more than `yellowWithin` hours are left.
 */
export type LightPolicy = { yellowAtFraction: number } | { yellowWithin: number };

export const DEFAULT_LIGHT_POLICY: LightPolicy = { yellowAtFraction: 0.8 };

/** Milliseconds-based form, for callers that already hold parsed instants. */
export function lightAt(now: number, due: number, start: number, policy: LightPolicy): TrafficLight {
  if (due <= start) throw invalidField('due', 'the due instant must be after the start');
  if ('yellowAtFraction' in policy) {
    const f = policy.yellowAtFraction;
    if (typeof f !== 'number' || !(f > 0 && f <= 1)) throw invalidField('policy.yellowAtFraction', `expected a number in (0, 1], got ${String(f)}`);
    if (now >= due) return 'red';
    // Compare without dividing, so 0.8 of a span is exact at the boundary.
    return now - start >= f * (due - start) ? 'yellow' : 'green';
  }
  const h = policy.yellowWithin;
  if (typeof h !== 'number' || !(h >= 0) || !Number.isFinite(h)) throw invalidField('policy.yellowWithin', `expected hours ≥ 0, got ${String(h)}`);
  if (now >= due) return 'red';
  return due - now <= h * 3_600_000 ? 'yellow' : 'green';
}

/**
 * The light of a deadline at `now`. Red from the due instant on (at `due` the period has ended);
 * yellow from the policy's threshold on, the threshold itself included; green before.
 * The fraction is of wall-clock time from `start` to `due`.
 *
 * @example
 * trafficLight('2024-10-08T12:00:00Z', '2024-10-08T16:00:00Z', '2024-09-27T07:00:00Z', { yellowWithin: 8 }); // 'yellow'
 */
export function trafficLight(now: Instant, due: Instant, start: Instant, policy: LightPolicy = DEFAULT_LIGHT_POLICY): TrafficLight {
  return lightAt(parseInstant(now, 'now'), parseInstant(due, 'due'), parseInstant(start, 'start'), policy);
}
