import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, dayInZone, endOfDayInZone, monthInZone, recentMonths, splitDuration } from './time.ts';

describe('city-time calendar helpers', () => {
  it('puts an instant late on 30 November UTC into December in Beijing', () => {
    assert.equal(dayInZone(new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai'), '2026-12-01');
    assert.equal(monthInZone(new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai'), '2026-12');
    assert.equal(monthInZone(new Date('2026-11-30T15:59:59Z'), 'Asia/Shanghai'), '2026-11');
  });

  it('lists recent months newest first across a year boundary', () => {
    assert.deepEqual(recentMonths('2026-02', 4), ['2026-02', '2026-01', '2025-12', '2025-11']);
  });

  it('adds days across a month and a year', () => {
    assert.equal(addDays('2026-12-30', 3), '2027-01-02');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  });

  it('ends a day at 23:59:59 with the zone’s own offset, also where clocks change', () => {
    assert.equal(endOfDayInZone('2026-12-05', 'Asia/Shanghai'), '2026-12-05T23:59:59+08:00');
    assert.equal(endOfDayInZone('2026-07-01', 'Europe/Berlin'), '2026-07-01T23:59:59+02:00');
    assert.equal(endOfDayInZone('2026-01-15', 'America/New_York'), '2026-01-15T23:59:59-05:00');
    assert.equal(Date.parse(endOfDayInZone('2026-12-05', 'Asia/Shanghai')), Date.parse('2026-12-05T15:59:59Z'));
  });

  it('splits a duration into days, hours and minutes, ignoring its sign', () => {
    assert.deepEqual(splitDuration((2 * 1440 + 3 * 60 + 7) * 60_000 + 59_000), { days: 2, hours: 3, minutes: 7 });
    assert.deepEqual(splitDuration(-90 * 60_000), { days: 0, hours: 1, minutes: 30 });
  });
});
