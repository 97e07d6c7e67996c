import type { z } from 'zod';
import type { ReductionEstimate } from '@jing/contracts';
import { invalidField } from '../../platform/errors.ts';
import type { DeviceWithNetwork, SensingService } from '../sensing/index.ts';
import { dailyMeans, dayDate, deweather, differenceInDifferences, NotEnoughData, type HourObservation } from './reductions.ts';
import type { WeatherRepository } from './weather.ts';

type Estimate = z.infer<typeof ReductionEstimate>;
type Pollutant = Estimate['pollutant'];

const DAY_MS = 86_400_000;
const MAX_PERIOD_DAYS = 366;

function dayOf(date: string, field: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== date) throw invalidField(field, `not a real date: ${date}`);
  return t / DAY_MS;
}
const firstHourOf = (day: number) => day * 24 - 8;

export interface ReductionQuery {
  station: string;
  from: string;
  to: string;
  baselineFrom?: string | undefined;
  baselineTo?: string | undefined;
  pollutant: Pollutant;
  controls?: string | undefined;
}

/** Loads a station's hours, weather and control stations, and runs the two estimates of reductions.ts. */
export class ReductionsService {
  constructor(
    private readonly sensing: SensingService,
    private readonly weather: WeatherRepository,
  ) {}

  /** Hourly values of a pollutant at a station (stations report hourly means: one reading is a valid hour). */
  private async hours(d: DeviceWithNetwork, pollutant: Pollutant, fromHour: number, toHour: number) {
    const rows = await this.sensing.hourlyOf(d.id, fromHour, toHour);
    return rows.map((r) => ({ hour: Number(r.hour), y: Number(r[`${pollutant}_n`] ?? 0) > 0 && r[pollutant] !== null ? Number(r[pollutant]) : null }));
  }

  async estimate(q: ReductionQuery): Promise<Estimate> {
    const a0 = dayOf(q.from, 'query.from');
    const a1 = dayOf(q.to, 'query.to');
    if (a1 < a0) throw invalidField('query.to', 'must not be before from');
    if (a1 - a0 + 1 > MAX_PERIOD_DAYS) throw invalidField('query.to', `at most ${MAX_PERIOD_DAYS} days`);
    const b1 = q.baselineTo ? dayOf(q.baselineTo, 'query.baselineTo') : a0 - 1;
    const b0 = q.baselineFrom ? dayOf(q.baselineFrom, 'query.baselineFrom') : b1 - (a1 - a0);
    if (b1 >= a0) throw invalidField('query.baselineTo', 'the baseline must end before the period starts');
    if (b1 < b0) throw invalidField('query.baselineFrom', 'must not be after baselineTo');
    if (b1 - b0 + 1 > MAX_PERIOD_DAYS) throw invalidField('query.baselineFrom', `at most ${MAX_PERIOD_DAYS} days`);

    const station = await this.sensing.findDevice(q.station);
    if (!station || station.type !== 'station') throw invalidField('query.station', `no station ${q.station}`);
    const fromHour = firstHourOf(b0);
    const toHour = firstHourOf(a1 + 1);
    const own = await this.hours(station, q.pollutant, fromHour, toHour);

    // (a) Deweathering: the station's hours joined with the weather beside them.
    let deweathered: Estimate['deweathered'] = null;
    let deweatheredError: string | null = null;
    const weather = new Map((await this.weather.of(station.id, fromHour, toHour)).map((w) => [w.hour, w]));
    if (weather.size === 0) deweatheredError = 'no weather data stored for this station and period (the UCI import stores TEMP, PRES, DEWP, RAIN, wd, WSPM)';
    else {
      const obs: HourObservation[] = own.map((h) => {
        const w = weather.get(h.hour);
        return { hour: h.hour, y: h.y, temp: w?.temp ?? null, pres: w?.pres ?? null, dewp: w?.dewp ?? null, rain: w?.rain ?? null, wspm: w?.wspm ?? null, wd: w?.wd ?? null };
      });
      try {
        const total = a1 - a0 + 1 + (b1 - b0 + 1);
        deweathered = deweather(obs, { before: [b0, b1], after: [a0, a1], bootstrap: total <= 150 ? 400 : 200 });
      } catch (err) {
        if (!(err instanceof NotEnoughData)) throw err;
        deweatheredError = err.message;
      }
    }

    // (b) Difference in differences against control stations with enough daily means on both sides.
    let did: Estimate['did'] = null;
    let didError: string | null = null;
    const codes = q.controls ? q.controls.split(',').map((c) => c.trim()).filter(Boolean) : (await this.sensing.devicesOfType('station')).map((d) => d.code).filter((c) => c !== station.code);
    const controls = new Map<string, Map<number, number>>();
    for (const [i, code] of codes.entries()) {
      const d = await this.sensing.findDevice(code);
      if (!d || d.type !== 'station') throw invalidField('query.controls', `no station ${code} (item ${i + 1})`);
      if (d.id === station.id) throw invalidField('query.controls', 'the station cannot be its own control');
      const daily = dailyMeans(await this.hours(d, q.pollutant, fromHour, toHour));
      const covered = (lo: number, hi: number) => [...daily.keys()].filter((x) => x >= lo && x <= hi).length / (hi - lo + 1);
      // A control missing most days would drop those days for every station: leave it out instead.
      if (covered(b0, b1) >= 0.5 && covered(a0, a1) >= 0.5) controls.set(code, daily);
    }
    try {
      did = differenceInDifferences(dailyMeans(own), controls, { before: [b0, b1], after: [a0, a1] });
    } catch (err) {
      if (!(err instanceof NotEnoughData)) throw err;
      didError = err.message;
    }

    return {
      station: { code: station.code, name: station.name ?? station.code },
      pollutant: q.pollutant,
      before: { from: dayDate(b0), to: dayDate(b1) },
      after: { from: dayDate(a0), to: dayDate(a1) },
      deweathered,
      deweatheredError,
      did,
      didError,
    };
  }
}
