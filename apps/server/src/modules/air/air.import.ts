/**
 * `jing air import`: UCI files → stations (devices of the `national` network) and their hourly readings,
 * through the same ingestion as live data (quality control, idempotent writes).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_CALLER, type Caller } from '../../platform/auth/context.ts';
import type { IngestService, SensingService } from '../sensing/index.ts';
import { countRows, readUci } from './uci.ts';

/** The project's air data: the stations table and the demo subset (apps/server/data/air, CC BY 4.0). */
export const AIR_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data/air');
export const NATIONAL_NETWORK = 'national';
const BATCH = 5000;

export interface StationInfo {
  code: string;
  name: string;
  lng: number;
  lat: number;
  districtCode: string;
}

/** Known national stations (name in Chinese, approximate WGS84 location, district), from `stations.csv`. */
export function stationTable(file = join(AIR_DATA_DIR, 'stations.csv')): Map<string, StationInfo> {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  const at = (cells: string[], c: string) => cells[cols.indexOf(c)] ?? '';
  return new Map(
    rows.map((line) => {
      const c = line.split(',');
      return [at(c, 'code'), { code: at(c, 'code'), name: at(c, 'name_zh'), lng: Number(at(c, 'lng')), lat: Number(at(c, 'lat')), districtCode: at(c, 'district_code') }];
    }),
  );
}

export interface AirImportResult {
  files: number;
  stations: { code: string; name: string; created: boolean }[];
  rows: number;
  stored: number;
  duplicates: number;
  rejected: { reason: string; count: number }[];
  flagged: number;
  seconds: number;
}

/** Imports UCI files; `onProgress` gets rows done of rows total (all files). */
export async function importUciFiles(
  sensing: SensingService,
  ingest: IngestService,
  files: string[],
  onProgress?: (done: number, total: number) => void,
  caller: Caller = SYSTEM_CALLER,
): Promise<AirImportResult> {
  const started = Date.now();
  const table = stationTable();
  await sensing.ensureNetwork(caller, NATIONAL_NETWORK, '国家空气质量监测网 national air-quality monitoring network');
  const network = await sensing.networkRef(NATIONAL_NETWORK);
  const totals = await Promise.all(files.map(countRows));
  const total = totals.reduce((a, b) => a + b, 0);
  const stations = new Map<string, { code: string; name: string; created: boolean }>();
  const rejected = new Map<string, number>();
  let done = 0;
  let stored = 0;
  let flagged = 0;
  let duplicates = 0;
  onProgress?.(0, total);

  const register = async (code: string) => {
    if (stations.has(code)) return;
    const known = table.get(code);
    const existing = await sensing.findDevice(code);
    if (!existing) {
      const r = await sensing.registerDevices(caller, [{ code, network: NATIONAL_NETWORK, type: 'station', name: known?.name ?? code, lng: known?.lng ?? null, lat: known?.lat ?? null }]);
      if (r.skipped[0]) throw new Error(`station ${code}: ${r.skipped[0].reason}`);
    }
    stations.set(code, { code, name: existing?.name ?? known?.name ?? code, created: !existing });
  };

  const flush = async (batch: unknown[]) => {
    if (batch.length === 0) return;
    const r = await ingest.ingestFor(network, batch, 'import');
    stored += r.accepted;
    flagged += r.flagged;
    for (const x of r.rejected) {
      if (x.reason === 'duplicate') duplicates++;
      else rejected.set(x.reason, (rejected.get(x.reason) ?? 0) + 1);
    }
    done += batch.length;
    onProgress?.(done, total);
  };

  for (const file of files) {
    let batch: unknown[] = [];
    for await (const row of readUci(file)) {
      if (!stations.has(row.station)) await register(row.station);
      const values = Object.fromEntries(Object.entries(row.values).filter(([, v]) => v !== null));
      // An hour with no pollutant at all carries nothing to store.
      if (Object.keys(values).length === 0) {
        done++;
        continue;
      }
      batch.push({ device: row.station, time: row.time, values });
      if (batch.length >= BATCH) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
  }
  onProgress?.(total, total);
  return {
    files: files.length,
    stations: [...stations.values()],
    rows: total,
    stored,
    duplicates,
    rejected: [...rejected].map(([reason, count]) => ({ reason, count })),
    flagged,
    seconds: (Date.now() - started) / 1000,
  };
}
