import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHINA_STANDARDS,
  HJ633_2012,
  HJ633_2026,
  IAQI_STEPS,
  chinaStandardFor,
  type ChinaStandard,
  type IaqiColumn,
} from './breakpoints.ts';
import { iaqi, roundConcentration } from './iaqi.ts';

const v2012 = (column: IaqiColumn, c: number) => iaqi(column, c, { standard: 'HJ633-2012' }).value;
const v2026 = (column: IaqiColumn, c: number) => iaqi(column, c, { standard: 'HJ633-2026' }).value;

describe('breakpoint tables', () => {
  it('carry the corrected SO2 24 h column of HJ 633-2012, up to 2620', () => {
    assert.deepEqual(HJ633_2012.so2_24h, [0, 50, 150, 475, 800, 1600, 2100, 2620]);
  });

  it('differ between 2012 and 2026 only in the PM2.5 and PM10 good → lightly polluted breakpoints', () => {
    const changed = (Object.keys(HJ633_2012) as IaqiColumn[]).filter(
      (c) => JSON.stringify(HJ633_2012[c]) !== JSON.stringify(HJ633_2026[c]),
    );
    assert.deepEqual(changed.sort(), ['pm10_24h', 'pm25_24h']);
    assert.deepEqual(HJ633_2026.pm25_24h, [0, 35, 60, 115, 150, 250, 350, 500]);
    assert.deepEqual(HJ633_2026.pm10_24h, [0, 50, 120, 250, 350, 420, 500, 600]);
  });

  it('are strictly increasing and cannot be changed at run time', () => {
    for (const table of [HJ633_2012, HJ633_2026])
      for (const bps of Object.values(table)) {
        for (let i = 1; i < bps.length; i++) assert.ok(bps[i]! > bps[i - 1]!);
        assert.ok(Object.isFrozen(bps));
      }
    assert.ok(Object.isFrozen(HJ633_2012));
  });
});

describe('standard by measurement date', () => {
  it('switches from HJ 633-2012 to HJ 633-2026 on 2026-03-01, Beijing time', () => {
    assert.equal(chinaStandardFor('2026-02-28'), 'HJ633-2012');
    assert.equal(chinaStandardFor('2026-03-01'), 'HJ633-2026');
    assert.equal(chinaStandardFor('2013-01-01'), 'HJ633-2012');
    assert.equal(chinaStandardFor('2031-01-01'), 'HJ633-2026');
  });

  it('reads instants in Beijing time, not UTC', () => {
    assert.equal(chinaStandardFor(new Date('2026-02-28T15:59:59Z')), 'HJ633-2012');
    assert.equal(chinaStandardFor(new Date('2026-02-28T16:00:00Z')), 'HJ633-2026');
    assert.equal(chinaStandardFor('2026-03-01T00:30:00+08:00'), 'HJ633-2026');
  });

  it('refuses dates it cannot place', () => {
    assert.throws(() => chinaStandardFor('2026-02-30'), RangeError);
    assert.throws(() => chinaStandardFor('2026-03-01T08:00:00'), RangeError, 'no offset: ambiguous');
    assert.throws(() => chinaStandardFor(new Date(Number.NaN)), RangeError);
  });
});

describe('IAQI at every breakpoint', () => {
  for (const standard of Object.keys(CHINA_STANDARDS) as ChinaStandard[])
    it(`gives the table's IAQI at each breakpoint of each column (${standard})`, () => {
      const table = CHINA_STANDARDS[standard].table;
      for (const column of Object.keys(table) as IaqiColumn[])
        table[column].forEach((bp, i) => {
          assert.equal(iaqi(column, bp, { standard }).value, IAQI_STEPS[i], `${column} ${bp}`);
        });
    });
});

describe('IAQI test vectors of HJ 633-2012 (reference §1.7)', () => {
  const vectors: [IaqiColumn, number, number][] = [
    ['pm25_24h', 35, 50],
    ['pm25_24h', 36, 52], // 51.25 rounded up, not to nearest
    ['pm25_24h', 75, 100],
    ['pm25_24h', 80, 107],
    ['pm25_24h', 120, 158],
    ['pm10_24h', 100, 75],
    ['pm10_24h', 200, 125],
    ['so2_24h', 100, 75], // caiyunapp's wrong SO2 24 h column gives 34
    ['so2_24h', 300, 124],
    ['no2_1h', 250, 105],
    ['co_24h', 4.5, 103],
    ['co_1h', 12, 104],
    ['o3_8h', 200, 137],
    ['o3_1h', 250, 125],
  ];
  for (const [column, c, expected] of vectors)
    it(`${column} = ${c} → ${expected}`, () => assert.equal(v2012(column, c), expected));

  it('caps PM2.5 = 600 at 500 and flags it beyond the index', () => {
    const e = iaqi('pm25_24h', 600);
    assert.equal(e.value, 500);
    assert.equal(e.beyondIndex, true);
    assert.equal(e.basis, 'interpolated');
  });

  it('treats the top breakpoint itself as inside the index', () => {
    assert.equal(iaqi('pm25_24h', 500).beyondIndex, false);
    assert.equal(iaqi('pm25_24h', 500.4).beyondIndex, false, 'rounds to 500 first');
    assert.equal(iaqi('pm25_24h', 500.6).beyondIndex, true);
  });
});

