import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MalformedLine, parseNdjson, parseRecord } from './records.ts';
import { FLAG_BITS, STUCK_RUN, newQcState, qcFlags, unpackFlags } from './qc.ts';

const NOW = Date.parse('2026-11-28T12:00:00+08:00');
const ok = (values: Record<string, unknown>, time = '2026-11-28T11:00:00+08:00') => parseRecord({ device: 'cy-001', time, values }, NOW, 600_000);
const reason = (r: ReturnType<typeof parseRecord>) => (r.ok ? 'ok' : r.reason);

describe('reading records', () => {
  it('accepts a record with an offset time and turns values into pollutant slots', () => {
    const r = ok({ pm25: 35, co: 0.3, o3: null });
    assert.ok(r.ok);
    assert.equal(r.record.t, Date.parse('2026-11-28T03:00:00Z'));
    assert.equal(r.record.values[0], 35);
    assert.equal(r.record.values[4], 0.3);
    assert.ok(Number.isNaN(r.record.values[5]!), 'null means not measured');
  });

  it('rejects each kind of bad record with its own reason', () => {
    const cases: [unknown, string][] = [
      [[1, 2], 'malformed'],
      ['text', 'malformed'],
      [{ time: '2026-11-28T11:00:00+08:00', values: { pm25: 1 } }, 'malformed'],
      [{ device: 'a/b', time: '2026-11-28T11:00:00+08:00', values: { pm25: 1 } }, 'malformed'],
      [{ device: 'x', time: '2026-11-28 11:00', values: { pm25: 1 } }, 'invalid_time'],
      [{ device: 'x', time: '2026-11-28T11:00:00', values: { pm25: 1 } }, 'invalid_time'],
      [{ device: 'x', time: '2026-02-31T11:00:00+08:00', values: { pm25: 1 } }, 'invalid_time'],
      [{ device: 'x', time: '2024-02-29T11:00:00Z', values: { pm25: 1 } }, 'ok'],
      [{ device: 'x', time: '1999-12-31T11:00:00+08:00', values: { pm25: 1 } }, 'invalid_time'],
      [{ device: 'x', time: '2026-11-28T12:30:00+08:00', values: { pm25: 1 } }, 'future_time'],
      [{ device: 'x', time: '2026-11-28T11:00:00+08:00', values: { pm25: 'NaN' } }, 'invalid_value'],
      [{ device: 'x', time: '2026-11-28T11:00:00+08:00', values: { pm25: Number.NaN } }, 'invalid_value'],
      [{ device: 'x', time: '2026-11-28T11:00:00+08:00', values: { pm25: Infinity } }, 'invalid_value'],
      [{ device: 'x', time: '2026-11-28T11:00:00+08:00', values: { pm25: -50 } }, 'invalid_value'],
      [{ device: 'x', time: '2026-11-28T11:00:00+08:00', values: { pm25: 1e9 } }, 'invalid_value'],
      [{ device: 'x', time: '2026-11-28T11:00:00+08:00', values: { pm1: 3 } }, 'unknown_pollutant'],
      [{ device: 'x', time: '2026-11-28T11:00:00+08:00', values: { pm25: null } }, 'no_values'],
      [{ device: 'x', time: '2026-11-28T11:00:00+08:00', values: [] }, 'malformed'],
      [new MalformedLine('line 3: bad'), 'malformed'],
    ];
    for (const [raw, want] of cases) assert.equal(reason(parseRecord(raw, NOW, 600_000)), want, JSON.stringify(raw));
  });

  it('accepts a small negative value (sensor noise around zero) and a real extreme', () => {
    assert.ok(ok({ pm25: -3 }).ok);
    assert.ok(ok({ pm10: 8500 }).ok, 'PM10 passed 8,000 µg/m³ in the 2021 dust storm');
  });

  it('takes the device from an MQTT topic and refuses a payload naming another', () => {
    const r = parseRecord({ time: '2026-11-28T11:00:00+08:00', values: { pm25: 1 } }, NOW, 600_000, 'cy-002');
    assert.ok(r.ok && r.record.device === 'cy-002');
    assert.equal(reason(parseRecord({ device: 'cy-003', time: '2026-11-28T11:00:00+08:00', values: { pm25: 1 } }, NOW, 600_000, 'cy-002')), 'malformed');
  });

  it('splits NDJSON into records, keeping bad lines in place and skipping blank ones', () => {
    const lines = parseNdjson('{"a":1}\n\nnot json\n{"b":2}\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[0], { a: 1 });
    assert.ok(lines[1] instanceof MalformedLine);
    assert.deepEqual(lines[2], { b: 2 });
  });
});

describe('quality control', () => {
  const vals = (pm25: number, pm10 = Number.NaN) => Float64Array.of(pm25, pm10, Number.NaN, Number.NaN, Number.NaN, Number.NaN);
  const minute = (m: number) => Date.parse('2026-11-28T00:00:00Z') + m * 60_000;

  it('flags out-of-range and negative values, keeping them', () => {
    const s = newQcState();
    assert.deepEqual(unpackFlags(qcFlags(s, minute(0), vals(1200))), { pm25: ['out_of_range'] });
    assert.deepEqual(unpackFlags(qcFlags(s, minute(1), vals(-2, 30))), { pm25: ['negative', 'spike'] });
  });

  it(`flags a value repeated ${STUCK_RUN} times in a row as stuck, from the ${STUCK_RUN}th on`, () => {
    const s = newQcState();
    const flags = Array.from({ length: STUCK_RUN + 1 }, (_, i) => qcFlags(s, minute(i), vals(42)));
    assert.deepEqual(flags.map((f) => f & FLAG_BITS.stuck ? 1 : 0), [...Array(STUCK_RUN - 1).fill(0), 1, 1]);
    assert.equal(qcFlags(s, minute(10), vals(43)), 0, 'a change ends the run');
  });

  it('flags a jump both large and by a factor over 3 as a spike, but not a steady rise', () => {
    const s = newQcState();
    qcFlags(s, minute(0), vals(30));
    assert.equal(qcFlags(s, minute(1), vals(400)) & FLAG_BITS.spike, FLAG_BITS.spike);
    const t = newQcState();
    qcFlags(t, minute(0), vals(300));
    assert.equal(qcFlags(t, minute(1), vals(420)), 0);
    const late = newQcState();
    qcFlags(late, minute(0), vals(30));
    assert.equal(qcFlags(late, minute(300), vals(400)), 0, 'no spike against a reading hours old');
  });

  it('range-checks a late reading without disturbing the run and spike state', () => {
    const s = newQcState();
    qcFlags(s, minute(10), vals(30));
    assert.equal(qcFlags(s, minute(5), vals(900)), 0);
    assert.equal(qcFlags(s, minute(11), vals(31)), 0);
  });
});
