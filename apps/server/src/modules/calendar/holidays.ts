import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DomainError, invalid, invalidField } from '../../platform/errors.ts';
import { addDays, dayNumber, isLocalDate, yearOf, type LocalDate } from './time.ts';

/**
 * The holiday data: the State Council's yearly notices as shipped in `apps/server/data/holidays-cn.json`,
 * and a city's own corrections on top (same shapes, loaded from a JSON file the deployment names).
 */

const localDate = z.string().refine(isLocalDate, 'expected a real date YYYY-MM-DD');

export const FestivalName = z.object({
  'zh-CN': z.string().min(1).describe('Name in Chinese, as the notice writes it, e.g. 春节'),
  en: z.string().min(1).describe('English name, e.g. Spring Festival'),
});
export type FestivalName = z.infer<typeof FestivalName>;

/** One day, or an inclusive span of days, with the festival it belongs to. */
export const DaySpan = z
  .object({
    date: localDate.describe('First (or only) day, YYYY-MM-DD'),
    through: localDate.optional().describe('Last day of the span, inclusive; absent for a single day'),
    name: FestivalName,
  })
  .refine((s) => s.through === undefined || s.through >= s.date, { message: 'through must not be before date', path: ['through'] });
export type DaySpan = z.infer<typeof DaySpan>;

const Notice = z.object({
  title: z.string().min(1).describe('Title of the notice, e.g. 国务院办公厅关于2024年部分节假日安排的通知'),
  documentNumber: z.string().min(1).nullable().describe('文号, e.g. 国办发明电〔2023〕7号; null when not confirmed'),
});

/** One year's arrangement: the notice for that year and what it makes of each day it names. */
export const HolidayYear = z.object({
  year: z.number().int().min(1949).max(2200),
  source: Notice,
  amendments: z
    .array(Notice.extend({ effect: z.string().min(1).describe('What the later notice changed') }))
    .default([])
    .describe('Later notices that changed this year (already applied to off/work)'),
  verified: z.boolean().describe('True only for a year whose dates were checked against its notice (docs/working-days.md says how)'),
  note: z.string().optional(),
  off: z.array(DaySpan).describe('Days the notice gives off (放假), weekends inside a span included'),
  work: z.array(DaySpan).describe('Saturdays and Sundays the notice makes working days (调休上班)'),
});
export type HolidayYear = z.infer<typeof HolidayYear>;

export const HolidayData = z.object({
  description: z.string().optional(),
  country: z.string().min(2),
  years: z.array(HolidayYear),
});
export type HolidayData = z.infer<typeof HolidayData>;

/** A city's correction of single days, applied after every year's arrangement. */
export const DayOverride = z
  .object({
    date: localDate,
    through: localDate.optional(),
    kind: z
      .enum(['off', 'work', 'remove'])
      .describe('off: a day off; work: a working day; remove: drop any arrangement, so the plain Monday–Friday rule applies'),
    name: FestivalName.optional().describe('Shown for the day; defaults to 本市调整 / City adjustment'),
    note: z.string().optional().describe('Why, e.g. the city notice that ordered it'),
  })
  .refine((s) => s.through === undefined || s.through >= s.date, { message: 'through must not be before date', path: ['through'] });
export type DayOverride = z.infer<typeof DayOverride>;

/**
 * A deployment's additions: whole years (a year already shipped is replaced, a new one added,
 * e.g. next year's notice before Jing ships it) and single-day corrections.
 */
export const CalendarOverrides = z.object({
  description: z.string().optional(),
  years: z.array(HolidayYear).default([]),
  days: z.array(DayOverride).default([]),
});
export type CalendarOverrides = z.infer<typeof CalendarOverrides>;
export type CalendarOverridesInput = z.input<typeof CalendarOverrides>;

export const CITY_ADJUSTMENT: FestivalName = { 'zh-CN': '本市调整', en: 'City adjustment' };

function parseWith<T>(schema: z.ZodType<T>, json: unknown, prefix: string): T {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  throw invalid(
    r.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message })),
  );
}

