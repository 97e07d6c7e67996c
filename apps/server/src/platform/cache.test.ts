import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LruCache } from './cache.ts';

describe('LruCache', () => {
  it('keeps recently used entries and drops the least recently used generation', () => {
    const c = new LruCache<number, string>(4); // two generations of 2
    c.set(1, 'a');
    c.set(2, 'b');
    c.set(3, 'c'); // young {3}, old {1,2}
    assert.equal(c.get(1), 'a'); // promoted: young {3,1}
    c.set(4, 'd'); // young full → old {3,1}, young {4}
    c.set(5, 'e'); // young {4,5}
    c.set(6, 'f'); // old {4,5}, young {6}: 1, 2 and 3 are gone
    assert.equal(c.get(2), undefined);
    assert.equal(c.get(3), undefined);
    assert.equal(c.get(5), 'e');
    assert.ok(c.size <= 4);
  });

  it('stays fast at its cap however many keys pass through', () => {
    const c = new LruCache<number, number>(1000);
    const t0 = performance.now();
    for (let i = 0; i < 200_000; i++) {
      c.set(i, i);
      c.get(i - 500);
    }
    const ms = performance.now() - t0;
    assert.ok(c.size <= 1000);
    assert.ok(ms < 2000, `${ms} ms for 400,000 operations`);
  });
});
