import type { z } from 'zod';
import type { AirNearItem, AirStationNow, DistrictRankingItem, StreetRankingItem } from '@jing/contracts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { DeviceWithNetwork, SensingService } from '../sensing/index.ts';
import { aqiCategory, type ChinaStandard } from './aqi/index.ts';
import { distanceKm, type AirService } from './air.service.ts';
import { addMonths, areaDays, areaSeries, monthSpan, pm25Days, stationDays, type DaySpan, type DeviceDays } from './area-days.ts';
import { assessArea, goodDayNote } from './assessment.ts';
import { DAY_MS } from './hour-grid.ts';
import { competitionRanks, monthlyFigure, monthlyMinValidDays, yoyChange } from './rankings.ts';

type Ref = { code: string; name: string };
type StationNow = z.infer<typeof AirStationNow>;
type NearItem = z.infer<typeof AirNearItem>;
type DistrictItem = z.infer<typeof DistrictRankingItem>;
type StreetItem = z.infer<typeof StreetRankingItem>;

const MAX_TREND_MONTHS = 24;
const BEIJING_MS = 8 * 3_600_000;
const monthOfInstant = (ms: number) => new Date(ms + BEIJING_MS).toISOString().slice(0, 7);
const byRankThenCode = <T extends { rank: number | null }>(code: (x: T) => string) => (a: T, b: T) =>
  (a.rank ?? Infinity) - (b.rank ?? Infinity) || code(a).localeCompare(code(b));

