import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';

/** `n` minutes after a fixed morning, as ISO 8601 with Beijing's offset. */
const at = (minute: number) => new Date(Date.parse('2026-11-27T08:00:00+08:00') + minute * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';

for (const engine of testEngines()) {
  describe(`sensing registry and HTTP ingestion [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let keyA: string;
    let keyB: string;
    const post = (key: string | null, body: unknown, contentType = 'application/json') =>
      t.call('POST', '/api/v1/sensing/readings', { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': contentType, ...(key ? { authorization: `Bearer ${key}` } : {}) } });
    const readings = async (device: string, from = at(-60), to = at(600)) => {
      const r = await t.call('GET', `/api/v1/sensing/devices/${device}/readings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { as: admin });
      assert.equal(r.statusCode, 200, r.body);
      return r.json().items as { time: string; values: Record<string, number>; flags: Record<string, string[]> }[];
    };

    before(async () => {
      t = await createTestApp(engine, { env: { JING_SENSING_BODY_LIMIT_BYTES: '65536' } });
      admin = await t.login('muni.officer');
      const a = await t.call('POST', '/api/v1/sensing/networks', { as: admin, body: { code: 'cy-micro', name: '朝阳区小微站' } });
      assert.equal(a.statusCode, 201, a.body);
      keyA = a.json().apiKey;
      keyB = (await t.call('POST', '/api/v1/sensing/networks', { as: admin, body: { code: 'hd-dust' } })).json().apiKey;
      for (const [code, network, type, lng, lat] of [
        ['cy-001', 'cy-micro', 'micro', 116.4575, 39.9087],
        ['cy-002', 'cy-micro', 'micro', 116.47, 39.92],
        ['hd-001', 'hd-dust', 'dust', 116.3, 39.96],
      ] as const) {
        const r = await t.call('POST', '/api/v1/sensing/devices', { as: admin, body: { code, network, type, lng, lat } });
        assert.equal(r.statusCode, 201, r.body);
      }
    });
    after(() => t.cleanup());

    it('registers a network with a key shown once and stored hashed, and a device located in its district', async () => {
      assert.match(keyA, /^jsk_[A-Za-z0-9_-]{32}$/);
      const list = (await t.call('GET', '/api/v1/sensing/networks', { as: admin })).json().items;
      const cy = list.find((n: { code: string }) => n.code === 'cy-micro');
      assert.deepEqual({ ...cy, createdAt: undefined }, { code: 'cy-micro', name: '朝阳区小微站', keyPrefix: keyA.slice(0, 8), devices: 2, createdAt: undefined });
      assert.ok(!JSON.stringify(list).includes(keyA));
      const rows = await t.jing.database.db.selectFrom('sensing_networks').select('key_hash').execute();
      assert.ok(rows.every((r: { key_hash: string }) => !r.key_hash.includes(keyA) && r.key_hash.length === 64));
      const d = (await t.call('GET', '/api/v1/sensing/devices/cy-001', { as: admin })).json();
      assert.deepEqual(d.district, { code: '110105', name: '朝阳区' });
      assert.deepEqual(d.pollutants, ['pm25', 'pm10']);
      assert.equal(d.intervalSeconds, 60);
      assert.equal((await t.call('POST', '/api/v1/sensing/devices', { as: admin, body: { code: 'cy-001', network: 'cy-micro' } })).statusCode, 409);
      assert.equal((await t.call('POST', '/api/v1/sensing/devices', { as: admin, body: { code: 'x-1', network: 'nowhere' } })).statusCode, 400);
    });

    it('keeps the registry to staff with the permission', async () => {
      const resident = await t.login('resident.zhang');
      assert.equal((await t.call('GET', '/api/v1/sensing/devices', { as: resident })).statusCode, 403);
      assert.equal((await t.call('POST', '/api/v1/sensing/networks', { as: resident, body: { code: 'mine' } })).statusCode, 403);
    });

    it('stores a JSON batch and answers with the count after the commit', async () => {
      const r = await post(keyA, { readings: [0, 1, 2].map((m) => ({ device: 'cy-001', time: at(m), values: { pm25: 30 + m, pm10: 50 } })) });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { accepted: 3, rejected: [], flagged: 0 });
      const stored = await readings('cy-001', at(0), at(3));
      assert.deepEqual(stored.map((s) => s.values.pm25), [30, 31, 32]);
    });

    it('accepts NDJSON, rejecting a line that is not JSON by its line number', async () => {
      const lines = [JSON.stringify({ device: 'cy-002', time: at(0), values: { pm25: 20 } }), '{"device": "cy-002", ', JSON.stringify({ device: 'cy-002', time: at(1), values: { pm25: 21 } })];
      const r = await post(keyA, lines.join('\n') + '\n', 'application/x-ndjson');
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().accepted, 2);
      assert.deepEqual(r.json().rejected.map((x: { index: number; reason: string }) => [x.index, x.reason]), [[1, 'malformed']]);
    });

    it('lets a key post only for its own network’s devices', async () => {
      const r = await post(keyB, { readings: [{ device: 'cy-001', time: at(30), values: { pm25: 1 } }, { device: 'hd-001', time: at(30), values: { pm10: 80 } }] });
      assert.deepEqual(r.json().rejected.map((x: { reason: string }) => x.reason), ['wrong_network']);
      assert.equal(r.json().accepted, 1);
      assert.equal((await post(null, { readings: [] })).statusCode, 401);
      assert.equal((await post('jsk_not-a-key', { readings: [] })).statusCode, 401);
      assert.equal((await post(keyA, { readings: [] })).json().accepted, 0);
    });

    it('rejects every kind of bad record with a reason, stores the rest, and counts them in /metrics', async () => {
      const bad = [
        { device: 'cy-001', time: at(40), values: { pm25: 35 } }, // fine
        { device: 'nope-404', time: at(40), values: { pm25: 35 } },
        { device: 'hd-001', time: at(40), values: { pm25: 35 } },
        { device: 'cy-001', time: at(41), values: { pm25: 'NaN' } },
        { device: 'cy-001', time: at(42), values: { pm25: -40 } },
        { device: 'cy-001', time: at(43), values: { pm25: 5e7 } },
        { device: 'cy-001', time: new Date(Date.now() + 86_400_000).toISOString(), values: { pm25: 10 } },
        { device: 'cy-001', time: '2026-11-27 08:00', values: { pm25: 10 } },
        { device: 'cy-001', time: at(0), values: { pm25: 30 } }, // duplicate of an earlier batch
        { device: 'cy-001', time: at(40), values: { pm25: 35 } }, // duplicate within this batch
        'not an object',
        { device: 'cy-001', time: at(44), values: { benzene: 3 } },
        { device: 'cy-001', time: at(45), values: {} },
      ];
      const r = await post(keyA, { readings: bad });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().accepted, 1);
      assert.deepEqual(
        r.json().rejected.map((x: { index: number; reason: string }) => `${x.index}:${x.reason}`),
        ['1:unknown_device', '2:wrong_network', '3:invalid_value', '4:invalid_value', '5:invalid_value', '6:future_time', '7:invalid_time', '8:duplicate', '9:duplicate', '10:malformed', '11:unknown_pollutant', '12:no_values'],
      );
      for (const x of r.json().rejected) assert.ok(x.detail.length > 5, x.reason);
      const metrics = (await t.call('GET', '/metrics')).body;
      assert.match(metrics, /jing_sensing_readings_rejected_total\{transport="http",reason="unknown_device"\} [1-9]/);
      assert.match(metrics, /jing_sensing_readings_rejected_total\{transport="http",reason="duplicate"\} [1-9]/);
      assert.match(metrics, /jing_sensing_readings_accepted_total\{transport="http"\} [1-9]/);
    });

    it('answers a body that is not JSON at all, or too large, with one error for the request', async () => {
      const r = await post(keyA, '{"readings": [', 'application/json');
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().error.code, 'malformed_json');
      assert.equal((await post(keyA, { readings: 'many' })).statusCode, 400);
      assert.equal((await post(keyA, 'x', 'text/csv')).statusCode, 415);
      const huge = { readings: Array.from({ length: 1000 }, (_, i) => ({ device: 'cy-001', time: at(1000 + i), values: { pm25: 1 } })) };
      const tooLarge = await post(keyA, huge);
      assert.equal(tooLarge.statusCode, 413);
      assert.equal(tooLarge.json().error.code, 'payload_too_large');
    });

    it('is idempotent on (device, pollutant, time): a repeat changes nothing, a new pollutant is merged', async () => {
      const batch = { readings: [{ device: 'cy-002', time: at(100), values: { pm25: 11 } }] };
      assert.equal((await post(keyA, batch)).json().accepted, 1);
      const again = (await post(keyA, batch)).json();
      assert.deepEqual([again.accepted, again.rejected[0].reason], [0, 'duplicate']);
      const changed = (await post(keyA, { readings: [{ device: 'cy-002', time: at(100), values: { pm25: 99 } }] })).json();
      assert.equal(changed.rejected[0].reason, 'duplicate', 'first write wins');
      assert.equal((await post(keyA, { readings: [{ device: 'cy-002', time: at(100), values: { pm10: 40 } }] })).json().accepted, 1);
      const stored = await readings('cy-002', at(100), at(101));
      assert.deepEqual(stored.map((s) => s.values), [{ pm25: 11, pm10: 40 }]);
    });

    it('flags values by quality control without dropping them', async () => {
      const series: [number, { pm25: number }][] = [
        [200, { pm25: 20 }], [201, { pm25: 400 }], [202, { pm25: -2 }], [203, { pm25: 1500 }],
        ...[204, 205, 206, 207, 208, 209].map((m): [number, { pm25: number }] => [m, { pm25: 50 }]),
      ];
      const r = await post(keyA, { readings: series.map(([m, values]) => ({ device: 'cy-001', time: at(m), values })) });
      assert.equal(r.json().accepted, series.length);
      assert.ok(r.json().flagged >= 4);
      const stored = await readings('cy-001', at(200), at(210));
      assert.equal(stored.length, series.length, 'every value kept');
      const flags = stored.map((s) => s.flags.pm25 ?? []);
      assert.deepEqual(flags[1], ['spike']);
      assert.ok(flags[2]!.includes('negative'));
      assert.ok(flags[3]!.includes('out_of_range'));
      assert.deepEqual(flags[9], ['stuck']);
      assert.equal(stored[2]!.values.pm25, -2);
    });

    it('reports last-seen, completeness and hourly rollups per device', async () => {
      const hour = Date.parse('2026-11-28T02:00:00Z');
      const now = Date.now();
      // A full recent hour from cy-002 (one a minute), up to now.
      const recent = Array.from({ length: 60 }, (_, i) => ({ device: 'cy-002', time: new Date(Math.min(now, hour) - (60 - i) * 60_000).toISOString(), values: { pm25: i < 30 ? 10 : -1, pm10: 30 } }));
      assert.equal((await post(keyA, { readings: recent })).json().accepted, 60);
      const d = (await t.call('GET', '/api/v1/sensing/devices/cy-002', { as: admin })).json();
      assert.equal(d.status.lastSeenAt, recent.at(-1)!.time.replace('+00:00', 'Z'));
      const start = Math.min(now, hour) - 60 * 60_000;
      if (start > now - 23 * 3_600_000) {
        assert.ok(d.status.readings24h >= 60);
        assert.equal(d.status.expected24h, 1440);
        assert.ok(d.status.completeness24h > 0 && d.status.completeness24h <= 1);
      }
      const h = await t.call('GET', `/api/v1/sensing/devices/cy-001/hourly?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(240))}`, { as: admin });
      const rows = h.json().items as { hour: string; readings: number; means: Record<string, number>; counts: Record<string, number>; flagged: number }[];
      const first = rows.find((r) => r.hour === '2026-11-27T00:00:00.000Z')!;
      assert.equal(first.readings, 4, 'minutes 0–2 and 40; the other network’s post did not land');
      assert.equal(first.means.pm25, (30 + 31 + 32 + 35) / 4);
      const list = (await t.call('GET', '/api/v1/sensing/devices?network=cy-micro', { as: admin })).json();
      assert.equal(list.total, 2);
      assert.ok(list.items.every((i: { status: { lastSeenAt: string | null } }) => i.status.lastSeenAt));
    });

    it('updates calibration notes', async () => {
      const r = await t.call('PATCH', '/api/v1/sensing/devices/cy-001', { as: admin, body: { calibrationNotes: '2026-11-20 与国控点比对，PM2.5 系数 0.92' } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().calibrationNotes, '2026-11-20 与国控点比对，PM2.5 系数 0.92');
    });

    it('rotates a network key: the old one stops working at once', async () => {
      const r = await t.call('POST', '/api/v1/sensing/networks/hd-dust/key', { as: admin });
      assert.equal(r.statusCode, 200);
      assert.equal((await post(keyB, { readings: [] })).statusCode, 401);
      assert.equal((await post(r.json().apiKey, { readings: [] })).statusCode, 200);
      keyB = r.json().apiKey;
    });
  });
}