export function parseHolidayData(json: unknown, source = 'holidays'): HolidayData {
  return parseWith(HolidayData, json, source);
}

export function parseCalendarOverrides(json: unknown, source = 'overrides'): CalendarOverrides {
  return parseWith(CalendarOverrides, json, source);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw invalidField(file, `cannot read the file: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalidField(file, `not valid JSON: ${(e as Error).message}`);
  }
}

/** Where the shipped national data lives: `apps/server/data/holidays-cn.json`. */
export const NATIONAL_HOLIDAYS_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../../data/holidays-cn.json');

/** Reads and validates the national data shipped with Jing. */
export function loadNationalHolidays(file = NATIONAL_HOLIDAYS_FILE): HolidayData {
  return parseHolidayData(readJson(file), file);
}

/** Reads and validates a city's override file; its errors name the file and the field. */
export function loadCalendarOverrides(file: string): CalendarOverrides {
  return parseCalendarOverrides(readJson(file), file);
}

/** What the data says of one date. */
export interface DayEntry {
  kind: 'off' | 'work';
  name: FestivalName;
  /** `national` from the shipped notices, `city` from a deployment's overrides. */
  origin: 'national' | 'city';
  note?: string;
}

export interface YearSummary {
  year: number;
  verified: boolean;
  origin: 'national' | 'city';
  source: z.infer<typeof Notice>;
}

export interface DayTable {
  entries: Map<LocalDate, DayEntry>;
  years: Map<number, YearSummary>;
}

function* daysOf(span: { date: LocalDate; through?: LocalDate | undefined }): Generator<LocalDate> {
  const last = span.through ?? span.date;
  for (let d = span.date; dayNumber(d) <= dayNumber(last); d = addDays(d, 1)) yield d;
}

/**
 * Folds the years and then the single-day overrides into one date → entry map. A date named twice
 * by the years is a data error (the notices never do it), reported rather than silently resolved.
 */
export function buildDayTable(data: HolidayData, overrides?: CalendarOverrides): DayTable {
  const yearsByNumber = new Map<number, { year: HolidayYear; origin: 'national' | 'city' }>();
  for (const y of data.years) {
    if (yearsByNumber.has(y.year)) throw invalidField(`years.${y.year}`, `year ${y.year} is listed twice`);
    yearsByNumber.set(y.year, { year: y, origin: 'national' });
  }
  for (const y of overrides?.years ?? []) yearsByNumber.set(y.year, { year: y, origin: 'city' });

  const entries = new Map<LocalDate, DayEntry>();
  const years = new Map<number, YearSummary>();
  for (const [n, { year, origin }] of [...yearsByNumber].sort((a, b) => a[0] - b[0])) {
    years.set(n, { year: n, verified: year.verified, origin, source: year.source });
    for (const [kind, spans] of [['off', year.off], ['work', year.work]] as const)
      for (const span of spans)
        for (const d of daysOf(span)) {
          const seen = entries.get(d);
          if (seen)
            throw new DomainError('conflict', `${d} is listed twice (${seen.kind} and ${kind}) in the holiday data`, { date: d, year: n });
          entries.set(d, { kind, name: span.name, origin });
        }
  }
  for (const o of overrides?.days ?? [])
    for (const d of daysOf(o)) {
      if (o.kind === 'remove') entries.delete(d);
      else entries.set(d, { kind: o.kind, name: o.name ?? CITY_ADJUSTMENT, origin: 'city', ...(o.note ? { note: o.note } : {}) });
    }
  return { entries, years };
}

/**
 * Whether the arrangement of `date` is known: its year has a notice and, in the last week of
 * December, so does the next year — a notice can reach back into the previous December
 * (the 2023 notice gave 2022-12-31 off; the 2019 one made 2018-12-29 a working day).
 */
export function isCoveredBy(years: ReadonlyMap<number, unknown>, date: LocalDate): boolean {
  const y = yearOf(date);
  if (!years.has(y)) return false;
  return date.slice(5) < '12-25' || years.has(y + 1);
}
