/**
 * 一微克 daily-AQI benchmark (issue 5, Performance): the daily AQI of 12 stations × 4 years of hours
 * (≈ 420,000 hourly rows) recomputed through Jing (AirService.daily: hourly rollups read from embedded
 * SQLite, HJ 663 validity and HJ 633 reports from the AQI library), beside two baselines measured in the
 * same run: reading the same hourly rows alone, and the AQI library alone on in-memory day arrays — the
 * floor any implementation that calls the library pays. Target: < 2 s.
 *
 *   node --import tsx scripts/bench/air.ts [dir-of-UCI-files]   (default ../shared/data/beijing-air)
 *
 * The shared copy holds 8 stations; 4 more are made by renaming copies of 4 of them (`Copy-<Station>`),
 * which gives the same volume (the copies are never shipped).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createJing } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { createLogger } from '../../apps/server/src/platform/logger.ts';
import { importUciFiles } from '../../apps/server/src/modules/air/index.ts';
import { POLLUTANTS, dailyReport, dailyValues, type DayInput } from '../../apps/server/src/modules/air/aqi/index.ts';
import { finish, report } from './report.ts';

const source = resolve(process.argv[2] ?? new URL('../../../shared/data/beijing-air', import.meta.url).pathname);
const FROM = '2013-03-01';
const TO = '2017-02-28';
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const progress = (text: string) => (process.send ? report({ type: 'progress', text }) : process.stderr.write(`  ${text}\n`));

const dir = mkdtempSync(join(tmpdir(), 'jing-bench-air-'));
try {
  const originals = readdirSync(source).filter((f) => /^PRSA_Data_.*\.csv(\.gz)?$/.test(f)).sort().map((f) => join(source, f));
  if (originals.length === 0) throw new Error(`no UCI files in ${source}`);
  const copies = originals.slice(0, Math.max(0, 12 - originals.length)).map((f) => {
    const text = (f.endsWith('.gz') ? gunzipSync(readFileSync(f)) : readFileSync(f)).toString('utf8');
    const station = /,"?([A-Za-z]+)"?\s*$/m.exec(text.split('\n')[1]!)![1]!;
    const out = join(dir, `PRSA_Data_Copy-${station}.csv`);
    writeFileSync(out, text.replaceAll(`"${station}"`, `"Copy-${station}"`));
    return out;
  });
  const files = [...originals, ...copies];

  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'jing.sqlite')}`, JING_VAR_DIR: dir, JING_DATA_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', JING_MQTT_MODE: 'off' });
  const jing = await createJing(config, createLogger('silent'));
  progress(`importing ${files.length} files`);
  let t = performance.now();
  const imported = await importUciFiles(jing.sensing, jing.sensingModule.ingest, files, (d, total) => {
    if (d % 100_000 < 5000) progress(`import ${int(d)}/${int(total)}`);
  });
  await jing.sensingModule.rollups.runPending();
  const importSeconds = (performance.now() - t) / 1000;
  const stations = imported.stations.map((s) => s.code);

  // Baseline 1: the hourly rows alone, as the daily computation reads them (arrays into typed columns)…
  const devices = await Promise.all(stations.map((c) => jing.sensing.findDevice(c)));
  const fromHour = Date.parse(`${FROM}T00:00:00+08:00`) / 3_600_000 - 24;
  const toHour = Date.parse(`${TO}T00:00:00+08:00`) / 3_600_000 + 48;
  t = performance.now();
  let hourlyRows = 0;
  for (const d of devices) hourlyRows += (await jing.sensing.hourlyColumnsOf(d!.id, fromHour, toHour, 1)).hours.length;
  const readSeconds = (performance.now() - t) / 1000;
  // …and as row objects through Kysely (how it read them before: 4.8 s of the 7.3 s on 2026-11-28).
  t = performance.now();
  for (const d of devices) await jing.sensing.hourlyOf(d!.id, fromHour, toHour);
  const readObjectsSeconds = (performance.now() - t) / 1000;

  // Baseline 2: the AQI library alone on in-memory day arrays of the same shape (the floor).
  const days = Math.round((Date.parse(TO) - Date.parse(FROM)) / 86_400_000) + 1;
  const inputs: DayInput[] = Array.from({ length: 64 }, (_, k) => {
    const day = () => Object.fromEntries(POLLUTANTS.map((p, i) => [p, Array.from({ length: 24 }, (_, h) => (p === 'co' ? ((k + h + i) % 40) / 10 : (k * 7 + h * 13 + i * 5) % 300))]));
    return { today: day(), previousDay: day() };
  });
  t = performance.now();
  for (let i = 0; i < stations.length * days; i++) {
    const v = dailyValues(inputs[i % inputs.length]!);
    dailyReport(v.values, { date: '2015-06-01' });
  }
  const librarySeconds = (performance.now() - t) / 1000;

  // Jing: every station's daily AQI over the four years.
  t = performance.now();
  let dayCount = 0;
  for (const code of stations) dayCount += (await jing.air.daily(code, FROM, TO)).length;
  const jingSeconds = (performance.now() - t) / 1000;
  await jing.close();

  const result = { stations: stations.length, hourlyRows, days: dayCount, importSeconds, importRowsPerSec: imported.rows / importSeconds, readSeconds, readObjectsSeconds, librarySeconds, jingSeconds };
  if (!process.send) {
    const line = (label: string, s: number, r: string) => `  ${label.padEnd(58)} ${s.toFixed(2).padStart(7)} s  ${r}\n`;
    process.stdout.write(
      line(`read ${int(hourlyRows)} hourly rows as arrays (baseline)`, readSeconds, '') +
        line(`read them as row objects (the earlier path)`, readObjectsSeconds, '') +
        line(`AQI library alone, ${int(stations.length * days)} days (baseline, floor)`, librarySeconds, '1.00×') +
        line(`Jing daily AQI, ${stations.length} stations × ${days} days`, jingSeconds, `${(jingSeconds / librarySeconds).toFixed(2)}× the floor`),
    );
    process.stdout.write(`  import: ${int(imported.rows)} rows in ${importSeconds.toFixed(1)} s (${int(imported.rows / importSeconds)} rows/s); target < 2 s: ${jingSeconds < 2 ? 'PASS' : 'FAIL'}\n`);
  }
  finish(result);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
