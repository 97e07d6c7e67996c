import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';

/** Hourly readings of one device, constant values, for days `fromDay`…`toDay` of a month (Beijing time). */
function month(device: string, ym: string, values: Record<string, number>, fromDay = 1, toDay = 31) {
  const out = [];
  const last = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).getUTCDate();
  for (let d = fromDay; d <= Math.min(toDay, last); d++)
    for (let h = 0; h < 24; h++) out.push({ device, time: `${ym}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`, values });
  return out;
}
const gases = { pm10: 60, so2: 5, no2: 30, co: 0.6, o3: 50 };
const square = (lng: number, lat: number, size = 0.02) => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]],
});

for (const engine of testEngines()) {
  describe(`一微克 rankings over HTTP [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let key: string;
    let microKey: string;
    const post = async (k: string, readings: unknown[]) => {
      const r = await t.call('POST', '/api/v1/sensing/readings', { body: { readings }, headers: { authorization: `Bearer ${k}` } });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().rejected, []);
    };

    before(async () => {
      t = await createTestApp(engine);
      admin = await t.login('muni.officer');
      key = (await t.call('POST', '/api/v1/sensing/networks', { as: admin, body: { code: 'test-national' } })).json().apiKey;
      microKey = (await t.call('POST', '/api/v1/sensing/networks', { as: admin, body: { code: 'cy-micro' } })).json().apiKey;
      // Two stations in 朝阳, one each in 海淀, 西城 and 顺义 (locations of real stations).
      for (const [code, lng, lat] of [['T-A1', 116.397, 39.982], ['T-A2', 116.461, 39.937], ['T-B', 116.287, 39.987], ['T-C', 116.339, 39.929], ['T-D', 116.655, 40.127]] as const) {
        const r = await t.call('POST', '/api/v1/sensing/devices', { as: admin, body: { code, network: 'test-national', type: 'station', lng, lat } });
        assert.equal(r.statusCode, 201, r.body);
      }
      await post(key, [...month('T-A1', '2016-01', { pm25: 40, ...gases }), ...month('T-A1', '2015-01', { pm25: 60, ...gases })]);
      await post(key, [...month('T-A2', '2016-01', { pm25: 50, ...gases }), ...month('T-A2', '2015-01', { pm25: 60, ...gases })]);
      await post(key, [...month('T-B', '2016-01', { pm25: 45, ...gases }), ...month('T-B', '2015-01', { pm25: 50, ...gases })]);
      await post(key, [...month('T-C', '2016-01', { pm25: 50, ...gases }), ...month('T-C', '2015-01', { pm25: 40, ...gases })]);
      await post(key, month('T-D', '2016-01', { pm25: 30, ...gases }, 1, 20)); // 20 days: too few to rank

      // Street boundaries in 朝阳 and micro-sensors in them (hourly, so one reading makes a valid hour).
      await t.jing.geo.putBoundary(SYSTEM_CALLER, '110105001', square(116.47, 39.9));
      await t.jing.geo.putBoundary(SYSTEM_CALLER, '110105002', square(116.47, 39.93));
      await t.jing.geo.putBoundary(SYSTEM_CALLER, '110105003', square(116.5, 39.9));
      for (const [code, lng, lat] of [['M1', 116.475, 39.905], ['M2', 116.485, 39.915], ['M3', 116.48, 39.94], ['M4', 116.51, 39.91], ['M5', 116.397, 39.982]] as const) {
        const r = await t.call('POST', '/api/v1/sensing/devices', { as: admin, body: { code, network: 'cy-micro', type: 'micro', lng, lat, intervalSeconds: 3600 } });
        assert.equal(r.statusCode, 201, r.body);
      }
      await post(microKey, [...month('M1', '2016-01', { pm25: 30, pm10: 50 }), ...month('M2', '2016-01', { pm25: 34, pm10: 50 })]);
      await post(microKey, [...month('M3', '2016-01', { pm25: 32, pm10: 50 }), ...month('M4', '2016-01', { pm25: 10, pm10: 20 }, 1, 10), ...month('M5', '2016-01', { pm25: 5, pm10: 10 })]);
    });
    after(() => t.cleanup());

    it('resolves micro-sensors to their streets', async () => {
      const d = (await t.call('GET', '/api/v1/sensing/devices/M1', { as: admin })).json();
      assert.deepEqual([d.district?.code, d.street?.code], ['110105', '110105001']);
    });

    it('ranks districts by monthly PM2.5 with ties sharing a rank, and by year-on-year change', async () => {
      const r = await t.call('GET', '/api/v1/air/rankings/districts?month=2016-01');
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.month, '2016-01');
      assert.equal(body.lastYearMonth, '2015-01');
      const line = (code: string) => body.items.find((i: { district: { code: string } }) => i.district.code === code);
      // 朝阳: each day (40 + 50) / 2 = 45 → 45.0; a year earlier 60.0 → (45 − 60) / 60 = −25.0 %.
      assert.deepEqual(
        (({ pm25, validDays, coverageMet, rank, lastYear, yoyChange, yoyRank }) => ({ pm25, validDays, coverageMet, rank, lastYear, yoyChange, yoyRank }))(line('110105')),
        { pm25: 45, validDays: 31, coverageMet: true, rank: 1, lastYear: 60, yoyChange: -25, yoyRank: 1 },
      );
      assert.deepEqual(line('110105').stations, [{ code: 'T-A1', name: 'T-A1', pm25: 40, validDays: 31 }, { code: 'T-A2', name: 'T-A2', pm25: 50, validDays: 31 }]);
      assert.deepEqual([line('110108').pm25, line('110108').rank, line('110108').yoyChange, line('110108').yoyRank], [45, 1, -10, 2]);
      assert.deepEqual([line('110102').pm25, line('110102').rank, line('110102').yoyChange, line('110102').yoyRank], [50, 3, 25, 3]);
      // 顺义 had 20 valid days: shown, not ranked; no year-earlier data.
      assert.deepEqual([line('110113').pm25, line('110113').validDays, line('110113').coverageMet, line('110113').rank, line('110113').yoyChange], [30, 20, false, null, null]);
      assert.deepEqual(body.items.map((i: { rank: number | null }) => i.rank), [1, 1, 3, null], 'by rank, unranked last');
    });

    it('defaults to the latest month with data and refuses a malformed month naming the field', async () => {
      assert.equal((await t.call('GET', '/api/v1/air/rankings/districts')).json().month, '2016-01');
      const bad = await t.call('GET', '/api/v1/air/rankings/districts?month=2016-13');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /month/);
      assert.deepEqual((await t.call('GET', '/api/v1/air/months')).json().items.slice(0, 2), ['2015-01', '2015-02']);
      assert.equal((await t.call('GET', '/api/v1/air/months')).json().items.at(-1), '2016-01');
    });

    it('ranks streets from the micro-sensors that cover them, leaving streets with too few valid days unranked', async () => {
      const r = await t.call('GET', '/api/v1/air/rankings/streets?month=2016-01&district=110105');
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.minValidDays, 27);
      const rows = body.items.map((i: { street: { code: string }; devices: number; pm25: number | null; validDays: number; rank: number | null }) => [i.street.code, i.devices, i.pm25, i.validDays, i.rank]);
      // 建外: (30 + 34) / 2 = 32 a day; 朝外: 32 → a tie at 1; 呼家楼: 10 days only → unranked. M5 has no street.
      assert.deepEqual(rows, [['110105001', 2, 32, 31, 1], ['110105002', 1, 32, 31, 1], ['110105003', 1, 10, 10, null]]);
      assert.equal((await t.call('GET', '/api/v1/air/rankings/streets?district=110108')).json().items.length, 0);
      assert.equal((await t.call('GET', '/api/v1/air/rankings/streets?district=x')).statusCode, 400);
    });

    it('gives the monthly trend of the city and each district', async () => {
      const r = await t.call('GET', '/api/v1/air/trend?from=2015-01&to=2016-01');
      assert.equal(r.statusCode, 200, r.body);
      const { months, series } = r.json();
      assert.equal(months.length, 13);
      const city = series[0];
      assert.equal(city.area.code, '110000');
      // 2015-01: (60 + 60 + 50 + 40) / 4 = 52.5 → 52 a day (half-even); 2016-01: 43 for 20 days and 46 for 11 → 44.1.
      assert.deepEqual([city.pm25[0], city.pm25[1], city.pm25[12]], [52, null, 44.1]);
      assert.deepEqual(series.find((s: { area: { code: string } }) => s.area.code === '110105').pm25[12], 45);
      assert.equal((await t.call('GET', '/api/v1/air/trend?from=2014-01&to=2016-01')).statusCode, 400);
    });

    it('gives the annual assessment of the city and each district with valid-day counts and good days', async () => {
      const r = await t.call('GET', '/api/v1/air/assessment?year=2016');
      assert.equal(r.statusCode, 200, r.body);
      const { year, note, city, districts } = r.json();
      assert.equal(year, 2016);
      assert.equal(note, null, 'all 2016 days rated on HJ 633-2012');
      assert.equal(city.stations, 5);
      assert.equal(city.pollutants.pm25.validDays, 31);
      assert.equal(city.pollutants.pm25.coverageMet, false);
      assert.equal(city.pollutants.pm25.meanReported, '44.1');
      assert.deepEqual(city.pollutants.pm25.percentile.p, 95);
      assert.deepEqual([city.days.ratedDays, city.days.goodDays, city.days.goodDayShare, city.days.standardsUsed], [31, 31, 1, ['HJ633-2012']]);
      const cy = districts.find((d: { area: { code: string } }) => d.area.code === '110105');
      assert.deepEqual([cy.stations, cy.pollutants.pm25.meanReported, cy.pollutants.co.meanReported], [2, '45.0', '0.6']);
      assert.equal((await t.call('GET', '/api/v1/air/assessment?year=20x6')).statusCode, 400);
    });

    it('shows every station’s latest hour for the map, and the nearest stations with data and health advice', async () => {
      const latest = (await t.call('GET', '/api/v1/air/latest')).json().items;
      const a1 = latest.find((i: { station: { code: string } }) => i.station.code === 'T-A1');
      // Last hour 2016-01-31 23:00: PM2.5 40 → IAQI 57 (35–75 on the 24 h column) is the AQI; 良, yellow.
      assert.deepEqual([a1.time, a1.aqi, a1.category.colour, a1.primaryPollutants, a1.pm25], ['2016-01-31T23:00:00+08:00', 57, '#FFFF00', ['pm25'], 40]);
      const near = await t.call('GET', '/api/v1/air/near?lng=116.398&lat=39.981&limit=2');
      assert.equal(near.statusCode, 200, near.body);
      const items = near.json().items;
      assert.deepEqual(items.map((i: { station: { code: string } }) => i.station.code), ['T-A1', 'T-A2']);
      assert.ok(items[0].station.distanceKm < 0.2);
      assert.equal(items[0].category.name['zh-CN'], '良');
      assert.match(items[0].advice['zh-CN'], /敏感人群/);
      assert.ok(items[0].healthEffects.en.length > 10);
      assert.equal((await t.call('GET', '/api/v1/air/near?lng=500&lat=39')).statusCode, 400);
    });
  });
}
