import type { z } from 'zod';
import type { AirDay, AirHour, AirStation } from '@jing/contracts';
import {
  AQI_CATEGORIES,
  aqiCategory,
  dailyReport,
  dailyValues,
  hourlyReport,
  realtimeConcentrations,
  type AqiCategory,
  type ChinaStandard,
  type DayInput,
  type StandardChoice,
} from './aqi/index.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { HOUR_MS, type DeviceWithNetwork, type SensingService } from '../sensing/index.ts';
import { DAY_MS, HourGrid, dateOf, dayOfHour, firstHourOf } from './hour-grid.ts';

type Day = z.infer<typeof AirDay>;
type Hour = z.infer<typeof AirHour>;
type Station = z.infer<typeof AirStation>;

const MAX_DAILY_DAYS = 5 * 366;
const MAX_HOURLY_DAYS = 31;

/** `YYYY-MM-DD` → days since 1970-01-01 (a Beijing local calendar day). */
function dayNumber(date: string, field: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(t).toISOString().slice(0, 10) !== date) throw invalidField(`query.${field}`, `not a real date: ${date}`);
  return t / DAY_MS;
}

export function categoryView(c: AqiCategory | null) {
  return c ? { level: c.level, key: c.key, name: { 'zh-CN': c.name.zh, en: c.name.en }, colour: c.hex } : null;
}
/** The six views, made once (a daily series shares them). */
const CATEGORY_VIEWS = AQI_CATEGORIES.map((c) => Object.freeze(categoryView(c)!));

/** Great-circle distance in km. */
export function distanceKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * 一微克 air quality over the sensing data: stations, daily and real-time AQI (every AQI number from the
 * `aqi` library: HJ 633 tables by date, HJ 663 validity), and the air near a point for Tong.
 */
export class AirService {
  constructor(private readonly sensing: SensingService) {}

  /** A station as the API shows it. */
  stationView(d: DeviceWithNetwork): Station {
    return {
      code: d.code,
      name: d.name ?? d.code,
      lng: d.lng === null ? null : Number(d.lng),
      lat: d.lat === null ? null : Number(d.lat),
      district: d.district_code ? { code: d.district_code, name: d.district_name ?? d.district_code } : null,
    };
  }

  async stations(): Promise<Station[]> {
    return (await this.sensing.devicesOfType('station')).map((d) => this.stationView(d));
  }

  private async station(code: string): Promise<DeviceWithNetwork> {
    const d = await this.sensing.findDevice(code);
    if (!d) throw notFound('station', code);
    return d;
  }

  /** Hourly means of a device for hours [from, to), keeping only hours valid under HJ 663's 45-minute rule. */
  private hours(d: DeviceWithNetwork, fromHour: number, toHour: number): Promise<HourGrid> {
    return HourGrid.read(this.sensing, d, fromHour, toHour);
  }

  /** A station's valid hours for local days [from, to] and the day before (moving windows reach back). */
  private async range(code: string, from: string, to: string, maxDays: number) {
    const [lo, hi] = [dayNumber(from, 'from'), dayNumber(to, 'to')];
    if (hi < lo) throw invalidField('query.to', 'must not be before from');
    if (hi - lo + 1 > maxDays) throw invalidField('query.to', `at most ${maxDays} days at a time`);
    const d = await this.station(code);
    return { d, lo, hi, hours: await this.hours(d, firstHourOf(lo - 1), firstHourOf(hi + 1)) };
  }

  /** The daily report of each day from `from` to `to` (inclusive); days without valid data have nulls. */
  async daily(code: string, from: string, to: string, standard?: ChinaStandard): Promise<Day[]> {
    const { lo, hi, hours } = await this.range(code, from, to, MAX_DAILY_DAYS);
    const out: Day[] = [];
    for (const { day, input } of hours.dayInputs(lo, hi)) out.push(this.dayReport(input, day, standard));
    return out;
  }

