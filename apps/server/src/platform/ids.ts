import { randomBytes } from 'node:crypto';

let last = 0;
let counter = 0;

// Random bytes drawn a few KiB at a time: one randomBytes call per id cost more than the rest of the id.
const POOL_BYTES = 6 * 1024;
let pool = Buffer.alloc(0);
let offset = POOL_BYTES;
function randomHex6(): string {
  if (offset + 6 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  offset += 6;
  return pool.toString('hex', offset - 6, offset);
}

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
  return `${now.toString(16).padStart(12, '0')}${counter.toString(16).padStart(4, '0')}${randomHex6()}`;
}
