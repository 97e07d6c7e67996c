import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar, toLocalDate } from './index.ts';

const BJ = 'Asia/Shanghai';
const cal = WorkingCalendar.national();

/** Asserts that an error is a DomainError with this code. */
function code(expected: string) {
  return (e: unknown) => (e as { code?: string }).code === expected;
}

describe('calendar: what kind of day it is', () => {
  it('gives the 2024 Spring Festival 8 days off, 10–17 February, and works Sundays 4 and 18 February', () => {
    for (const d of ['2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17']) {
      const info = cal.kindOf(d);
      assert.equal(info.kind, 'holiday', d);
      assert.equal(info.working, false, d);
      assert.deepEqual(info.name, { 'zh-CN': '春节', en: 'Spring Festival' });
    }
    for (const d of ['2024-02-04', '2024-02-18']) {
      assert.equal(cal.kindOf(d).kind, 'adjusted_workday', d);
      assert.equal(cal.isWorkingDay(d), true, d);
      assert.equal(cal.kindOf(d).name?.['zh-CN'], '春节');
    }
  });

  it('keeps the eve of the 2024 Spring Festival (9 February) a working day: the notice only encouraged leave', () => {
    assert.equal(cal.kindOf('2024-02-09').kind, 'workday');
  });

  it('gives National Day 2024 seven days off, 1–7 October, and works Sunday 29 September and Saturday 12 October', () => {
    for (let d = 1; d <= 7; d++) assert.equal(cal.kindOf(`2024-10-0${d}`).kind, 'holiday');
    assert.equal(cal.kindOf('2024-09-29').kind, 'adjusted_workday');
    assert.equal(cal.kindOf('2024-10-12').kind, 'adjusted_workday');
    assert.equal(cal.kindOf('2024-10-12').name?.en, 'National Day');
    assert.equal(cal.kindOf('2024-09-28').kind, 'weekend', 'a Saturday the notice does not name stays a weekend');
    assert.equal(cal.kindOf('2024-10-08').kind, 'workday');
  });

  it('gives the eve of the Spring Festival off from 2025, under the revised 放假办法', () => {
    assert.equal(cal.kindOf('2025-01-28').kind, 'holiday');
    assert.equal(cal.kindOf('2025-01-26').kind, 'adjusted_workday');
    assert.equal(cal.kindOf('2025-02-08').kind, 'adjusted_workday');
  });

  it('applies later notices: the 2020 extension made Saturday 1 February a day off, not a working day', () => {
    assert.equal(cal.kindOf('2020-02-01').kind, 'holiday');
    assert.equal(cal.kindOf('2020-02-03').kind, 'workday');
    assert.equal(cal.kindOf('2019-05-05').kind, 'adjusted_workday', 'the 2019 Labour Day change');
  });

  it('files a notice’s December days under the notice: 31 December 2022 was off for New Year 2023', () => {
    assert.equal(cal.kindOf('2022-12-31').kind, 'holiday');
    assert.equal(cal.kindOf('2022-12-31').name?.['zh-CN'], '元旦');
  });

  it('answers a year no notice covers by the Monday–Friday rule, marked provisional', () => {
    const info = cal.kindOf('2027-02-08');
    assert.equal(info.kind, 'workday');
    assert.equal(info.provisional, true);
    assert.equal(cal.kindOf('2026-06-01').provisional, false);
    assert.equal(cal.isCovered('2026-12-28'), false, 'the last week of December waits for next year’s notice');
    assert.equal(cal.isCovered('2025-12-28'), true);
  });

  it('refuses an uncovered year when built strict', () => {
    const strict = WorkingCalendar.national({ uncovered: 'throw' });
    assert.throws(() => strict.kindOf('2027-03-01'), code('unavailable'));
    assert.equal(strict.kindOf('2026-03-02').kind, 'workday');
    assert.throws(() => strict.addWorkingDays('2026-12-20T02:00:00Z', 10, BJ), code('unavailable'));
  });

  it('refuses dates that do not exist', () => {
    assert.throws(() => cal.kindOf('2024-02-30'), code('validation_failed'));
    assert.throws(() => cal.kindOf('20240210'), code('validation_failed'));
  });

  it('lists the years it covers with their notices', () => {
    const y2024 = cal.years().find((y) => y.year === 2024);
    assert.equal(y2024?.source.documentNumber, '国办发明电〔2023〕7号');
    assert.equal(y2024?.origin, 'national');
    assert.equal(y2024?.verified, true);
  });
});

