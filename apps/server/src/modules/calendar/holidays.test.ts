import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkingCalendar, loadCalendarOverrides, loadNationalHolidays, type HolidayData } from './index.ts';
import { buildDayTable } from './holidays.ts';
import { addDays, dayNumber, weekdayOf } from './time.ts';

const BJ = 'Asia/Shanghai';
const data = loadNationalHolidays();

function code(expected: string) {
  return (e: unknown) => (e as { code?: string }).code === expected;
}

function* days(span: { date: string; through?: string | undefined }) {
  for (let d = span.date; dayNumber(d) <= dayNumber(span.through ?? span.date); d = addDays(d, 1)) yield d;
}
const isWeekend = (d: string) => weekdayOf(d) === 0 || weekdayOf(d) === 6;

describe('national holiday data', () => {
  it('covers every year from 2013 through 2026, each verified and sourced, and no later year', () => {
    assert.deepEqual(
      data.years.map((y) => y.year),
      Array.from({ length: 14 }, (_, i) => 2013 + i),
    );
    for (const y of data.years) {
      assert.equal(y.verified, true, `${y.year}`);
      assert.match(y.source.title, new RegExp(`关于${y.year}年部分节假日安排的通知`));
      assert.match(y.source.documentNumber ?? '', /^国办发明电〔\d{4}〕\d+号$/, `${y.year}`);
    }
  });

  it('makes only Saturdays and Sundays into working days', () => {
    for (const y of data.years) for (const w of y.work) for (const d of days(w)) assert.ok(isWeekend(d), `${d} (${y.year}) is a weekday`);
  });

  it('names no date twice', () => {
    assert.doesNotThrow(() => buildDayTable(data));
  });

  // Each notice only moves days: the weekdays it gives off, minus the weekends it makes worked, are
  // the statutory holidays of 全国年节及纪念日放假办法 — 11 days until 2024, 13 from 2025 (the eve of
  // the Spring Festival and 2 May added) — plus the one-off changes named in its amendments.
  it('adds up to the statutory days off of each year, amendments included', () => {
    const extra: Record<number, number> = { 2015: 1, 2020: 2 };
    for (const y of data.years) {
      const weekdaysOff = y.off.flatMap((s) => [...days(s)]).filter((d) => !isWeekend(d)).length;
      const weekendsWorked = y.work.flatMap((s) => [...days(s)]).length;
      const statutory = (y.year >= 2025 ? 13 : 11) + (extra[y.year] ?? 0);
      assert.equal(weekdaysOff - weekendsWorked, statutory, `${y.year}`);
    }
  });

  it('gives each festival’s own day off (dates of 春节 初一, 清明, 端午 and 中秋)', () => {
    const festivalDays = [
      ...['2013-02-10', '2014-01-31', '2015-02-19', '2016-02-08', '2017-01-28', '2018-02-16', '2019-02-05'],
      ...['2020-01-25', '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17'],
      ...['2013-04-04', '2014-04-05', '2015-04-05', '2016-04-04', '2017-04-04', '2018-04-05', '2019-04-05'],
      ...['2020-04-04', '2021-04-04', '2022-04-05', '2023-04-05', '2024-04-04', '2025-04-04', '2026-04-05'],
      ...['2013-06-12', '2014-06-02', '2015-06-20', '2016-06-09', '2017-05-30', '2018-06-18', '2019-06-07'],
      ...['2020-06-25', '2021-06-14', '2022-06-03', '2023-06-22', '2024-06-10', '2025-05-31', '2026-06-19'],
      ...['2013-09-19', '2014-09-08', '2015-09-27', '2016-09-15', '2017-10-04', '2018-09-24', '2019-09-13'],
      ...['2020-10-01', '2021-09-21', '2022-09-10', '2023-09-29', '2024-09-17', '2025-10-06', '2026-09-25'],
    ];
    const cal = new WorkingCalendar(data);
    for (const d of festivalDays) assert.equal(cal.kindOf(d).kind, 'holiday', d);
    for (const y of data.years) for (const d of [`${y.year}-01-01`, `${y.year}-05-01`, `${y.year}-10-01`, `${y.year}-10-02`, `${y.year}-10-03`])
      assert.equal(cal.kindOf(d).kind, 'holiday', d);
  });

  it('reports a date named twice as a conflict', () => {
    const name = { 'zh-CN': '测试', en: 'Test' };
    const bad: HolidayData = {
      country: 'CN',
      years: [
        {
          year: 2030,
          source: { title: 't', documentNumber: null },
          amendments: [],
          verified: false,
          off: [{ date: '2030-01-01', through: '2030-01-03', name }],
          work: [{ date: '2030-01-02', name }],
        },
      ],
    };
    assert.throws(() => new WorkingCalendar(bad), code('conflict'));
  });
});

