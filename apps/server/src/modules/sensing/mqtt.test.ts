import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { createTestJing, testEngines, type TestJing } from '../../testing.ts';
import { EmbeddedBroker, ExternalBridge } from './mqtt.ts';

const MOSQUITTO = process.env.JING_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const time = (minute: number) => new Date(Date.parse('2026-11-20T00:00:00Z') + minute * 60_000).toISOString();
const payload = (minute: number, pm25: number) => JSON.stringify({ time: time(minute), values: { pm25 } });

async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A network with one micro-sensor; codes are unique so runs sharing a broker never meet. */
async function network(t: TestJing, device = 'm-1') {
  const code = `n${randomBytes(4).toString('hex')}`;
  const n = await t.jing.sensing.createNetwork(SYSTEM_CALLER, { code });
  await t.jing.sensing.registerDevices(SYSTEM_CALLER, [{ code: `${code}-${device}`, network: code, type: 'micro' }]);
  return { code, device: `${code}-${device}`, apiKey: n.apiKey };
}

async function stored(t: TestJing, device: string): Promise<{ time: string; pm25: number | null }[]> {
  const rows = await t.jing.sensing.readings(SYSTEM_CALLER, device, time(-1), time(6 * 24 * 60));
  return rows.map((r) => ({ time: new Date(r.t).toISOString(), pm25: r.pm25 }));
}

