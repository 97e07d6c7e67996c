import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, testEngines, type TestApp } from '../../testing.ts';
import { dailyReport, dailyValues, dayInputFromRows, type HourlyRow } from './aqi/index.ts';
import { importUciFiles } from './air.import.ts';
import { readUci } from './uci.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const GUANYUAN = join(FIXTURES, 'PRSA_Data_Guanyuan_20140101-20140104.csv');
const NONGZHANGUAN = join(FIXTURES, 'PRSA_Data_Nongzhanguan_20140101-20140104.csv.gz');
const TESTVILLE = join(FIXTURES, 'PRSA_Data_Testville_20140101-20140102.csv');

/** The day computed by the AQI library straight from the CSV, without the database. */
function expectedDay(file: string, date: string) {
  const rows: HourlyRow[] = [];
  for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const c = line.split(',');
    const n = (i: number, scale = 1) => (c[i] === 'NA' ? null : Number(c[i]) / scale);
    const hourStart = new Date(Date.UTC(Number(c[1]), Number(c[2]) - 1, Number(c[3]), Number(c[4])) - 8 * 3_600_000);
    rows.push({ hourStart, values: { pm25: n(5), pm10: n(6), so2: n(7), no2: n(8), co: n(9, 1000), o3: n(10) } });
  }
  const v = dailyValues(dayInputFromRows(rows, date));
  return { values: v, report: dailyReport(v.values, { date }) };
}

describe('UCI file reader', () => {
  it('reads plain and gzip files: the start of the hour in Beijing time, CO in mg/m³, NA as missing', async () => {
    const rows = [];
    for await (const r of readUci(GUANYUAN)) rows.push(r);
    assert.equal(rows.length, 96);
    assert.deepEqual(rows[0], { station: 'Guanyuan', time: '2014-01-01T00:00:00+08:00', values: { pm25: 45, pm10: 151, so2: 30, no2: 89, co: null, o3: null } });
    assert.equal(rows[24]!.values.co, 2.4);
    let gz = 0;
    for await (const r of readUci(NONGZHANGUAN)) gz += r.station === 'Nongzhanguan' ? 1 : 0;
    assert.equal(gz, 96);
  });
});