describe('city overrides', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jing-calendar-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function file(name: string, json: unknown): string {
    const p = join(dir, name);
    writeFileSync(p, typeof json === 'string' ? json : JSON.stringify(json));
    return p;
  }

  it('adds a day off and removes an arrangement from a file, without touching the national data', () => {
    const overrides = loadCalendarOverrides(
      file('beijing.json', {
        description: '北京市本地调整',
        days: [
          { date: '2024-03-05', kind: 'off', name: { 'zh-CN': '测试休息日', en: 'Test day off' }, note: '京政办发〔示例〕' },
          { date: '2024-02-04', kind: 'remove' },
        ],
      }),
    );
    const city = WorkingCalendar.national({ overrides });
    assert.equal(city.kindOf('2024-03-05').kind, 'holiday');
    assert.equal(city.kindOf('2024-03-05').origin, 'city');
    assert.equal(city.kindOf('2024-02-04').kind, 'weekend', 'the worked Sunday is gone');
    assert.equal(city.addWorkingDays('2024-03-01T07:00:00Z', 2, BJ), '2024-03-06T16:00:00.000Z');
    const plain = WorkingCalendar.national();
    assert.equal(plain.kindOf('2024-03-05').kind, 'workday');
    assert.equal(plain.addWorkingDays('2024-03-01T07:00:00Z', 2, BJ), '2024-03-05T16:00:00.000Z');
  });

  it('adds a working day and a span of days off with a default name', () => {
    const city = WorkingCalendar.national({
      overrides: { days: [{ date: '2024-03-09', kind: 'work' }, { date: '2024-03-11', through: '2024-03-12', kind: 'off' }] },
    });
    assert.equal(city.kindOf('2024-03-09').kind, 'adjusted_workday');
    assert.equal(city.kindOf('2024-03-09').name?.['zh-CN'], '本市调整');
    assert.equal(city.isWorkingDay('2024-03-12'), false);
  });

  it('adds a whole year, which then counts as covered', () => {
    const name = { 'zh-CN': '元旦', en: "New Year's Day" };
    const city = WorkingCalendar.national({
      overrides: {
        years: [
          {
            year: 2027,
            source: { title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: null },
            verified: false,
            off: [{ date: '2027-01-01', name }],
            work: [],
          },
        ],
      },
    });
    assert.equal(city.kindOf('2027-01-01').kind, 'holiday');
    assert.equal(city.kindOf('2027-01-04').provisional, false);
    assert.equal(city.isCovered('2026-12-28'), true);
    assert.equal(city.years().find((y) => y.year === 2027)?.origin, 'city');
  });

  it('replaces a shipped year wholesale', () => {
    const city = WorkingCalendar.national({
      overrides: { years: [{ year: 2024, source: { title: 'corrected', documentNumber: null }, verified: false, off: [], work: [] }] },
    });
    assert.equal(city.kindOf('2024-10-01').kind, 'workday');
    assert.equal(city.years().find((y) => y.year === 2024)?.verified, false);
  });

  it('refuses a malformed file, naming the file and the field', () => {
    const bad = file('bad.json', { days: [{ date: '2024-02-30', kind: 'off' }] });
    assert.throws(() => loadCalendarOverrides(bad), (e: unknown) => {
      const err = e as { code: string; details: { issues: { path: string }[] } };
      return err.code === 'validation_failed' && err.details.issues[0]!.path === `${bad}.days.0.date`;
    });
    assert.throws(() => loadCalendarOverrides(file('kind.json', { days: [{ date: '2024-03-01', kind: 'holiday' }] })), code('validation_failed'));
    assert.throws(() => loadCalendarOverrides(file('broken.json', '{ "days": [')), code('validation_failed'));
    assert.throws(() => loadCalendarOverrides(join(dir, 'missing.json')), code('validation_failed'));
  });
});
