import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatInstant, instantAt, isLocalDate, localDateOf, parseEndOfDay, parseInstant, toLocalDate, weekdayOf } from './time.ts';

describe('time: instants and local dates', () => {
  it('finds local midnight in Beijing eight hours before UTC midnight', () => {
    assert.equal(formatInstant(instantAt('2024-10-01', 0, 'Asia/Shanghai')), '2024-09-30T16:00:00.000Z');
    assert.equal(formatInstant(instantAt('2024-10-01', 1440, 'Asia/Shanghai')), '2024-10-01T16:00:00.000Z', '24:00 is the next midnight');
  });

  it('resolves a midnight skipped by daylight saving to the moment the clocks jump', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
    assert.equal(formatInstant(instantAt('2024-09-08', 0, 'America/Santiago')), '2024-09-08T04:00:00.000Z');
    assert.equal(localDateOf(Date.parse('2024-09-08T04:00:00Z'), 'America/Santiago'), '2024-09-08');
  });

  it('takes the earlier of a wall time that occurs twice', () => {
    // New York fell back from 02:00 EDT to 01:00 EST on 3 November 2024: 01:30 happened twice.
    assert.equal(formatInstant(instantAt('2024-11-03', 90, 'America/New_York')), '2024-11-03T05:30:00.000Z');
  });

  it('parses instants with an offset only, and real dates only', () => {
    assert.equal(parseInstant('2026-11-28T06:50:13.123Z'), Date.UTC(2026, 10, 28, 6, 50, 13, 123));
    assert.equal(parseInstant('2026-11-28T14:50+08:00'), Date.UTC(2026, 10, 28, 6, 50));
    assert.throws(() => parseInstant('2026-11-28 06:50:13Z'));
    assert.throws(() => parseInstant('2026-02-30T00:00:00Z'));
    assert.equal(isLocalDate('2024-02-29'), true);
    assert.equal(isLocalDate('2023-02-29'), false);
  });

  it('answers a repeated instant from its memory and still refuses bad ones every time', () => {
    const at = '2024-09-30T17:00:00Z';
    assert.equal(parseInstant(at), Date.UTC(2024, 8, 30, 17));
    assert.equal(parseInstant(at), Date.UTC(2024, 8, 30, 17));
    assert.equal(toLocalDate(at, 'Asia/Shanghai'), '2024-10-01');
    assert.equal(toLocalDate(at, 'Asia/Shanghai'), '2024-10-01');
    assert.equal(toLocalDate(at, 'UTC'), '2024-09-30', 'another zone is not answered from the memory');
    for (let i = 0; i < 2; i++) {
      assert.throws(() => parseInstant('2026-02-30T00:00:00Z'));
      assert.throws(() => parseInstant(null as unknown as string));
      assert.throws(() => toLocalDate(undefined as unknown as string, 'UTC'));
    }
  });

  it('knows the day of the week', () => {
    assert.equal(weekdayOf('2024-02-04'), 0);
    assert.equal(weekdayOf('2024-10-12'), 6);
    assert.equal(weekdayOf('1970-01-01'), 4);
  });

  it('reads end-of-day times from 00:01 to 24:00', () => {
    assert.equal(parseEndOfDay('24:00'), 1440);
    assert.equal(parseEndOfDay('17:30'), 1050);
    assert.throws(() => parseEndOfDay('00:00'));
    assert.throws(() => parseEndOfDay('12:60'));
    assert.throws(() => parseEndOfDay('5pm'));
  });
});
