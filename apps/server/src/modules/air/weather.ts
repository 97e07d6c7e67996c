/**
 * The weather beside each station's hours (UCI files: TEMP °C, PRES hPa, DEWP °C, RAIN mm, wd 16-point
 * direction, WSPM m/s, from the nearest meteorological station), stored per (station device, hour) for
 * meteorological normalisation. Read from the same files as the pollutants, in a pass of its own.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '@jing/db';
import { HOUR_MS, type SensingService } from '../sensing/index.ts';

export interface WeatherRow {
  device_id: number;
  hour: number;
  temp: number | null;
  pres: number | null;
  dewp: number | null;
  rain: number | null;
  wspm: number | null;
  wd: string | null;
}

const COLUMNS = ['TEMP', 'PRES', 'DEWP', 'RAIN', 'wd', 'WSPM'] as const;

/** The only SQL of the weather table. */
export class WeatherRepository {
  constructor(
    private readonly db: Kysely<any>,
    private readonly engine: Engine,
  ) {}

  /** Upserts rows (a re-import replaces an hour's weather). */
  async write(rows: WeatherRow[]): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows.map((r) => [r.device_id, r.hour, r.temp, r.pres, r.dewp, r.rain, r.wspm, r.wd]));
    const tail = sql`on conflict (device_id, hour) do update set temp = excluded.temp, pres = excluded.pres, dewp = excluded.dewp, rain = excluded.rain, wspm = excluded.wspm, wd = excluded.wd`;
    // One statement per batch: SQLite reads a JSON array with json_each, PostgreSQL with jsonb_array_elements.
    if (this.engine === 'postgres') {
      await sql`insert into air_weather (device_id, hour, temp, pres, dewp, rain, wspm, wd)
        select (v->>0)::integer, (v->>1)::bigint, (v->>2)::float8, (v->>3)::float8, (v->>4)::float8, (v->>5)::float8, (v->>6)::float8, v->>7
        from jsonb_array_elements(${json}::jsonb) as v ${tail}`.execute(this.db);
    } else {
      await sql`insert into air_weather (device_id, hour, temp, pres, dewp, rain, wspm, wd)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
        from json_each(${json}) where true ${tail}`.execute(this.db);
    }
  }

  /** Weather of a device for hours [fromHour, toHour). */
  async of(deviceId: number, fromHour: number, toHour: number): Promise<WeatherRow[]> {
    const rows = await this.db.selectFrom('air_weather').selectAll().where('device_id', '=', deviceId).where('hour', '>=', fromHour).where('hour', '<', toHour).orderBy('hour').execute();
    return rows.map((r) => ({ ...r, device_id: Number(r.device_id), hour: Number(r.hour) })) as WeatherRow[];
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('air_weather').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function lines(file: string): AsyncIterable<string> {
  let stream: Readable = createReadStream(file);
  if (file.endsWith('.gz')) stream = stream.pipe(createGunzip());
  return createInterface({ input: stream, crlfDelay: Infinity });
}
const unquote = (s: string) => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);
const num = (s: string) => {
  if (s === '' || s === 'NA') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

/**
 * Stores the weather columns of UCI files for their stations (which the pollutant import registered).
 * Files without weather columns are skipped. Returns hours stored.
 */
export async function importUciWeather(sensing: SensingService, weather: WeatherRepository, files: string[]): Promise<number> {
  let stored = 0;
  for (const file of files) {
    let idx: Record<string, number> | null = null;
    let batch: WeatherRow[] = [];
    const ids = new Map<string, number | null>();
    for await (const raw of lines(file)) {
      if (!raw.trim()) continue;
      const cells = raw.split(',').map((c) => unquote(c.trim()));
      if (!idx) {
        idx = Object.fromEntries(cells.map((h, i) => [h, i]));
        if (COLUMNS.some((c) => idx![c] === undefined) || idx.station === undefined) break;
        continue;
      }
      const station = cells[idx.station!]!;
      if (!ids.has(station)) ids.set(station, (await sensing.findDevice(station))?.id ?? null);
      const id = ids.get(station);
      if (!id) continue;
      const [y, mo, d, h] = ['year', 'month', 'day', 'hour'].map((c) => Number(cells[idx![c]!]));
      const hour = (Date.UTC(y!, mo! - 1, d!, h!) - 8 * HOUR_MS) / HOUR_MS;
      if (!Number.isInteger(hour)) continue;
      const wd = cells[idx.wd!]!;
      batch.push({ device_id: id, hour, temp: num(cells[idx.TEMP!]!), pres: num(cells[idx.PRES!]!), dewp: num(cells[idx.DEWP!]!), rain: num(cells[idx.RAIN!]!), wspm: num(cells[idx.WSPM!]!), wd: wd === '' || wd === 'NA' ? null : wd });
      if (batch.length >= 2000) {
        await weather.write(batch);
        stored += batch.length;
        batch = [];
      }
    }
    await weather.write(batch);
    stored += batch.length;
  }
  return stored;
}
