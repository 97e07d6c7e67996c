import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sortableId } from './ids.ts';

describe('sortable ids', () => {
  it('sort in the order they were made, within a millisecond too, and never repeat', () => {
    const ids = Array.from({ length: 50_000 }, () => sortableId());
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => /^[0-9a-f]{28}$/.test(id)));
  });

  it('carry the time first, so an earlier instant sorts first whatever the randomness', () => {
    const later = sortableId(Date.parse('2026-11-28T10:00:00.001Z'));
    const earlier = sortableId(Date.parse('2026-11-28T10:00:00.000Z'));
    assert.ok(earlier < later);
    assert.equal(parseInt(earlier.slice(0, 12), 16), Date.parse('2026-11-28T10:00:00.000Z'));
  });

  it('differ in their random part across a refill of the random pool', () => {
    const tails = new Set(Array.from({ length: 3000 }, () => sortableId(1).slice(16)));
    assert.equal(tails.size, 3000);
  });
});
