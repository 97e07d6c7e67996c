#!/usr/bin/env node
// Sensing ingestion benchmark (issue 5, Performance), each figure beside a baseline measured in this run:
//
//   1. HTTP: POST /api/v1/sensing/readings into embedded SQLite, batches of 1,000 readings (six values each)
//      from 1,000 devices, CONNECTIONS keep-alive connections — vs a plain better-sqlite3 append of the same
//      rows (one wide row per reading, no index, 1,000 per transaction) in one process.
//      Targets: ≥ 100,000 readings/s and ≥ 20% of the baseline.
//   2. MQTT: one reading per message through the embedded broker (QoS 0 and QoS 1) — vs a bare aedes broker
//      forwarding the same messages to one subscriber. Target: ≥ 20,000 messages/s.
//
// Run: node scripts/bench/sensing.mjs   (env: JING_BENCH_SENSING_BATCHES, default 600; JING_BENCH_MQTT_MESSAGES, default 100000)
// Prints a table and a JSON line `{"sensing": …}`; exit code 1 when a target is missed.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll, runJob, spawnChild, stopChild } from './procs.mjs';
import { int, pct, ratio, table } from './table.mjs';

const BATCHES = Number(process.env.JING_BENCH_SENSING_BATCHES ?? 600);
const WARMUP_BATCHES = 50;
const DEVICES = 1000;
const CONNECTIONS = 8;
const MQTT_MESSAGES = Number(process.env.JING_BENCH_MQTT_MESSAGES ?? 100_000);
const T0 = Date.parse('2026-11-01T00:00:00+08:00');

const out = (s = '') => process.stdout.write(s + '\n');
const progress = (s) => process.stderr.write(`  ${s}\n`);
const tmp = mkdtempSync(join(tmpdir(), 'jing-bench-sensing-'));
process.on('exit', () => {
  killAll();
  rmSync(tmp, { recursive: true, force: true });
});

