import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Deadline, WorkingCalendar, trafficLight, type DeadlineInput } from './index.ts';

const BJ = 'Asia/Shanghai';
const cal = WorkingCalendar.national();

/** Friday 1 March 2024, 10:00 in Beijing; five working days end with Friday 8 March. */
function fiveWorkingDays(over: Partial<DeadlineInput> = {}): Deadline {
  return new Deadline(cal, { start: '2024-03-01T02:00:00Z', limit: { workingDays: 5 }, tz: BJ, ...over });
}

function code(expected: string) {
  return (e: unknown) => (e as { code?: string }).code === expected;
}

describe('deadline: pauses', () => {
  it('ends where addWorkingDays does when nothing pauses it', () => {
    const d = fiveWorkingDays();
    assert.equal(d.due, '2024-03-08T16:00:00.000Z');
    assert.equal(d.lastDay, '2024-03-08');
    assert.equal(d.due, cal.addWorkingDays('2024-03-01T02:00:00Z', 5, BJ));
  });

  it('does not count the days of a correction request (补正), from the day it is sent to the day of resubmission', () => {
    // Requested Tue 5 Mar 10:00, resubmitted Thu 7 Mar 15:00: 5, 6 and 7 Mar do not count.
    const d = fiveWorkingDays({ pauses: [{ from: '2024-03-05T02:00:00Z', to: '2024-03-07T07:00:00Z', reason: '补正材料' }] });
    assert.equal(d.due, '2024-03-13T16:00:00.000Z');
  });

  it('merges overlapping pauses, in any order, so no day is subtracted twice', () => {
    const d = fiveWorkingDays({
      pauses: [
        { from: '2024-03-05T12:00:00Z', to: '2024-03-07T07:00:00Z', reason: '专家评审' },
        { from: '2024-03-05T02:00:00Z', to: '2024-03-06T02:00:00Z', reason: '补正材料' },
      ],
    });
    assert.equal(d.due, '2024-03-13T16:00:00.000Z');
    assert.deepEqual(d.pauses, [{ from: '2024-03-05T02:00:00.000Z', to: '2024-03-07T07:00:00.000Z' }]);
  });

  it('adds up several separate pauses', () => {
    // 4 Mar is day 1; 5 Mar paused; 6 Mar day 2; 7 Mar paused; 8, 11, 12 Mar days 3–5.
    const d = fiveWorkingDays({
      pauses: [
        { from: '2024-03-05T01:00:00Z', to: '2024-03-05T03:00:00Z' },
        { from: '2024-03-07T01:00:00Z', to: '2024-03-07T03:00:00Z' },
      ],
    });
    assert.equal(d.due, '2024-03-12T16:00:00.000Z');
  });

  it('extends the deadline when a pause starts on its last day', () => {
    const d = fiveWorkingDays({ pauses: [{ from: '2024-03-08T08:00:00Z', to: '2024-03-11T02:00:00Z' }] });
    assert.equal(d.due, '2024-03-12T16:00:00.000Z', '8 and 11 Mar are touched; 12 Mar becomes day 5');
  });

  it('does not rescue a deadline already passed when the pause begins', () => {
    const d = fiveWorkingDays({ pauses: [{ from: '2024-03-11T02:00:00Z', to: '2024-03-12T02:00:00Z' }] });
    assert.equal(d.due, '2024-03-08T16:00:00.000Z');
    assert.equal(d.statusAt('2024-03-11T06:00:00Z').state, 'overdue');
  });

  it('ignores pauses before the start and empty ones', () => {
    const d = fiveWorkingDays({
      pauses: [
        { from: '2024-02-20T00:00:00Z', to: '2024-02-21T00:00:00Z' },
        { from: '2024-03-05T02:00:00Z', to: '2024-03-05T02:00:00Z' },
      ],
    });
    assert.equal(d.due, '2024-03-08T16:00:00.000Z');
    assert.deepEqual(d.pauses, []);
  });

  it('stops the clock while a pause is open and shows no due instant or light', () => {
    const d = fiveWorkingDays({ pauses: [{ from: '2024-03-06T02:00:00Z', to: null }] });
    assert.equal(d.due, null);
    const s = d.statusAt('2024-03-20T02:00:00Z');
    assert.equal(s.state, 'paused');
    assert.equal(s.light, null);
    assert.equal(s.remainingMs, null);
    assert.deepEqual(s.remaining, { unit: 'working_days', value: 3 }, '4 and 5 Mar were used before the pause');
  });

  it('counts pauses against calendar-day limits too', () => {
    const d = new Deadline(cal, {
      start: '2024-03-01T02:00:00Z',
      limit: { calendarDays: 7 },
      tz: BJ,
      pauses: [{ from: '2024-03-03T02:00:00Z', to: '2024-03-04T02:00:00Z' }],
    });
    assert.equal(d.due, '2024-03-10T16:00:00.000Z', '3 and 4 Mar do not count: 2 Mar and 5–10 Mar are days 1–7');
  });

  it('subtracts paused time exactly from an hour limit', () => {
    const d = new Deadline(cal, {
      start: '2024-03-01T00:00:00Z',
      limit: { hours: 24 },
      tz: BJ,
      pauses: [{ from: '2024-03-01T02:00:00Z', to: '2024-03-01T05:00:00Z' }],
    });
    assert.equal(d.due, '2024-03-02T03:00:00.000Z');
    assert.deepEqual(d.statusAt('2024-03-01T06:00:00Z').remaining, { unit: 'hours', value: 21 });
    const open = new Deadline(cal, { start: '2024-03-01T00:00:00Z', limit: { hours: 2 }, tz: BJ, pauses: [{ from: '2024-03-01T01:00:00Z' }] });
    assert.equal(open.due, null);
    assert.deepEqual(open.statusAt('2024-03-05T00:00:00Z').remaining, { unit: 'hours', value: 1 });
  });

  it('refuses a pause that ends before it begins', () => {
    assert.throws(() => fiveWorkingDays({ pauses: [{ from: '2024-03-05T02:00:00Z', to: '2024-03-04T02:00:00Z' }] }), code('validation_failed'));
  });
});