describe('IAQI under HJ 633-2026 (reference §1.8)', () => {
  it('moves PM2.5 IAQI 100 to 60 µg/m³ and PM10 IAQI 100 to 120 µg/m³', () => {
    assert.equal(v2026('pm25_24h', 60), 100);
    assert.equal(v2026('pm25_24h', 75), 114);
    assert.equal(v2026('pm25_24h', 59), 98); // hourly PM uses the 24 h column
    assert.equal(v2026('pm25_24h', 80), 119);
    assert.equal(v2026('pm10_24h', 150), 112);
    assert.equal(v2026('pm10_24h', 100), 86);
  });

  it('rounds the concentration half to even before lookup: 60.5 → 60, 60.6 → 61', () => {
    assert.equal(v2026('pm25_24h', 60.5), 100);
    assert.equal(v2026('pm25_24h', 60.6), 101);
  });

  it('leaves the gas columns unchanged', () => {
    assert.equal(v2026('so2_24h', 100), 75);
    assert.equal(v2026('o3_8h', 200), 137);
    assert.equal(v2026('co_24h', 4.5), 103);
  });
});

describe('rounding before lookup', () => {
  it('rounds µg/m³ to whole numbers and CO to 0.1 mg/m³, half to even', () => {
    assert.equal(roundConcentration('pm25', 75.5), 76);
    assert.equal(roundConcentration('pm25', 74.5), 74);
    assert.equal(roundConcentration('co', 4.45), 4.4);
    assert.equal(roundConcentration('co', 4.55), 4.6);
    assert.equal(roundConcentration('co', 0.15), 0.2);
  });

  it('looks up the rounded value', () => {
    assert.equal(v2012('pm25_24h', 75.5), 102); // 76 → 101.25, rounded up
    assert.equal(v2012('pm25_24h', 74.5), 99); // 74 → 98.75
    assert.equal(v2012('co_24h', 4.45), 102); // 4.4 → 102
    const e = iaqi('co_24h', 4.45);
    assert.equal(e.concentration, 4.4);
  });

  it('does not let float error push an exact integer IAQI up by one', () => {
    // Plain double arithmetic gives 55.00000000000001 and 218.00000000000003 here; Math.ceil would say 56 and 219.
    assert.equal(v2012('co_24h', 2.2), 55);
    assert.equal(v2012('co_1h', 65.4), 218);
    assert.equal(v2012('co_1h', 129.3), 431);
  });
});

describe('rules above the top breakpoints', () => {
  it('HJ 633-2012: SO2 1 h above 800 reports the SO2 24 h IAQI', () => {
    const e = iaqi('so2_1h', 900, { standard: 'HJ633-2012', so2_24h: 300 });
    assert.equal(e.value, 124);
    assert.equal(e.basis, 'substituted-so2-24h');
    assert.equal(e.concentration, 900);
    assert.equal(iaqi('so2_1h', 900, { standard: 'HJ633-2012', so2_24h: 100 }).value, 75);
  });

  it('HJ 633-2012: SO2 1 h of exactly 800 (or 800.4, rounded) is still in the table', () => {
    assert.equal(v2012('so2_1h', 800), 200);
    assert.equal(iaqi('so2_1h', 800.4, { standard: 'HJ633-2012' }).basis, 'interpolated');
    assert.equal(iaqi('so2_1h', 800.6, { standard: 'HJ633-2012' }).basis, 'substitute-missing');
  });

  it('HJ 633-2012: says so, instead of dropping SO2, when the 24 h value is missing', () => {
    const e = iaqi('so2_1h', 900, { standard: 'HJ633-2012' });
    assert.equal(e.value, null);
    assert.equal(e.basis, 'substitute-missing');
  });

  it('HJ 633-2012: O3 8 h above 800 reports the O3 1 h IAQI', () => {
    const e = iaqi('o3_8h', 900, { standard: 'HJ633-2012', o3_1h: 1000 });
    assert.equal(e.value, 400);
    assert.equal(e.basis, 'substituted-o3-1h');
    assert.equal(iaqi('o3_8h', 900, { o3_1h: 1300 }).beyondIndex, true, 'the substitute itself may be capped');
    assert.equal(iaqi('o3_8h', 900).basis, 'substitute-missing');
  });

  it('HJ 633-2026: SO2 1 h above 800 is IAQI 200 and O3 8 h above 800 is IAQI 300', () => {
    const so2 = iaqi('so2_1h', 900, { standard: 'HJ633-2026', so2_24h: 300 });
    assert.deepEqual([so2.value, so2.basis], [200, 'fixed-above-800']);
    const o3 = iaqi('o3_8h', 900, { standard: 'HJ633-2026', o3_1h: 1000 });
    assert.deepEqual([o3.value, o3.basis], [300, 'fixed-above-800']);
  });

  it('caps every other column at 500 above its top', () => {
    for (const [column, c] of [
      ['so2_24h', 3000],
      ['no2_1h', 4000],
      ['no2_24h', 1000],
      ['co_24h', 61],
      ['co_1h', 151],
      ['o3_1h', 1300],
      ['pm10_24h', 700],
    ] as const) {
      const e = iaqi(column, c);
      assert.deepEqual([e.value, e.beyondIndex], [500, true], column);
    }
  });
});

describe('missing and invalid concentrations', () => {
  it('keeps a missing value missing, never 0', () => {
    assert.deepEqual(iaqi('pm25_24h', null), { value: null, concentration: null, basis: 'missing', beyondIndex: false });
  });

  it('refuses negative and non-finite concentrations', () => {
    assert.throws(() => iaqi('pm25_24h', -1), RangeError);
    assert.throws(() => iaqi('pm25_24h', Number.NaN), RangeError);
    assert.throws(() => iaqi('pm25_24h', Infinity), RangeError);
  });

  it('indexes zero as zero', () => {
    assert.equal(v2012('pm25_24h', 0), 0);
    assert.equal(v2012('pm25_24h', 0.4), 0);
  });
});