/** Batch b: every device at minute b, as the JSON body the devices' gateway would post. */
function body(b) {
  const t = new Date(T0 + b * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
  const parts = new Array(DEVICES);
  for (let d = 0; d < DEVICES; d++) {
    const i = b * DEVICES + d;
    parts[d] = `{"device":"m${String(d).padStart(4, '0')}","time":"${t}","values":{"pm25":${20 + (i % 50)},"pm10":${40 + (i % 70)},"so2":3,"no2":${17 + (i % 13)},"co":${(3 + (i % 5)) / 10},"o3":${60 + (i % 40)}}}`;
  }
  return `{"readings":[${parts.join(',')}]}`;
}

function post(agent, url, apiKey, payload) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${apiKey}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`))));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Posts batches [from, to) over CONNECTIONS keep-alive connections; returns seconds and readings accepted. */
async function load(url, apiKey, from, to) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let next = from;
  let accepted = 0;
  const bodies = new Map();
  const prepare = (b) => (b < to && !bodies.has(b) ? bodies.set(b, body(b)) : null);
  for (let b = from; b < Math.min(to, from + CONNECTIONS * 2); b++) prepare(b);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < to) {
        const b = next++;
        const payload = bodies.get(b) ?? body(b);
        bodies.delete(b);
        const r = await post(agent, `${url}/api/v1/sensing/readings`, apiKey, payload);
        accepted += r.accepted;
        prepare(b + CONNECTIONS * 2);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { seconds, accepted, readings: (to - from) * DEVICES };
}

async function startServer(mqtt) {
  const dir = mkdtempSync(join(tmp, 'jing-'));
  const { child, ready, done } = spawnChild('scripts/bench/sensing-server.ts', [dir, String(DEVICES), mqtt], { label: 'sensing server' });
  done.catch(() => {});
  const msg = await ready;
  return { ...msg, stop: () => stopChild(child) };
}

const results = { date: new Date().toISOString(), http: null, mqtt: null, targets: [] };
const target = (name, value, pass) => {
  results.targets.push({ name, value, pass });
  out(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
};

out(`Sensing ingestion benchmark — ${results.date}`);

// --- 1. HTTP ---------------------------------------------------------------------------------
out('\n== 1. HTTP ingestion into embedded SQLite');
progress(`baseline: plain better-sqlite3 append of ${int(BATCHES * DEVICES)} rows`);
const base = await runJob('scripts/bench/sensing-baseline.ts', [tmp, String(BATCHES * DEVICES), String(DEVICES)], { label: 'baseline' });
const server = await startServer('off');
progress(`Jing: ${server.url} (pid ${server.pid}, writer ${server.writer}); ${WARMUP_BATCHES} warm-up batches, then ${BATCHES}`);
try {
  await load(server.url, server.apiKey, 0, WARMUP_BATCHES);
  const run = await load(server.url, server.apiKey, WARMUP_BATCHES, WARMUP_BATCHES + BATCHES);
  const rate = run.readings / run.seconds;
  const r = ratio(rate, base.readingsPerSec);
  results.http = { baseline: base, jing: { ...run, readingsPerSec: rate }, ratio: r, connections: CONNECTIONS };
  out(`  ${int(BATCHES)} batches × ${DEVICES} readings (6 values) from ${DEVICES} devices, ${CONNECTIONS} connections, after ${WARMUP_BATCHES} warm-up batches`);
  out(
    table([
      ['run', 'readings', 'seconds', 'readings/s', 'vs baseline'],
      ['plain better-sqlite3 append (baseline)', int(base.readings), base.seconds.toFixed(2), int(base.readingsPerSec), '100%'],
      ['Jing POST /api/v1/sensing/readings', int(run.readings), run.seconds.toFixed(2), int(rate), pct(r)],
    ]),
  );
  if (run.accepted !== run.readings) out(`  WARNING: ${run.readings - run.accepted} readings were not accepted`);
  target('HTTP ingestion ≥ 100,000 readings/s', `${int(rate)} readings/s`, rate >= 100_000 && run.accepted === run.readings);
  target('HTTP ingestion ≥ 20% of the plain append', pct(r), r >= 0.2);
} finally {
  await server.stop();
}

// --- 2. MQTT ---------------------------------------------------------------------------------
out('\n== 2. MQTT ingestion through the embedded broker');
const bareBroker = spawnChild('scripts/bench/sensing-mqtt-broker.ts', [], { label: 'bare aedes' });
bareBroker.done.catch(() => {});
const bareUrl = (await bareBroker.ready).url;
const bare = await runJob('scripts/bench/sensing-mqtt.ts', ['bare', String(MQTT_MESSAGES), String(DEVICES), bareUrl], { label: 'bare aedes publisher' }).finally(() => stopChild(bareBroker.child));
const mq = await startServer('embedded');
try {
  const q0 = await runJob('scripts/bench/sensing-mqtt.ts', ['jing', String(MQTT_MESSAGES), String(DEVICES), `mqtt://127.0.0.1:${mq.mqttPort}`, mq.apiKey, mq.url, '0', '0'], { label: 'mqtt qos0' });
  const q1 = await runJob('scripts/bench/sensing-mqtt.ts', ['jing', String(MQTT_MESSAGES), String(DEVICES), `mqtt://127.0.0.1:${mq.mqttPort}`, mq.apiKey, mq.url, '1', '1'], { label: 'mqtt qos1' });
  results.mqtt = { bare, qos0: q0, qos1: q1 };
  out(`  ${int(MQTT_MESSAGES)} messages, one reading each, from 4 publisher connections (QoS 1: 1,000 in flight each), ${DEVICES} devices; counted when stored (Jing) or delivered (bare)`);
  out(
    table([
      ['run', 'messages', 'seconds', 'messages/s', 'vs bare aedes'],
      ['bare aedes → one subscriber (baseline)', int(bare.messages), bare.seconds.toFixed(2), int(bare.perSec), '100%'],
      ['Jing embedded broker, QoS 0', int(q0.stored), q0.seconds.toFixed(2), int(q0.perSec), pct(ratio(q0.perSec, bare.perSec))],
      ['Jing embedded broker, QoS 1 (PUBACK after commit)', int(q1.stored), q1.seconds.toFixed(2), int(q1.perSec), pct(ratio(q1.perSec, bare.perSec))],
    ]),
  );
  target('MQTT ingestion ≥ 20,000 messages/s (QoS 0)', `${int(q0.perSec)} msg/s`, q0.perSec >= 20_000 && q0.stored === q0.messages);
  target('MQTT ingestion ≥ 20,000 messages/s (QoS 1)', `${int(q1.perSec)} msg/s`, q1.perSec >= 20_000 && q1.stored === q1.messages);
} finally {
  await mq.stop();
}

out('\n' + JSON.stringify({ sensing: results }));
process.exitCode = results.targets.every((t) => t.pass) ? 0 : 1;