/** Devices grouped by a key (district or street code), skipping those without one. */
function groupBy(devices: DeviceWithNetwork[], key: (d: DeviceWithNetwork) => Ref | null): Map<string, { ref: Ref; devices: DeviceWithNetwork[] }> {
  const out = new Map<string, { ref: Ref; devices: DeviceWithNetwork[] }>();
  for (const d of devices) {
    const ref = key(d);
    if (!ref) continue;
    const g = out.get(ref.code) ?? { ref, devices: [] };
    g.devices.push(d);
    out.set(ref.code, g);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}
const districtOf = (d: DeviceWithNetwork): Ref | null => (d.district_code ? { code: d.district_code, name: d.district_name ?? d.district_code } : null);
const streetOf = (d: DeviceWithNetwork): Ref | null => (d.street_code ? { code: d.street_code, name: d.street_name ?? d.street_code } : null);
const spanDays = (s: DaySpan) => s.hi - s.lo + 1;

/**
 * 一微克 rankings and assessments over the national stations and the micro-sensor network: the stations map
 * (latest AQI), the air near a point, district rankings by month (PM2.5 and year-on-year), street rankings from
 * micro-sensors, monthly trends and the annual assessment. Rules: docs/air-quality-rules.md §11.
 */
export class AirRankingService {
  constructor(
    private readonly sensing: SensingService,
    private readonly air: AirService,
    private readonly city: () => Promise<Ref>,
  ) {}

  private stations(): Promise<DeviceWithNetwork[]> {
    return this.sensing.devicesOfType('station');
  }

  private async nowOf(d: DeviceWithNetwork): Promise<StationNow> {
    const h = await this.air.latestHour(d);
    return {
      station: this.air.stationView(d),
      time: h?.time ?? null,
      aqi: h?.aqi ?? null,
      category: h?.category ?? null,
      primaryPollutants: h?.primaryPollutants ?? [],
      pm25: h?.concentrations.pm25 ?? null,
    };
  }

  /** Every station with its latest hour's AQI (the map). */
  async latest(): Promise<StationNow[]> {
    const out: StationNow[] = [];
    for (const d of await this.stations()) out.push(await this.nowOf(d));
    return out;
  }

  /** The `limit` nearest stations that have data, nearest first, with the health advice of their category. */
  async near(lng: number, lat: number, limit: number): Promise<NearItem[]> {
    const located = (await this.stations()).filter((d) => d.lng !== null && d.lat !== null);
    const ranked = located.map((d) => ({ d, km: distanceKm(lng, lat, Number(d.lng), Number(d.lat)) })).sort((a, b) => a.km - b.km);
    const out: NearItem[] = [];
    for (const { d, km } of ranked) {
      if (out.length >= limit) break;
      const now = await this.nowOf(d);
      if (now.time === null) continue;
      const c = now.aqi === null ? null : aqiCategory(now.aqi);
      out.push({
        ...now,
        station: { ...now.station, distanceKm: Math.round(km * 100) / 100 },
        healthEffects: c ? { 'zh-CN': c.healthEffects.zh, en: c.healthEffects.en } : null,
        advice: c ? { 'zh-CN': c.measures.zh, en: c.measures.en } : null,
      });
    }
    if (out.length === 0) throw notFound('station', `with data near ${lng},${lat}`);
    return out;
  }

  /** Months with data of devices of a type, oldest first (Beijing time). */
  private async monthsOf(devices: DeviceWithNetwork[]): Promise<string[]> {
    const status = await this.sensing.statusOf(devices.map((d) => d.id));
    if (status.size === 0) return [];
    const all = [...status.values()];
    const first = monthOfInstant(Math.min(...all.map((s) => s.first)));
    const last = monthOfInstant(Math.max(...all.map((s) => s.last)));
    const out: string[] = [];
    for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
    return out;
  }

  /** Months with station data, oldest first. */
  months(): Promise<string[]> {
    return this.stations().then((s) => this.monthsOf(s));
  }

  private async defaultMonth(devices: DeviceWithNetwork[]): Promise<string | null> {
    return (await this.monthsOf(devices)).at(-1) ?? null;
  }

  /** Districts ranked for a month by PM2.5 and by its change on the same month a year earlier. */
  async districts(month?: string): Promise<{ month: string; lastYearMonth: string; items: DistrictItem[] }> {
    const stations = await this.stations();
    const m = month ?? (await this.defaultMonth(stations)) ?? monthOfInstant(Date.now());
    const lastYearMonth = addMonths(m, -12);
    const [now, before] = [monthSpan(m), monthSpan(lastYearMonth)];
    const rows: (Omit<DistrictItem, 'rank' | 'yoyRank'> & { lastCovered: boolean })[] = [];
    for (const { ref, devices } of groupBy(stations, districtOf).values()) {
      const [cur, old] = [await stationDays(this.sensing, devices, now), await stationDays(this.sensing, devices, before)];
      const fig = monthlyFigure(areaDays(cur, spanDays(now)).map((d) => d.pm25), m);
      const lastFig = monthlyFigure(areaDays(old, spanDays(before)).map((d) => d.pm25), lastYearMonth);
      rows.push({
        district: ref,
        stations: cur.map((s) => ({ code: s.device.code, name: s.device.name ?? s.device.code, ...stationFigure(s, m) })).sort((a, b) => a.code.localeCompare(b.code)),
        pm25: fig.value,
        validDays: fig.validDays,
        coverageMet: fig.coverageMet,
        lastYear: lastFig.coverageMet ? lastFig.value : null,
        lastCovered: lastFig.coverageMet,
        yoyChange: yoyChange(fig, lastFig),
      });
    }
    const ranks = competitionRanks(rows.map((r) => (r.coverageMet ? r.pm25 : null)));
    const yoyRanks = competitionRanks(rows.map((r) => r.yoyChange));
    const items = rows.map(({ lastCovered: _, ...r }, i) => ({ ...r, rank: ranks[i]!, yoyRank: yoyRanks[i]! })).sort(byRankThenCode((r) => r.district.code));
    return { month: m, lastYearMonth, items };
  }

  /** Streets ranked for a month by PM2.5 from micro-sensors resolved to them; too few valid days: unranked. */
  async streets(month?: string, district?: string): Promise<{ month: string | null; minValidDays: number; items: StreetItem[] }> {
    const micro = (await this.sensing.devicesOfType('micro')).filter((d) => d.street_code && (!district || d.district_code === district));
    const m = month ?? (await this.defaultMonth(micro));
    if (m === null) return { month: null, minValidDays: 0, items: [] };
    const span = monthSpan(m);
    const rows: { item: Omit<StreetItem, 'rank'>; covered: boolean }[] = [];
    for (const { ref, devices } of groupBy(micro, streetOf).values()) {
      const series = await pm25Days(this.sensing, devices, span);
      const reporting = series.filter((s) => s.some((v) => v !== null)).length;
      if (reporting === 0) continue;
      const fig = monthlyFigure(areaSeries(series, spanDays(span)), m);
      rows.push({ item: { street: ref, district: districtOf(devices[0]!), devices: reporting, pm25: fig.value, validDays: fig.validDays }, covered: fig.coverageMet });
    }
    const ranks = competitionRanks(rows.map((r) => (r.covered ? r.item.pm25 : null)));
    const items = rows.map((r, i) => ({ ...r.item, rank: ranks[i]! }));
    return { month: m, minValidDays: monthlyMinValidDays(m), items: items.sort(byRankThenCode((r) => r.street.code)) };
  }

  /** Monthly PM2.5 of each district and of the city, from `from` to `to` (at most 24 months). */
  async trend(from: string, to: string) {
    if (to < from) throw invalidField('query.to', 'must not be before from');
    const months: string[] = [];
    for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
    if (months.length > MAX_TREND_MONTHS) throw invalidField('query.to', `at most ${MAX_TREND_MONTHS} months at a time`);
    const span = { lo: monthSpan(from).lo, hi: monthSpan(to).hi };
    const all = await stationDays(this.sensing, await this.stations(), span);
    const monthly = (days: DeviceDays[]) => {
      const pm25 = areaDays(days, spanDays(span)).map((d) => d.pm25);
      return months.map((m) => {
        const s = monthSpan(m);
        return monthlyFigure(pm25.slice(s.lo - span.lo, s.hi - span.lo + 1), m).value;
      });
    };
    const districts = groupBy(all.map((s) => s.device), districtOf);
    const series = [{ area: await this.city(), pm25: monthly(all) }];
    for (const { ref, devices } of districts.values()) series.push({ area: ref, pm25: monthly(all.filter((s) => devices.includes(s.device))) });
    return { months, series };
  }

  /** The annual assessment of the city and of each district for a calendar year. */
  async assessment(year: number, standard?: ChinaStandard) {
    const span = { lo: Date.UTC(year, 0, 1) / DAY_MS, hi: Date.UTC(year, 11, 31) / DAY_MS };
    const all = await stationDays(this.sensing, await this.stations(), span);
    const assess = (days: DeviceDays[]) => assessArea(year, span.lo, areaDays(days, spanDays(span)), days.length, standard);
    const city = { area: await this.city(), ...assess(all) };
    const districts = [...groupBy(all.map((s) => s.device), districtOf).values()].map(({ ref, devices }) => ({
      area: ref,
      ...assess(all.filter((s) => devices.includes(s.device))),
    }));
    return { year, note: goodDayNote(city.days.standardsUsed, standard), city, districts };
  }
}

/** A station's own monthly PM2.5 (the drill-down under its district). */
function stationFigure(s: DeviceDays, month: string): { pm25: number | null; validDays: number } {
  const f = monthlyFigure(s.days.map((d) => d.pm25), month);
  return { pm25: f.value, validDays: f.validDays };
}
