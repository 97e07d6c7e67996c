/**
 * The demo of 一微克 work: a micro-sensor network around 建外街道 (Chaoyang's CBD) whose sensor
 * CY-MS-003 ran far above its neighbours for ten hours ending four hours ago (a construction site's dust,
 * say) — the alert evaluation turns it into a 督办 task in 建外街道's inbox — plus measures at the
 * national stations of the demo air data, whose reductions the Zhi page and the brief estimate.
 */
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { HOUR_MS, type IngestService, type SensingService } from '../sensing/index.ts';
import type { AirWork } from './air-work.ts';
import { demoAirFiles } from './air.cli.ts';
import { importUciWeather } from './weather.ts';

export const DEMO_MICRO_NETWORK = 'cy-micro';
export const DEMO_HOTSPOT_DEVICE = 'CY-MS-003';
const JIANWAI = '110105001';

/** Seven micro-sensors within about 2 km of each other around 国贸 (approximate WGS84 points). */
const SENSORS: [string, string, number, number][] = [
  ['CY-MS-001', '建外SOHO', 116.4573, 39.9053],
  ['CY-MS-002', '国贸桥东', 116.4632, 39.9087],
  ['CY-MS-003', '光华路工地', 116.4561, 39.9142],
  ['CY-MS-004', '建国门外大街', 116.4488, 39.9078],
  ['CY-MS-005', '永安里', 116.4426, 39.9069],
  ['CY-MS-006', '大望路', 116.4768, 39.9081],
  ['CY-MS-007', '日坛', 116.4409, 39.9142],
];

/** A regional PM2.5 level with a daily cycle (µg/m³) and deterministic jitter per sensor and time. */
const regional = (t: number) => 38 + 14 * Math.sin(((t / HOUR_MS) % 24) / 24 * 2 * Math.PI);
const jitter = (i: number, t: number) => ((Math.sin(i * 12.9898 + t / 1e5) * 43758.5453) % 1) * 6;

export interface DemoAirWorkDeps {
  sensing: SensingService;
  ingest: IngestService;
  work: AirWork;
  clock?: () => number;
}

/** Seeds the demo (idempotent: each part only when missing). Returns what it did. */
export async function seedDemoAirWork(deps: DemoAirWorkDeps): Promise<{ weatherHours: number; readings: number; measures: number; alerts: number }> {
  const { sensing, ingest, work } = deps;
  const now = (deps.clock ?? Date.now)();
  let weatherHours = 0;
  if ((await work.weather.count()) === 0) weatherHours = await importUciWeather(sensing, work.weather, demoAirFiles());

  let readings = 0;
  if (!(await sensing.findDevice(SENSORS[0]![0]))) {
    await sensing.ensureNetwork(SYSTEM_CALLER, DEMO_MICRO_NETWORK, '朝阳区小微站网络 Chaoyang micro-sensor network (demo)');
    await sensing.registerDevices(SYSTEM_CALLER, SENSORS.map(([code, name, lng, lat]) => ({ code, network: DEMO_MICRO_NETWORK, type: 'micro' as const, name, lng, lat })), { intervalSeconds: 300 });
    // No street boundaries ship with the demo: the sensors' 属地 is set explicitly.
    for (const [code] of SENSORS) await work.alerts.setDuty(SYSTEM_CALLER, code, JIANWAI);
    const network = await sensing.networkRef(DEMO_MICRO_NETWORK);
    const lastHour = Math.floor(now / HOUR_MS) - 1; // the last complete hour
    const records: unknown[] = [];
    for (let h = lastHour - 23; h <= lastHour; h++) {
      for (let k = 0; k < 12; k++) {
        const t = h * HOUR_MS + k * 300_000;
        SENSORS.forEach(([code], i) => {
          // CY-MS-003: three times the neighbourhood from 14 to 5 hours before the last complete hour.
          const hot = code === DEMO_HOTSPOT_DEVICE && h >= lastHour - 13 && h <= lastHour - 4;
          const pm25 = Math.round((regional(t) + jitter(i, t)) * (hot ? 3.2 : 1) * 10) / 10;
          records.push({ device: code, time: new Date(t).toISOString(), values: { pm25, pm10: Math.round(pm25 * 1.6) } });
        });
      }
    }
    for (let i = 0; i < records.length; i += 1000) readings += (await ingest.ingestFor(network, records.slice(i, i + 1000), 'import')).accepted;
  }

  let measures = 0;
  if ((await work.measures.list({}, 1)).length === 0) {
    const list = [
      { category: 'technology', type: 'dust_suppression', title: '奥体中心周边在建工地全面覆盖降尘', place: { kind: 'station', station: 'Aotizhongxin' }, startDate: '2017-01-16', endDate: '2017-02-28', responsibleUnitCode: '110105A04' },
      { category: 'management', type: 'traffic_restriction', title: '农展馆周边重型柴油货车限行', place: { kind: 'station', station: 'Nongzhanguan' }, startDate: '2017-01-20', endDate: '2017-02-28', responsibleUnitCode: '110105A05' },
      { category: 'technology', type: 'coal_to_gas', title: '朝阳区农村地区燃煤散烧煤改气', place: { kind: 'unit', unitCode: '110105' }, startDate: '2016-11-01', endDate: null, responsibleUnitCode: '110105' },
      { category: 'enforcement', type: 'inspection', title: '海淀区餐饮油烟和露天烧烤专项执法检查', place: { kind: 'station', station: 'Wanliu' }, startDate: '2017-01-10', endDate: '2017-01-31', responsibleUnitCode: '110108A02' },
    ] as const;
    for (const m of list) {
      if (!(await sensing.findDevice(m.place.kind === 'station' ? m.place.station : 'Aotizhongxin'))) continue;
      await work.measures.create(SYSTEM_CALLER, { ...m, place: { ...m.place }, description: '示范数据' });
      measures++;
    }
  }
  const evaluated = await work.alerts.evaluate(SYSTEM_CALLER);
  return { weatherHours, readings, measures, alerts: evaluated.raised };
}