describe('calendar: time zones', () => {
  it('reads 2024-09-30T17:00:00Z as 1 October 01:00 in Beijing, a holiday', () => {
    assert.equal(toLocalDate('2024-09-30T17:00:00Z', BJ), '2024-10-01');
    assert.equal(toLocalDate('2024-09-30T17:00:00Z', 'UTC'), '2024-09-30');
    assert.equal(cal.kindOf(toLocalDate('2024-09-30T17:00:00Z', BJ)).kind, 'holiday');
  });

  it('counts from the local day of the start, so the zone decides the deadline', () => {
    // Monday 30 September 01:00 in Beijing, still Sunday 29 September (a working Sunday) in UTC.
    const start = '2024-09-29T17:00:00Z';
    assert.equal(cal.addWorkingDays(start, 1, BJ), '2024-10-08T16:00:00.000Z', 'Beijing: 30 Sep is day 0, 8 Oct is day 1');
    assert.equal(cal.addWorkingDays(start, 1, 'UTC'), '2024-10-01T00:00:00.000Z', 'UTC: 29 Sep is day 0, 30 Sep is day 1');
  });

  it('takes instants with any explicit offset and returns them in UTC', () => {
    assert.equal(cal.addWorkingDays('2024-03-01T15:00:00+08:00', 1, BJ), '2024-03-04T16:00:00.000Z');
  });

  it('refuses instants without an offset and unknown zones', () => {
    assert.throws(() => cal.addWorkingDays('2024-03-01T15:00:00', 1, BJ), code('validation_failed'));
    assert.throws(() => cal.addWorkingDays('2024-03-01T07:00:00Z', 1, 'Mars/Olympus'), code('validation_failed'));
  });

  it('ends days at local midnight across a daylight-saving change', () => {
    // Friday 8 March 2024 10:00 in New York (EST); clocks go forward on Sunday 10 March.
    assert.equal(cal.addWorkingDays('2024-03-08T15:00:00Z', 1, 'America/New_York'), '2024-03-12T04:00:00.000Z');
  });
});

