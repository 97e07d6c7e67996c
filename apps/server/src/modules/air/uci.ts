/**
 * Reader of the UCI "Beijing Multi-Site Air-Quality Data" files (CC BY 4.0, Zhang et al. 2017): CSV or
 * .csv.gz, one row per hour. A row's year/month/day/hour is the START of the hour in Beijing time; CO is in
 * µg/m³ there and becomes mg/m³ here; `NA` is missing.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** One hourly row: the station, the start of the hour as ISO 8601 (+08:00), and the six pollutants. */
export interface UciRow {
  station: string;
  time: string;
  values: { pm25: number | null; pm10: number | null; so2: number | null; no2: number | null; co: number | null; o3: number | null };
}

const COLUMNS = { pm25: 'PM2.5', pm10: 'PM10', so2: 'SO2', no2: 'NO2', co: 'CO', o3: 'O3' } as const;
const pad = (n: string) => n.padStart(2, '0');

export class UciFormatError extends Error {}

/** The lines of a file, gunzipped when it ends in `.gz`. */
function lines(file: string): AsyncIterable<string> {
  let stream: Readable = createReadStream(file);
  if (file.endsWith('.gz')) stream = stream.pipe(createGunzip());
  return createInterface({ input: stream, crlfDelay: Infinity });
}

const unquote = (s: string) => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

/** A number cell: `NA` or empty → null; anything else must be a number. */
function cell(text: string | undefined, what: string, line: number): number | null {
  const t = unquote((text ?? '').trim());
  if (t === '' || t === 'NA') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new UciFormatError(`line ${line}: ${what} is not a number: ${t}`);
  return n;
}

/**
 * Rows of a UCI file, in file order.
 *
 * @example
 * for await (const row of readUci('PRSA_Data_Dongsi_20130301-20170228.csv.gz')) row.values.co; // mg/m³
 */
export async function* readUci(file: string): AsyncGenerator<UciRow> {
  let header: string[] | null = null;
  let idx: Record<string, number> = {};
  let n = 0;
  for await (const raw of lines(file)) {
    n++;
    if (!raw.trim()) continue;
    const cells = raw.split(',');
    if (!header) {
      header = cells.map((c) => unquote(c.trim()));
      idx = Object.fromEntries(header.map((h, i) => [h, i]));
      for (const col of ['year', 'month', 'day', 'hour', 'station', ...Object.values(COLUMNS)]) if (idx[col] === undefined) throw new UciFormatError(`${file}: no column ${col} (not a UCI Beijing multi-site file?)`);
      continue;
    }
    const get = (col: string) => unquote((cells[idx[col]!] ?? '').trim());
    const [y, mo, d, h] = [get('year'), get('month'), get('day'), get('hour')];
    if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(mo) || !/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(h)) throw new UciFormatError(`line ${n}: bad date ${y}-${mo}-${d} ${h}h`);
    const co = cell(cells[idx.CO!], 'CO', n);
    yield {
      station: get('station'),
      time: `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:00:00+08:00`,
      values: {
        pm25: cell(cells[idx['PM2.5']!], 'PM2.5', n),
        pm10: cell(cells[idx.PM10!], 'PM10', n),
        so2: cell(cells[idx.SO2!], 'SO2', n),
        no2: cell(cells[idx.NO2!], 'NO2', n),
        co: co === null ? null : co / 1000,
        o3: cell(cells[idx.O3!], 'O3', n),
      },
    };
  }
}

/** Rows in a file (for a progress bar's total): lines minus the header. */
export async function countRows(file: string): Promise<number> {
  let n = -1;
  for await (const l of lines(file)) if (l.trim()) n++;
  return Math.max(0, n);
}
