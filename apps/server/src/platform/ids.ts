import { randomBytes } from 'node:crypto';

let last = 0;
let counter = 0;

/**
 * An id that sorts in creation order (time, then a per-process counter for
 * ids made in the same millisecond, then randomness), so timelines ordered by
 * (time, id) keep the order in which things happened.
 */
export function sortableId(now = Date.now()): string {
  if (now === last) counter++;
  else {
    last = now;
    counter = 0;
  }
  return `${now.toString(16).padStart(12, '0')}${counter.toString(16).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}