for (const engine of testEngines()) {
  describe(`一微克 air data [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(engine);
      const r = await importUciFiles(t.jing.sensing, t.jing.sensingModule.ingest, [GUANYUAN, NONGZHANGUAN, TESTVILLE]);
      assert.deepEqual(r.rejected, []);
      assert.equal(r.stored, 96 + 96 + 48 - 0);
    });
    after(() => t.cleanup());

    it('creates each station as a device of the national network, named and located from the stations table', async () => {
      const items = (await t.call('GET', '/api/v1/air/stations')).json().items;
      assert.deepEqual(items.find((s: { code: string }) => s.code === 'Guanyuan'), { code: 'Guanyuan', name: '官园', lng: 116.339, lat: 39.929, district: { code: '110102', name: '西城区' } });
      assert.deepEqual(items.find((s: { code: string }) => s.code === 'Testville'), { code: 'Testville', name: 'Testville', lng: null, lat: null, district: null });
      const muni = await t.login('muni.officer');
      const d = (await t.call('GET', '/api/v1/sensing/devices/Nongzhanguan', { as: muni })).json();
      assert.deepEqual([d.network, d.type, d.intervalSeconds], ['national', 'station', 3600]);
    });

    it('imports the same files again without storing anything twice', async () => {
      const r = await importUciFiles(t.jing.sensing, t.jing.sensingModule.ingest, [GUANYUAN]);
      assert.deepEqual([r.stored, r.duplicates], [0, 96]);
    });

    it('computes a known day’s AQI: Guanyuan on 2014-01-02, by hand and by the AQI library', async () => {
      const r = await t.call('GET', '/api/v1/air/stations/Guanyuan/daily?from=2014-01-02&to=2014-01-02');
      assert.equal(r.statusCode, 200, r.body);
      const [day] = r.json().items;
      // From the CSV by hand: 24-hour means 113.46, 183.92, 81.17, 98.38 µg/m³ and CO 3.425 mg/m³, rounded half-even.
      assert.deepEqual([day.concentrations.pm25, day.concentrations.pm10, day.concentrations.so2, day.concentrations.no2, day.concentrations.co], [113, 184, 81, 98, 3.4]);
      // PM2.5 113 lies in 75–115 → IAQI 100 + 38·50/40 = 147.5, rounded up: 148 (轻度污染).
      assert.equal(day.iaqi.pm25, 148);
      assert.equal(day.aqi, 148);
      assert.deepEqual(day.primaryPollutants, ['pm25']);
      assert.deepEqual(day.category, { level: 3, key: 'lightly-polluted', name: { 'zh-CN': '轻度污染', en: 'Lightly polluted' }, colour: '#FF7E00' });
      const lib = expectedDay(GUANYUAN, '2014-01-02');
      assert.equal(day.aqi, lib.report.aqi);
      assert.deepEqual(day.iaqi, Object.fromEntries(Object.entries(lib.report.iaqi).map(([k, e]) => [k, e.value])));
      assert.deepEqual(day.concentrations, { ...lib.values.values });
      assert.equal(day.complete, lib.values.complete);
      assert.equal(day.standard, 'HJ633-2012');
    });

    it('gives every day of the range, null where data are missing, with complete false', async () => {
      const items = (await t.call('GET', '/api/v1/air/stations/Testville/daily?from=2013-12-31&to=2014-01-03')).json().items;
      assert.deepEqual(items.map((d: { date: string }) => d.date), ['2013-12-31', '2014-01-01', '2014-01-02', '2014-01-03']);
      assert.deepEqual([items[0].aqi, items[0].complete, items[0].category, items[0].iaqi.pm25], [null, false, null, null]);
      const jan2 = items[2];
      assert.equal(jan2.concentrations.pm25, null, 'only 19 valid hours: no 24-hour mean');
      assert.equal(jan2.iaqi.pm25, null);
      assert.equal(jan2.complete, false);
      assert.equal(jan2.aqi, expectedDay(TESTVILLE, '2014-01-02').report.aqi);
    });

    it('applies the standard chosen, or the one in force on the date', async () => {
      const r = (await t.call('GET', '/api/v1/air/stations/Guanyuan/daily?from=2014-01-02&to=2014-01-02&standard=HJ633-2026')).json().items[0];
      assert.equal(r.standard, 'HJ633-2026');
      // Under 2026 the PM2.5 breakpoints are 60 / 115: 113 → 100 + 53·50/55 = 148.2 → 149.
      assert.equal(r.iaqi.pm25, 149);
    });

    it('answers bad ranges and unknown stations clearly', async () => {
      assert.equal((await t.call('GET', '/api/v1/air/stations/Guanyuan/daily?from=2014-01-05&to=2014-01-02')).statusCode, 400);
      assert.equal((await t.call('GET', '/api/v1/air/stations/Guanyuan/daily?from=2014-02-30&to=2014-03-02')).statusCode, 400);
      assert.equal((await t.call('GET', '/api/v1/air/stations/Guanyuan/daily?from=2010-01-01&to=2016-01-01')).statusCode, 400);
      assert.equal((await t.call('GET', '/api/v1/air/stations/Guanyuan/daily?from=2014-01-01')).statusCode, 400);
      assert.equal((await t.call('GET', '/api/v1/air/stations/Nowhere/daily?from=2014-01-01&to=2014-01-02')).statusCode, 404);
    });

    it('gives the real-time AQI of each hour', async () => {
      const items = (await t.call('GET', '/api/v1/air/stations/Guanyuan/hourly?from=2014-01-02&to=2014-01-02')).json().items;
      assert.equal(items.length, 24);
      const h0 = items[0];
      assert.equal(h0.time, '2014-01-02T00:00:00+08:00');
      // 00:00: PM2.5 82 → 100 + 7·50/40 = 108.75 → 109; PM10 134 → 50 + 84·50/100 = 92; SO2 47 (1 h) → 47·50/150 → 16.
      assert.deepEqual([h0.iaqi.pm25, h0.iaqi.pm10, h0.iaqi.so2, h0.aqi], [109, 92, 16, 109]);
      assert.equal(items[23].concentrations.pm25_24h, 113);
    });

    it('tells Tong the air near a point: the nearest station’s latest hour with health advice', async () => {
      const r = await t.call('GET', '/api/v1/air/now?lng=116.34&lat=39.93');
      assert.equal(r.statusCode, 200, r.body);
      const now = r.json();
      assert.equal(now.station.code, 'Guanyuan');
      assert.ok(now.station.distanceKm < 1);
      assert.equal(now.hour.time, '2014-01-04T23:00:00+08:00');
      assert.ok(now.healthEffects['zh-CN'].length > 0 && now.advice.en.length > 0);
    });
  });
}

describe('jing air import (the CLI)', () => {
  it('imports files with a progress bar and prints what it did', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'jing-air-cli-'));
    try {
      const r = spawnSync(process.execPath, [new URL('../../../bin/jing.mjs', import.meta.url).pathname, 'air', 'import', NONGZHANGUAN, TESTVILLE], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'jing.sqlite')}`, JING_VAR_DIR: dir, LOG_LEVEL: 'silent' },
        timeout: 120_000,
      });
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.stations.map((s: { code: string; name: string }) => `${s.code}:${s.name}`), ['Nongzhanguan:农展馆', 'Testville:Testville']);
      assert.equal(out.stored, 96 + 48);
      assert.match(r.stderr, /air data: 100%/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