describe('deadline: status at an instant', () => {
  const d = fiveWorkingDays();

  it('counts a working day as used once it has ended', () => {
    assert.deepEqual(d.statusAt('2024-03-01T09:00:00Z').remaining, { unit: 'working_days', value: 5 });
    assert.deepEqual(d.statusAt('2024-03-04T15:59:59Z').remaining, { unit: 'working_days', value: 5 });
    assert.deepEqual(d.statusAt('2024-03-04T16:00:00Z').remaining, { unit: 'working_days', value: 4 });
    assert.deepEqual(d.statusAt('2024-03-20T00:00:00Z').remaining, { unit: 'working_days', value: 0 });
  });

  it('is running before the deadline and overdue from the deadline instant on', () => {
    const before = d.statusAt('2024-03-08T15:59:59.999Z');
    assert.equal(before.state, 'running');
    assert.equal(before.remainingMs, 1);
    const at = d.statusAt('2024-03-08T16:00:00Z');
    assert.equal(at.state, 'overdue');
    assert.equal(at.light, 'red');
    assert.equal(at.remainingMs, 0);
  });

  it('marks a deadline that runs into a year without a notice as provisional', () => {
    assert.equal(d.provisional, false);
    const late = new Deadline(cal, { start: '2026-12-15T02:00:00Z', limit: { workingDays: 20 }, tz: BJ });
    assert.equal(late.provisional, true);
    assert.equal(late.statusAt('2026-12-16T00:00:00Z').provisional, true);
  });
});

describe('traffic lights', () => {
  // Start at 0 h, due at 100 h: 80 h is the default yellow line.
  const start = '2024-03-01T00:00:00Z';
  const due = '2024-03-05T04:00:00Z';
  const hoursIn = (h: number) => new Date(Date.parse(start) + h * 3_600_000).toISOString();

  it('turns yellow at exactly 80% of the time by default and red at the due instant', () => {
    assert.equal(trafficLight(hoursIn(79.99), due, start), 'green');
    assert.equal(trafficLight(hoursIn(80), due, start), 'yellow');
    assert.equal(trafficLight(hoursIn(99.99), due, start), 'yellow');
    assert.equal(trafficLight(due, due, start), 'red');
    assert.equal(trafficLight(hoursIn(150), due, start), 'red');
  });

  it('takes another fraction', () => {
    assert.equal(trafficLight(hoursIn(49), due, start, { yellowAtFraction: 0.5 }), 'green');
    assert.equal(trafficLight(hoursIn(50), due, start, { yellowAtFraction: 0.5 }), 'yellow');
  });

  it('can turn yellow a number of hours before the deadline instead', () => {
    assert.equal(trafficLight(hoursIn(75.99), due, start, { yellowWithin: 24 }), 'green');
    assert.equal(trafficLight(hoursIn(76), due, start, { yellowWithin: 24 }), 'yellow');
    assert.equal(trafficLight(due, due, start, { yellowWithin: 0 }), 'red');
  });

  it('refuses nonsense policies and a due before the start', () => {
    assert.throws(() => trafficLight(start, due, start, { yellowAtFraction: 1.5 }), code('validation_failed'));
    assert.throws(() => trafficLight(start, due, start, { yellowWithin: -2 }), code('validation_failed'));
    assert.throws(() => trafficLight(start, start, due), code('validation_failed'));
  });

  it('lights a deadline with pauses by wall-clock time from start to the extended due', () => {
    const d = fiveWorkingDays({ pauses: [{ from: '2024-03-05T02:00:00Z', to: '2024-03-07T07:00:00Z', reason: '补正材料' }] });
    assert.equal(d.statusAt('2024-03-06T00:00:00Z').light, 'green');
    assert.equal(d.statusAt('2024-03-06T00:00:00Z').state, 'paused');
    assert.equal(d.statusAt('2024-03-12T10:00:00Z').light, 'yellow');
    assert.equal(d.statusAt('2024-03-13T10:00:00Z', { yellowWithin: 4 }).light, 'green');
    assert.equal(d.statusAt('2024-03-13T12:00:00Z', { yellowWithin: 4 }).light, 'yellow');
  });
});