  private dayReport(input: DayInput, day: number, standard?: ChinaStandard): Day {
    const date = dateOf(day);
    const v = dailyValues(input);
    const choice: StandardChoice = standard ? { standard } : { date };
    const r = dailyReport(v.values, choice);
    const e = r.iaqi;
    // Spelled out rather than mapped over entries: this runs for every station-day of a multi-year range.
    const iaqi = { pm25: e.pm25.value, pm10: e.pm10.value, so2: e.so2.value, no2: e.no2.value, co: e.co.value, o3_1h: e.o3_1h.value, o3_8h: e.o3_8h.value };
    return {
      date,
      standard: r.standard,
      aqi: r.aqi,
      category: r.category ? CATEGORY_VIEWS[r.category.level - 1]! : null,
      primaryPollutants: [...r.primaryPollutants],
      iaqi,
      concentrations: { ...v.values },
      complete: v.complete,
    };
  }

  /** The real-time report of each hour with data from `from` to `to` (inclusive, Beijing days). */
  async hourly(code: string, from: string, to: string, standard?: ChinaStandard): Promise<Hour[]> {
    const { lo, hi, hours } = await this.range(code, from, to, MAX_HOURLY_DAYS);
    const out: Hour[] = [];
    for (let day = lo; day <= hi; day++) {
      const input = hours.dayInput(day);
      for (let h = 0; h < 24; h++) if (hours.has(firstHourOf(day) + h)) out.push(this.hourReport(input, day, h, standard));
    }
    return out;
  }

  private hourReport(input: DayInput, day: number, h: number, standard?: ChinaStandard): Hour {
    const date = dateOf(day);
    const c = realtimeConcentrations(input, h);
    const r = hourlyReport(c, standard ? { standard } : { date });
    return {
      time: `${date}T${String(h).padStart(2, '0')}:00:00+08:00`,
      standard: r.standard,
      aqi: r.aqi,
      category: categoryView(r.category),
      primaryPollutants: [...r.primaryPollutants],
      iaqi: Object.fromEntries(Object.entries(r.iaqi).map(([k, e]) => [k, e.value])) as Hour['iaqi'],
      concentrations: { pm25: c.pm25, pm10: c.pm10, so2: c.so2, no2: c.no2, co: c.co, o3: c.o3, pm25_24h: c.pm25_24h, pm10_24h: c.pm10_24h, o3_8h: c.o3_8h },
    };
  }

  /** The real-time report of a station's latest hour with data, or null before its first reading. */
  async latestHour(d: DeviceWithNetwork): Promise<Hour | null> {
    const last = (await this.sensing.statusOf([d.id])).get(d.id)?.last;
    if (last === undefined) return null;
    const hour = Math.floor(last / HOUR_MS);
    const day = dayOfHour(hour);
    const hours = await this.hours(d, firstHourOf(day - 1), firstHourOf(day + 1));
    return this.hourReport(hours.dayInput(day), day, hour - firstHourOf(day));
  }

  /** The nearest station with a location, its latest hour's AQI, and the health advice of its category. */
  async now(lng: number, lat: number) {
    const located = (await this.sensing.devicesOfType('station')).filter((d) => d.lng !== null && d.lat !== null);
    if (located.length === 0) throw notFound('station', `near ${lng},${lat}`);
    const ranked = located.map((d) => ({ d, km: distanceKm(lng, lat, Number(d.lng), Number(d.lat)) })).sort((a, b) => a.km - b.km);
    const { d, km } = ranked[0]!;
    const station = { ...this.stationView(d), distanceKm: Math.round(km * 100) / 100 };
    const report = await this.latestHour(d);
    if (report === null) return { station, hour: null, healthEffects: null, advice: null };
    const c = report.aqi === null ? null : aqiCategory(report.aqi);
    return {
      station,
      hour: report,
      healthEffects: c ? { 'zh-CN': c.healthEffects.zh, en: c.healthEffects.en } : null,
      advice: c ? { 'zh-CN': c.measures.zh, en: c.measures.en } : null,
    };
  }
}