describe('calendar: working-day limits (工作日)', () => {
  it('ends one working day from a Friday 15:00 submission at the end of Monday', () => {
    assert.equal(cal.addWorkingDays('2024-03-01T07:00:00Z', 1, BJ), '2024-03-04T16:00:00.000Z');
    assert.equal(cal.addWorkingDays('2024-03-01T07:00:00Z', 5, BJ), '2024-03-08T16:00:00.000Z');
  });

  it('does not count the start day even for a submission at 00:01', () => {
    assert.equal(cal.addWorkingDays('2024-03-03T16:01:00Z', 1, BJ), '2024-03-05T16:00:00.000Z', 'Mon 4 Mar 00:01 → end of Tue 5 Mar');
  });

  it('skips National Day and counts its working weekend days', () => {
    // Friday 27 September 2024, 15:00: 29 Sep (Sun) and 30 Sep count, 1–7 Oct do not, 8 Oct is the third.
    assert.equal(cal.addWorkingDays('2024-09-27T07:00:00Z', 3, BJ), '2024-10-08T16:00:00.000Z');
  });

  it('skips the Spring Festival and counts Sunday 18 February 2024', () => {
    // Thursday 8 February 15:00: 9 Feb is day 1, 18 Feb (Sun) day 2, 19 Feb day 3.
    assert.equal(cal.addWorkingDays('2024-02-08T07:00:00Z', 3, BJ), '2024-02-19T16:00:00.000Z');
  });

  it('starts counting after the holiday when the start falls inside it', () => {
    assert.equal(cal.addWorkingDays('2024-10-03T02:00:00Z', 1, BJ), '2024-10-08T16:00:00.000Z');
    assert.equal(cal.addWorkingDays('2024-10-03T02:00:00Z', 2, BJ), '2024-10-09T16:00:00.000Z');
  });

  it('can treat a start on a non-working day as received on the next working day', () => {
    // Saturday 2 March 2024: plainly Monday is day 1; deemed received Monday, Tuesday is.
    assert.equal(cal.addWorkingDays('2024-03-02T02:00:00Z', 1, BJ), '2024-03-04T16:00:00.000Z');
    assert.equal(cal.addWorkingDays('2024-03-02T02:00:00Z', 1, BJ, { deferNonWorkingStart: true }), '2024-03-05T16:00:00.000Z');
    assert.equal(
      cal.addWorkingDays('2024-03-01T02:00:00Z', 1, BJ, { deferNonWorkingStart: true }),
      '2024-03-04T16:00:00.000Z',
      'a start on a working day is unaffected',
    );
  });

  it('ends the last day at a configured business closing time', () => {
    assert.equal(cal.addWorkingDays('2024-03-01T07:00:00Z', 1, BJ, { endOfDay: '17:00' }), '2024-03-04T09:00:00.000Z');
    const closing = WorkingCalendar.national({ endOfDay: '17:30' });
    assert.equal(closing.addWorkingDays('2024-03-01T07:00:00Z', 1, BJ), '2024-03-04T09:30:00.000Z');
    assert.throws(() => cal.addWorkingDays('2024-03-01T07:00:00Z', 1, BJ, { endOfDay: '25:00' }), code('validation_failed'));
  });

  it('refuses a limit that is not a whole number of days from 1', () => {
    assert.throws(() => cal.addWorkingDays('2024-03-01T07:00:00Z', 0, BJ), code('validation_failed'));
    assert.throws(() => cal.addWorkingDays('2024-03-01T07:00:00Z', 1.5, BJ), code('validation_failed'));
  });
});

describe('calendar: calendar-day (自然日) and hour limits', () => {
  it('counts every day for calendar days, holidays included', () => {
    const start = '2024-09-27T07:00:00Z';
    assert.equal(cal.addCalendarDays(start, 5, BJ), '2024-10-02T16:00:00.000Z');
    assert.equal(cal.addWorkingDays(start, 5, BJ), '2024-10-10T16:00:00.000Z');
  });

  it('can run a calendar-day period that ends on a holiday on to the next working day (民法典 第二百零三条)', () => {
    assert.equal(cal.addCalendarDays('2024-09-27T07:00:00Z', 5, BJ, { rollOverToWorkingDay: true }), '2024-10-08T16:00:00.000Z');
    assert.equal(cal.addCalendarDays('2024-09-27T07:00:00Z', 3, BJ, { rollOverToWorkingDay: true }), '2024-09-30T16:00:00.000Z', 'ends on a working day: unchanged');
  });

  it('adds hours as elapsed time from the start instant', () => {
    assert.equal(cal.addHours('2024-09-30T10:00:00Z', 24), '2024-10-01T10:00:00.000Z');
    assert.equal(cal.addHours('2024-09-30T10:00:00.250Z', 0.5), '2024-09-30T10:30:00.250Z');
    assert.throws(() => cal.addHours('2024-09-30T10:00:00Z', -1), code('validation_failed'));
  });
});

describe('calendar: working days between two instants', () => {
  it('counts the working days after the first day up to and including the last', () => {
    assert.equal(cal.workingDaysBetween('2024-09-27T07:00:00Z', '2024-10-08T03:00:00Z', BJ), 3);
    assert.equal(cal.workingDaysBetween('2024-10-08T03:00:00Z', '2024-09-27T07:00:00Z', BJ), -3);
    assert.equal(cal.workingDaysBetween('2024-03-04T01:00:00Z', '2024-03-04T09:00:00Z', BJ), 0);
  });

  it('agrees with addWorkingDays: the last instant before the deadline is n working days on', () => {
    const start = '2024-02-08T07:00:00Z';
    const due = Date.parse(cal.addWorkingDays(start, 3, BJ));
    assert.equal(cal.workingDaysBetween(start, new Date(due - 1).toISOString(), BJ), 3);
  });
});
