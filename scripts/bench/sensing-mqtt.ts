/**
 * Child of scripts/bench/sensing.mjs: publishes N readings over MQTT, one per message, from 4 connections, and times until
 * they are stored (Jing: its /metrics count of MQTT readings accepted) or delivered (bare broker: a
 * subscriber's count).
 *
 *   node --import tsx scripts/bench/sensing-mqtt.ts bare <messages> <devices> <brokerUrl>
 *   node --import tsx scripts/bench/sensing-mqtt.ts jing <messages> <devices> <brokerUrl> <apiKey> <httpUrl> <qos> <run>
 */
import mqtt from 'mqtt';
import { finish } from './report.ts';

const [mode, messagesArg, devicesArg, brokerUrl, apiKey, httpUrl, qosArg = '0', dayArg = '0'] = process.argv.slice(2);
const N = Number(messagesArg);
const D = Number(devicesArg);
const qos = Number(qosArg) as 0 | 1;
const WINDOW = 1000; // QoS 1 messages in flight per publisher
const PUBLISHERS = 4; // connections, as a gateway or several devices would open
// Each run its own days, so a second run does not repeat the first one's readings (duplicates are not stored).
const T0 = Date.parse('2026-06-01T00:00:00+08:00') - Number(dayArg) * 86_400_000 * 100;

const payload = (k: number) => {
  const t = new Date(T0 + Math.floor(k / D) * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
  return `{"time":"${t}","values":{"pm25":${20 + (k % 50)},"pm10":${40 + (k % 70)},"so2":3,"no2":${17 + (k % 13)},"co":0.${3 + (k % 5)},"o3":${60 + (k % 40)}}}`;
};
const topic = (k: number) => `jing/bench/m${String(k % D).padStart(4, '0')}/readings`;

async function storedCount(): Promise<number> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  return Number(/^jing_sensing_readings_accepted_total\{transport="mqtt"\} (\d+)/m.exec(text)?.[1] ?? 0);
}

const pubs = await Promise.all(Array.from({ length: PUBLISHERS }, () => mqtt.connectAsync(brokerUrl!, mode === 'jing' ? { username: 'bench', password: apiKey!, clean: true } : { clean: true })));
let delivered = 0;
let sub: mqtt.MqttClient | null = null;
if (mode === 'bare') {
  sub = await mqtt.connectAsync(brokerUrl!, { clean: true });
  await sub.subscribeAsync('jing/#', { qos: 0 });
  sub.on('message', () => delivered++);
}
const before = mode === 'jing' ? await storedCount() : 0;
const started = process.hrtime.bigint();
await Promise.all(
  pubs.map(async (pub, p) => {
    let inflight = 0;
    let wake: (() => void) | null = null;
    for (let k = p; k < N; k += PUBLISHERS) {
      if (qos === 1) {
        while (inflight >= WINDOW) await new Promise<void>((r) => (wake = r));
        inflight++;
        pub.publish(topic(k), payload(k), { qos: 1 }, () => {
          inflight--;
          wake?.();
          wake = null;
        });
      } else {
        pub.publish(topic(k), payload(k), { qos: 0 });
        // Let the socket drain now and then instead of queueing everything in memory.
        if (k % 2000 < PUBLISHERS) await new Promise((r) => setImmediate(r));
      }
    }
  }),
);
let stored = 0;
const deadline = Date.now() + 120_000;
for (;;) {
  stored = mode === 'jing' ? (await storedCount()) - before : delivered;
  if (stored >= N || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, mode === 'jing' ? 20 : 5));
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await Promise.all(pubs.map((p) => p.endAsync()));
await sub?.endAsync();
finish({ messages: N, stored: mode === 'jing' ? stored : delivered, seconds, perSec: stored / seconds, qos });