for (const engine of testEngines()) {
  describe(`MQTT ingestion through the embedded broker [${engine}]`, () => {
    let t: TestJing;
    let broker: EmbeddedBroker;
    let url: string;
    let net: Awaited<ReturnType<typeof network>>;
    const clients: MqttClient[] = [];
    const client = async (opts: mqtt.IClientOptions) => {
      const c = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 3000, ...opts });
      clients.push(c);
      return c;
    };

    before(async () => {
      t = await createTestJing(engine, { seed: true });
      broker = new EmbeddedBroker(t.jing.sensingModule.ingest, t.jing.logger, { host: '127.0.0.1', port: 0, maxPayloadBytes: 2048 });
      url = `mqtt://127.0.0.1:${await broker.start()}`;
      net = await network(t);
    });
    after(async () => {
      for (const c of clients) c.end(true);
      await broker.stop();
      await t.cleanup();
    });

    it('refuses a connection without the network’s key', async () => {
      await assert.rejects(client({ username: net.code, password: 'jsk_wrong' }), /Bad username or password|Not authorized|connack/i);
      await assert.rejects(client({}), /Bad username or password|Not authorized|connack/i);
      const other = await network(t);
      await assert.rejects(client({ username: net.code, password: other.apiKey }), /Bad username or password/i, 'a key of another network under this network’s name');
    });

    it('stores a QoS 1 reading before its PUBACK', async () => {
      const c = await client({ username: net.code, password: net.apiKey });
      await c.publishAsync(`jing/${net.code}/${net.device}/readings`, payload(0, 35), { qos: 1 });
      assert.deepEqual(await stored(t, net.device), [{ time: time(0), pm25: 35 }], 'in the database when the PUBACK arrives');
    });

    it('publishes each rejection back to the device’s topic and counts it', async () => {
      const c = await client({ username: net.code, password: net.apiKey });
      await c.subscribeAsync(`jing/${net.code}/+/rejected`);
      const seen: { reason: string }[] = [];
      c.on('message', (topic, msg) => topic.endsWith('/rejected') && seen.push(JSON.parse(msg.toString())));
      const topic = `jing/${net.code}/${net.device}/readings`;
      await c.publishAsync(topic, '{not json', { qos: 1 });
      await c.publishAsync(`jing/${net.code}/ghost/readings`, payload(1, 1), { qos: 1 });
      await c.publishAsync(topic, JSON.stringify({ time: time(2), values: { pm25: -1000 } }), { qos: 1 });
      await c.publishAsync(topic, JSON.stringify({ time: time(3), values: { pm25: 1 }, pad: 'x'.repeat(4000) }), { qos: 1 });
      await c.publishAsync(topic, payload(0, 35), { qos: 1 });
      await waitFor('five rejections', () => seen.length === 5);
      assert.deepEqual(seen.map((s) => s.reason), ['malformed', 'unknown_device', 'invalid_value', 'too_large', 'duplicate']);
      assert.equal(t.jing.sensingModule.ingest.metrics.rejectedTotal('mqtt'), 5);
    });

    it('disconnects a client publishing under another network, and keeps serving the others', async () => {
      const other = await network(t);
      const intruder = await client({ username: net.code, password: net.apiKey });
      const closed = new Promise<void>((r) => intruder.once('close', () => r()));
      intruder.publish(`jing/${other.code}/${other.device}/readings`, payload(5, 1), { qos: 1 });
      await closed;
      assert.deepEqual(await stored(t, other.device), []);
      const ok = await client({ username: other.code, password: other.apiKey });
      await ok.publishAsync(`jing/${other.code}/${other.device}/readings`, payload(5, 9), { qos: 1 });
      assert.equal((await stored(t, other.device)).length, 1);
    });

    it('closes a connection announcing an oversized packet before buffering it, and stays up', async () => {
      const c = await client({ username: net.code, password: net.apiKey });
      const closed = new Promise<void>((r) => c.once('close', () => r()));
      c.publish(`jing/${net.code}/${net.device}/readings`, Buffer.alloc(2 * 1024 * 1024, 32), { qos: 0 });
      await closed;
      // A raw socket announcing 200 MB gets cut off after its header.
      const raw = tcpConnect((url.split(':')[2] ? Number(url.split(':')[2]) : 0), '127.0.0.1');
      await new Promise((r) => raw.once('connect', r));
      raw.write(Buffer.from([0x30, 0xff, 0xff, 0xff, 0x5f]));
      await new Promise((r) => raw.once('close', r));
      const after = await client({ username: net.code, password: net.apiKey });
      await after.publishAsync(`jing/${net.code}/${net.device}/readings`, payload(6, 12), { qos: 1 });
      assert.ok((await stored(t, net.device)).some((r) => r.pm25 === 12));
      assert.match(t.jing.sensingModule.ingest.metrics.render(), /jing_sensing_mqtt_refused_total\{reason="oversized_packet"\} [2-9]/);
    });

    it('takes a flood of QoS 0 messages without losing any or falling over', async () => {
      const flood = await network(t, 'f');
      const c = await client({ username: flood.code, password: flood.apiKey });
      const n = 5000;
      for (let i = 0; i < n; i++) c.publish(`jing/${flood.code}/${flood.device}/readings`, payload(10 + i, i % 300), { qos: 0 });
      await waitFor('the flood stored', async () => (await stored(t, flood.device)).length === n, 30_000);
    });
  });

  describe(`MQTT ingestion through an external broker (Mosquitto) [${engine}]`, () => {
    let t: TestJing;
    let bridge: ExternalBridge;
    let pub: MqttClient;
    before(async () => {
      t = await createTestJing(engine, { seed: true });
      bridge = new ExternalBridge(t.jing.sensingModule.ingest, t.jing.logger, { url: MOSQUITTO, maxPayloadBytes: 2048, group: `test${randomBytes(4).toString('hex')}` });
      await bridge.start();
      pub = await mqtt.connectAsync(MOSQUITTO, { protocolVersion: 5, reconnectPeriod: 0 });
    });
    after(async () => {
      await pub?.endAsync();
      await bridge.stop();
      await t.cleanup();
    });

    it('stores readings whose message carries the network key (MQTT 5 user property or payload field)', async () => {
      const net = await network(t);
      const topic = `jing/${net.code}/${net.device}/readings`;
      await pub.publishAsync(topic, payload(0, 21), { qos: 1, properties: { userProperties: { 'api-key': net.apiKey } } });
      await pub.publishAsync(topic, JSON.stringify({ time: time(1), values: { pm25: 22 }, key: net.apiKey }), { qos: 1 });
      await waitFor('two readings', async () => (await stored(t, net.device)).length === 2);
      assert.deepEqual((await stored(t, net.device)).map((r) => r.pm25), [21, 22]);
    });

    it('drops messages without a valid key or under another network, and counts them', async () => {
      const net = await network(t);
      const other = await network(t);
      await pub.publishAsync(`jing/${net.code}/${net.device}/readings`, payload(0, 1), { qos: 1 });
      await pub.publishAsync(`jing/${net.code}/${net.device}/readings`, payload(1, 1), { qos: 1, properties: { userProperties: { 'api-key': other.apiKey } } });
      await pub.publishAsync(`jing/${net.code}/${net.device}/readings`, payload(2, 3), { qos: 1, properties: { userProperties: { authorization: `Bearer ${net.apiKey}` } } });
      await waitFor('the good one', async () => (await stored(t, net.device)).length === 1);
      assert.deepEqual((await stored(t, net.device)).map((r) => r.pm25), [3]);
      const m = t.jing.sensingModule.ingest.metrics.render();
      assert.match(m, /jing_sensing_mqtt_refused_total\{reason="bad_credentials"\} [1-9]/);
      assert.match(m, /jing_sensing_mqtt_refused_total\{reason="foreign_network"\} [1-9]/);
    });
  });
}
