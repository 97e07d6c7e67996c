import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { competitionRanks } from './brief.ts';
import { importUciFiles } from './air.import.ts';
import { demoAirFiles } from './air.cli.ts';
import { importUciWeather } from './weather.ts';

const HOUR_MS = 3_600_000;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** Five micro-sensors within a kilometre of each other in Chaoyang's CBD. */
const SENSORS: [string, number, number][] = [
  ['T-1', 116.4573, 39.9053],
  ['T-2', 116.4632, 39.9087],
  ['T-3', 116.4561, 39.9142],
  ['T-4', 116.4488, 39.9078],
  ['T-5', 116.4526, 39.9101],
];

for (const engine of testEngines()) {
  describe(`一微克 alerts that become work [${engine}]`, () => {
    let t: TestApp;
    let ecology: Session;
    let jianwai: Session;
    const H = Math.floor(Date.now() / HOUR_MS) - 1; // last complete hour
    /** Posts one reading per hour (devices report hourly here) for each device with its value at that hour. */
    const post = async (hours: number[], value: (code: string, h: number) => number) => {
      const network = await t.jing.sensing.networkRef('test-micro');
      const records = hours.flatMap((h) => SENSORS.map(([code]) => ({ device: code, time: new Date(h * HOUR_MS + 60_000).toISOString(), values: { pm25: value(code, h) } })));
      const r = await t.jing.sensingModule.ingest.ingestFor(network, records, 'import');
      assert.equal(r.accepted, records.length, JSON.stringify(r.rejected.slice(0, 3)));
    };
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    const evaluate = async () => (await t.call('POST', '/api/v1/air/alerts/evaluate', { as: ecology, body: {} })).json();

    before(async () => {
      t = await createTestApp(engine);
      ecology = await t.login('cy.ecology');
      jianwai = await t.login('jianwai.officer');
      await t.jing.sensing.createNetwork(SYSTEM_CALLER, { code: 'test-micro' });
      await t.jing.sensing.registerDevices(SYSTEM_CALLER, SENSORS.map(([code, lng, lat]) => ({ code, network: 'test-micro', type: 'micro' as const, lng, lat })), { intervalSeconds: 3600 });
      for (const [code] of SENSORS) {
        const r = await t.call('PUT', `/api/v1/air/devices/${code}/duty`, { as: ecology, body: { unitCode: '110105001' } });
        assert.equal(r.statusCode, 200, r.body);
      }
      // The tests post hours in the past: until the data-gap test, silence after them is not the point.
      await setRule('sensor-data-gap', false);
    });
    const setRule = async (id: string, enabled: boolean) => {
      const muni = await t.login('muni.officer');
      const rule = (await t.call('GET', '/api/v1/air/alert-rules', { as: muni })).json().items.find((r: { id: string }) => r.id === id);
      const r = await t.call('PUT', `/api/v1/air/alert-rules/${id}`, { as: muni, body: { version: rule.version, enabled } });
      assert.equal(r.statusCode, 200, r.body);
    };
    after(() => t.cleanup());

    it('raises a hotspot alert as a 督办 task in 建外街道’s inbox, keeps it open after the report until the data agree, then closes it', async () => {
      // T-3 at three times its neighbours for 5 hours, 30 to 26 hours ago.
      await post(range(H - 33, H - 26), (code, h) => (code === 'T-3' && h >= H - 30 ? 120 : 35 + SENSORS.findIndex((s) => s[0] === code)));
      const first = await evaluate();
      assert.equal(first.raised, 1, JSON.stringify(first));
      assert.equal((await evaluate()).raised, 0, 'the same run raises no second alert');

      const inbox = (await t.call('GET', '/api/v1/inbox?box=unit', { as: jianwai })).json();
      const item = inbox.items.find((i: { kind: string; title: string }) => i.kind === 'supervision.handle' && i.title.includes('一微克'));
      assert.ok(item, `建外街道 inbox: ${JSON.stringify(inbox.items.map((i: { title: string }) => i.title))}`);

      const mine = (await t.call('GET', '/api/v1/air/alerts', { as: jianwai })).json().items;
      assert.equal(mine.length, 1);
      const alert = mine[0];
      assert.deepEqual([alert.kind, alert.device.code, alert.unit.code, alert.status, alert.badHours, alert.peak], ['hotspot', 'T-3', '110105001', 'dispatched', 5, 120]);
      assert.equal(alert.firstHour, new Date((H - 30) * HOUR_MS).toISOString());
      // Another district sees nothing of it.
      const haidian = await t.login('haidian.officer');
      assert.deepEqual((await t.call('GET', '/api/v1/air/alerts', { as: haidian })).json().items, []);
      assert.equal((await t.call('GET', `/api/v1/air/alerts/${alert.id}`, { as: haidian })).statusCode, 404);
      // The evidence: T-3's hours with the neighbours' median and the verdicts.
      const detail = (await t.call('GET', `/api/v1/air/alerts/${alert.id}`, { as: ecology })).json();
      const bad = detail.hours.filter((h: { verdict: string }) => h.verdict === 'bad');
      assert.equal(bad.length, 5);
      assert.ok(bad.every((h: { value: number; baseline: number }) => h.value === 120 && h.baseline > 34 && h.baseline < 40));
      assert.equal(detail.task.assignment.status, 'assigned');

      // Bad input: someone else's photo, a stale version, a unit that is not responsible.
      const photo = (await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: jianwai.cookie, 'x-csrf-token': jianwai.csrf, 'content-type': 'image/png' }, payload: PNG })).json();
      const foreign = (await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: ecology.cookie, 'x-csrf-token': ecology.csrf, 'content-type': 'image/png' }, payload: PNG })).json();
      const body = { version: alert.version, found: '光华路在建工地土方作业未覆盖，渣土车带泥上路', action: '责令停止土方作业，裸土全部苫盖，道路冲洗', measureType: 'dust_suppression', photos: [photo.id] };
      const wrongPhoto = await t.call('POST', `/api/v1/air/alerts/${alert.id}/report`, { as: jianwai, body: { ...body, photos: [foreign.id] } });
      assert.equal(wrongPhoto.statusCode, 400);
      assert.equal(wrongPhoto.json().error.details.issues[0].path, 'body.photos.0');
      assert.equal((await t.call('POST', `/api/v1/air/alerts/${alert.id}/report`, { as: jianwai, body: { ...body, version: alert.version + 7 } })).statusCode, 409);
      assert.equal((await t.call('POST', `/api/v1/air/alerts/${alert.id}/report`, { as: ecology, body })).statusCode, 403);
      assert.equal((await t.call('POST', `/api/v1/air/alerts/${alert.id}/report`, { as: jianwai, body: { ...body, found: '' } })).json().error.details.issues[0].path, 'body.found');

      const reported = await t.call('POST', `/api/v1/air/alerts/${alert.id}/report`, { as: jianwai, body });
      assert.equal(reported.statusCode, 200, reported.body);
      // No hour after the hotspot yet: the data cannot agree, so verification keeps it open.
      assert.equal(reported.json().status, 'verifying');
      assert.equal(reported.json().report.photos[0].url, `/api/v1/files/${photo.id}`);
      assert.equal((await t.call('GET', `/api/v1/files/${photo.id}`, { as: ecology })).statusCode, 200, 'the bureau may see the report’s photo');
      let task = (await t.call('GET', `/api/v1/supervision/tasks/${alert.taskId ?? reported.json().taskId}`, { as: await t.login('chaoyang.officer') })).json();
      assert.equal(task.assignments[0].status, 'reported');
      assert.equal((await t.call('POST', `/api/v1/air/alerts/${alert.id}/report`, { as: jianwai, body: { ...body, version: reported.json().version } })).statusCode, 409, 'reported once');

      // Two compliant hours are not enough (the rule wants 3)…
      await post(range(H - 25, H - 24), (code) => 35 + SENSORS.findIndex((s) => s[0] === code));
      await evaluate();
      let now = (await t.call('GET', `/api/v1/air/alerts/${alert.id}`, { as: jianwai })).json();
      assert.deepEqual([now.status, now.cleanHours], ['verifying', 2]);
      // …the third closes the alert and its 督办 task (销号) by the data.
      await post([H - 23], (code) => 35 + SENSORS.findIndex((s) => s[0] === code));
      const closing = await evaluate();
      assert.equal(closing.closed, 1);
      now = (await t.call('GET', `/api/v1/air/alerts/${alert.id}`, { as: jianwai })).json();
      assert.equal(now.status, 'closed');
      assert.match(now.note, /数据核验通过/);
      task = now.task;
      assert.equal(task.assignment.status, 'closed');
      // The report registered a measure linked to the alert, and every step is in the audit log.
      const measures = (await t.call('GET', '/api/v1/air/measures', { as: jianwai })).json().items;
      assert.ok(measures.some((m: { alertId: string; type: string; responsibleUnit: { code: string } }) => m.alertId === alert.id && m.type === 'dust_suppression' && m.responsibleUnit.code === '110105001'));
      const actions = (await t.jing.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', alert.id).execute()).map((r) => r.action);
      assert.deepEqual(actions.sort(), ['air.alert.close', 'air.alert.raise', 'air.alert.report'].sort());
      assert.equal((await t.call('GET', '/api/v1/air/alerts', { as: jianwai })).json().items.length, 0, 'closed alerts leave the open list');
      assert.equal((await t.call('GET', '/api/v1/air/alerts?status=closed', { as: jianwai })).json().items.length, 1);
    });

    it('sends the task back to the street when the sensor breaks the rule again after the report', async () => {
      await post(range(H - 22, H - 19), (code, h) => (code === 'T-5' && h >= H - 21 ? 150 : 36));
      assert.equal((await evaluate()).raised, 1);
      const alert = (await t.call('GET', '/api/v1/air/alerts', { as: jianwai })).json().items[0];
      assert.equal(alert.device.code, 'T-5');
      const r = await t.call('POST', `/api/v1/air/alerts/${alert.id}/report`, { as: jianwai, body: { version: alert.version, found: '餐馆露天烧烤', action: '已劝离', measureType: 'inspection', photos: [] } });
      assert.equal(r.json().status, 'verifying');
      await post(range(H - 18, H - 15), (code) => (code === 'T-5' ? 150 : 36));
      assert.equal((await evaluate()).returned, 1);
      const back = (await t.call('GET', `/api/v1/air/alerts/${alert.id}`, { as: jianwai })).json();
      assert.deepEqual([back.status, back.returns, back.task.assignment.status], ['dispatched', 1, 'returned']);
      assert.match(back.note, /数据核验未通过/);
    });

    it('raises a data-gap alert for the ecology bureau when a sensor falls silent', async () => {
      await setRule('sensor-data-gap', true);
      // Every sensor reported up to H − 15; T-1 then stays silent while the others go on to the last hour.
      const network = await t.jing.sensing.networkRef('test-micro');
      const records = range(H - 14, H).flatMap((h) => SENSORS.filter(([c]) => c !== 'T-1').map(([code]) => ({ device: code, time: new Date(h * HOUR_MS + 60_000).toISOString(), values: { pm25: 36 } })));
      await t.jing.sensingModule.ingest.ingestFor(network, records, 'import');
      assert.equal((await evaluate()).raised, 1);
      const gaps = (await t.call('GET', '/api/v1/air/alerts', { as: ecology })).json().items.filter((a: { kind: string }) => a.kind === 'gap');
      assert.deepEqual(gaps.map((g: { device: { code: string }; unit: { code: string }; badHours: number }) => [g.device.code, g.unit.code, g.badHours]), [['T-1', '110105A02', 15]]);
      // The bureau's task, not the street's.
      assert.ok(!(await t.call('GET', '/api/v1/air/alerts', { as: jianwai })).json().items.some((a: { kind: string }) => a.kind === 'gap'));
    });

    it('lets the city change a rule with a version, and refuses bad parameters naming the field', async () => {
      const muni = await t.login('muni.officer');
      const rules = (await t.call('GET', '/api/v1/air/alert-rules', { as: muni })).json().items;
      const hotspot = rules.find((r: { id: string }) => r.id === 'micro-hotspot-pm25');
      assert.equal(hotspot.params.factor, 1.5);
      assert.equal((await t.call('PUT', '/api/v1/air/alert-rules/micro-hotspot-pm25', { as: ecology, body: { version: hotspot.version, params: { factor: 2 } } })).statusCode, 403, 'a district bureau cannot change a city-wide rule');
      const bad = await t.call('PUT', '/api/v1/air/alert-rules/micro-hotspot-pm25', { as: muni, body: { version: hotspot.version, params: { factor: 0.5 } } });
      assert.equal(bad.json().error.details.issues[0].path, 'body.params.factor');
      const ok = await t.call('PUT', '/api/v1/air/alert-rules/micro-hotspot-pm25', { as: muni, body: { version: hotspot.version, params: { factor: 2 } } });
      assert.deepEqual([ok.statusCode, ok.json().params.factor, ok.json().params.margin], [200, 2, 25]);
      assert.equal((await t.call('PUT', '/api/v1/air/alert-rules/micro-hotspot-pm25', { as: muni, body: { version: hotspot.version, enabled: false } })).statusCode, 409);
      assert.equal((await t.call('GET', '/api/v1/air/alert-rules', { as: jianwai })).statusCode, 403);
    });
  });

  describe(`一微克 measures, reductions and the monthly brief [${engine}]`, () => {
    let t: TestApp;
    let ecology: Session;
    before(async () => {
      t = await createTestApp(engine);
      ecology = await t.login('cy.ecology');
      const files = demoAirFiles();
      await importUciFiles(t.jing.sensing, t.jing.sensingModule.ingest, files);
      // Two winters of 8 stations: Dec 2015–Feb 2016 (91 days, a leap February) and Dec 2016–Feb 2017 (90 days).
      assert.equal(await importUciWeather(t.jing.sensing, t.jing.airWork.weather, files), 8 * (91 + 90) * 24);
    });
    after(() => t.cleanup());

    it('keeps a register of measures with scope, versions and audit', async () => {
      const body = { category: 'technology', type: 'dust_suppression', title: '奥体中心周边工地降尘', place: { kind: 'station', station: 'Aotizhongxin' }, startDate: '2017-01-16', endDate: '2017-02-15', responsibleUnitCode: '110105A04' };
      const created = await t.call('POST', '/api/v1/air/measures', { as: ecology, body });
      assert.equal(created.statusCode, 201, created.body);
      const m = created.json();
      assert.deepEqual([m.district.code, m.place.station, m.responsibleUnit.name, m.version], ['110105', 'Aotizhongxin', '朝阳区住房和城乡建设委员会', 0]);
      const issues = async (b: unknown) => (await t.call('POST', '/api/v1/air/measures', { as: ecology, body: b })).json().error.details.issues[0].path;
      assert.equal(await issues({ ...body, endDate: '2017-01-01' }), 'body.endDate');
      assert.equal(await issues({ ...body, place: { kind: 'station', station: 'Nowhere' } }), 'body.place.station');
      assert.equal(await issues({ ...body, responsibleUnitCode: '110108A02' }), 'body.responsibleUnitCode');
      assert.equal(await issues({ ...body, type: 'magic' }), 'body.type');
      const jianwai = await t.login('jianwai.officer');
      assert.equal((await t.call('POST', '/api/v1/air/measures', { as: jianwai, body })).statusCode, 403);
      assert.equal((await t.call('GET', '/api/v1/air/measures?district=110105', { as: jianwai })).json().items.length, 1);
      assert.equal((await t.call('GET', '/api/v1/air/measures', { as: await t.login('resident.zhang') })).statusCode, 403);
      const patched = await t.call('PATCH', `/api/v1/air/measures/${m.id}`, { as: ecology, body: { version: 0, endDate: '2017-02-20' } });
      assert.deepEqual([patched.json().endDate, patched.json().version, patched.json().title], ['2017-02-20', 1, body.title]);
      assert.equal((await t.call('PATCH', `/api/v1/air/measures/${m.id}`, { as: ecology, body: { version: 0, endDate: '2017-02-21' } })).statusCode, 409);
      assert.equal((await t.call('GET', '/api/v1/air/measures?activeOn=2017-03-01', { as: ecology })).json().items.length, 0);
      assert.equal((await t.call('GET', '/api/v1/air/measures?activeOn=2017-02-01', { as: ecology })).json().items.length, 1);
      const actions = (await t.jing.database.db.selectFrom('audit_log').select('action').where('target_id', '=', m.id).execute()).map((r) => r.action);
      assert.deepEqual(actions, ['air.measure.create', 'air.measure.update']);
    });

    it('estimates a station’s change with weather held typical and against control stations, each with a 95 % interval', async () => {
      const r = await t.call('GET', '/api/v1/air/reductions?station=Aotizhongxin&from=2017-01-16&to=2017-02-15', { as: ecology });
      assert.equal(r.statusCode, 200, r.body);
      const e = r.json();
      assert.deepEqual(e.before, { from: '2016-12-16', to: '2017-01-15' });
      const d = e.deweathered;
      assert.ok(d, e.deweatheredError);
      assert.ok(d.ci95[0] < d.change && d.change < d.ci95[1], JSON.stringify(d.ci95));
      assert.ok(Math.abs(d.rawChange - (d.after.observed - d.before.observed)) < 1e-9);
      assert.ok(d.before.days >= 25 && d.after.days >= 25);
      assert.equal(d.series.length, d.before.days + d.after.days);
      assert.ok(d.r2 > 0.2 && d.r2 < 1, `r2 ${d.r2}`);
      assert.ok(e.did, e.didError);
      assert.equal(e.did.controls.length, 7);
      assert.ok(e.did.ci95[0] < e.did.estimate && e.did.estimate < e.did.ci95[1]);
      const bad = async (q: string) => (await t.call('GET', `/api/v1/air/reductions?${q}`, { as: ecology })).json().error.details.issues[0].path;
      assert.equal(await bad('station=Aotizhongxin&from=2017-02-15&to=2017-01-16'), 'query.to');
      assert.equal(await bad('station=Atlantis&from=2017-01-16&to=2017-02-15'), 'query.station');
      assert.equal(await bad('station=Aotizhongxin&from=2017-02-30&to=2017-03-15'), 'query.from');
      assert.equal(await bad('station=Aotizhongxin&from=2017-01-16&to=2017-02-15&controls=Aotizhongxin'), 'query.controls');
      // Outside the data: an honest "cannot", not a number.
      const empty = (await t.call('GET', '/api/v1/air/reductions?station=Aotizhongxin&from=2018-01-16&to=2018-02-15', { as: ecology })).json();
      assert.equal(empty.deweathered, null);
      assert.match(empty.deweatheredError, /no weather data/);
      assert.equal(empty.did, null);
    });

    it('ranks districts with shared ranks and renders the monthly brief as a PDF with Chinese text', async () => {
      assert.deepEqual(competitionRanks([16, 16, 18, 20, 20, 21]), [1, 1, 3, 4, 4, 6]);
      const ranking = await t.jing.airWork.brief.ranking('2017-01');
      assert.deepEqual(ranking.map((r) => r.district.code).sort(), ['110102', '110105', '110108', '110113', '110114']);
      for (let i = 1; i < ranking.length; i++) assert.ok(ranking[i]!.pm25 >= ranking[i - 1]!.pm25);
      const res = await t.call('GET', '/api/v1/air/brief.pdf?district=110105&month=2017-01', { as: ecology });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      // The CJK font is embedded as a subset (a few kB), not whole (8 MB).
      assert.ok(pdf.length > 10_000 && pdf.length < 1_000_000, `${pdf.length} bytes`);
      assert.match(pdf.toString('latin1'), /NotoSansHans/);
      const bad = async (q: string) => (await t.call('GET', `/api/v1/air/brief.pdf?${q}`, { as: ecology })).json().error.details.issues[0].path;
      assert.equal(await bad('district=110105001&month=2017-01'), 'query.district');
      assert.equal(await bad('district=110105&month=2017-13'), 'query.month');
      assert.equal((await t.call('GET', '/api/v1/air/brief.pdf?district=110105&month=2017-01')).statusCode, 401);
    });
  });
}
