import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { US_EPA_2024, type UsIndicator } from './breakpoints.ts';
import { US_CATEGORIES, nowCast, nowCastAqi, toUsUnits, usAqiReport, usCategory, usIndicatorAqi } from './us-epa.ts';

const aqi = (indicator: UsIndicator, c: number) => usIndicatorAqi(indicator, c)?.aqi ?? null;

describe('US EPA 2024 test vectors (reference §3.4)', () => {
  const vectors: [UsIndicator, number, number][] = [
    ['pm25_24h', 9.0, 50],
    ['pm25_24h', 9.05, 50], // truncates to 9.0, not into the 9.0–9.1 gap
    ['pm25_24h', 12.0, 56],
    ['pm25_24h', 35.45, 100], // truncates to 35.4
    ['pm25_24h', 55.5, 151],
    ['pm25_24h', 100, 182],
    ['pm25_24h', 325.4, 500],
    ['pm10_24h', 100, 73],
    ['o3_8h', 0.0874, 154], // truncates to 0.087
    ['no2_1h', 120, 105],
    ['co_8h', 5.0, 56],
  ];
  for (const [indicator, c, expected] of vectors) it(`${indicator} = ${c} → ${expected}`, () => assert.equal(aqi(indicator, c), expected));

  it('puts PM2.5 = 400 beyond the AQI (above 500, flagged)', () => {
    const r = usIndicatorAqi('pm25_24h', 400)!;
    assert.ok(r.aqi > 500);
    assert.equal(r.beyondIndex, true);
    assert.equal(usCategory(r.aqi).name, 'Hazardous');
  });

  it('flags 325.5 as beyond the AQI although it extrapolates to about 500', () => {
    const r = usIndicatorAqi('pm25_24h', 325.5)!;
    assert.equal(r.beyondIndex, true);
    assert.equal(r.aqi, 500);
    assert.equal(usIndicatorAqi('pm25_24h', 325.49)!.beyondIndex, false, 'truncates to 325.4');
  });

  it('compares with China: 35 µg/m³ is about 99, and 75 µg/m³ is Unhealthy', () => {
    assert.equal(aqi('pm25_24h', 35), 99);
    // 165 on the 2024 table; the reference's "161" is the pre-2024 table (55.5–150.4 for 151–200).
    assert.equal(aqi('pm25_24h', 75), 165);
  });
});

describe('US breakpoint table', () => {
  it('gives the lower and upper index of every row at its ends', () => {
    for (const [indicator, column] of Object.entries(US_EPA_2024) as [UsIndicator, (typeof US_EPA_2024)[UsIndicator]][])
      for (const s of column.segments) {
        assert.equal(aqi(indicator, s.cLo), s.iLo, `${indicator} ${s.cLo}`);
        assert.equal(aqi(indicator, s.cHi), s.iHi, `${indicator} ${s.cHi}`);
      }
  });

  it('leaves no gap once a value is truncated', () => {
    for (const c of [9.09, 35.49, 55.49, 125.49, 225.49]) assert.notEqual(aqi('pm25_24h', c), null, String(c));
    assert.equal(aqi('pm10_24h', 54.9), 50);
  });
});

describe('O3 and SO2 hand-over rules (Table 2 footnotes)', () => {
  it('uses 1 h O3 above 0.200 ppm 8 h, and says so when it is missing', () => {
    assert.equal(aqi('o3_8h', 0.25), null);
    const r = usAqiReport({ o3_8h: 0.25, o3_1h: 0.3 });
    assert.deepEqual([r.pollutants.o3.aqi, r.pollutants.o3.basis], [248, 'o3_1h']);
    assert.equal(usAqiReport({ o3_8h: 0.25 }).pollutants.o3.basis, 'needs-o3_1h');
  });

  it('reports the larger of the 8 h and 1 h O3 indices where both exist', () => {
    const r = usAqiReport({ o3_8h: 0.08, o3_1h: 0.17 });
    assert.deepEqual([r.pollutants.o3.aqi, r.pollutants.o3.basis], [157, 'o3_1h']);
    assert.equal(usAqiReport({ o3_8h: 0.08, o3_1h: 0.1 }).pollutants.o3.aqi, 133, '1 h below 0.125 ppm defines no index');
    assert.equal(usAqiReport({ o3_1h: 0.05 }).pollutants.o3.basis, 'not-defined');
  });

  it('uses 24 h SO2 once 1 h SO2 passes 304 ppb', () => {
    assert.equal(aqi('so2_1h', 304), 200);
    assert.equal(aqi('so2_1h', 305), null);
    const r = usAqiReport({ so2_1h: 400, so2_24h: 400 });
    assert.deepEqual([r.pollutants.so2.aqi, r.pollutants.so2.basis], [232, 'so2_24h']);
    const low = usAqiReport({ so2_1h: 400, so2_24h: 200 });
    assert.deepEqual([low.pollutants.so2.aqi, low.pollutants.so2.basis], [200, 'so2_1h-capped-at-200']);
    assert.equal(usAqiReport({ so2_1h: 400 }).pollutants.so2.basis, 'needs-so2_24h');
  });
});

describe('US AQI report', () => {
  it('takes the highest index and names every responsible pollutant', () => {
    const r = usAqiReport({ pm25_24h: 12, pm10_24h: 100, o3_8h: 0.05 });
    assert.equal(r.aqi, 73);
    assert.deepEqual(r.responsible, ['pm10']);
    assert.equal(r.category?.name, 'Moderate');
    const tie = usAqiReport({ pm25_24h: 9, pm10_24h: 54 });
    assert.deepEqual(tie.responsible, ['pm25', 'pm10']);
  });

  it('keeps unmeasured pollutants missing', () => {
    const r = usAqiReport({ pm25_24h: null });
    assert.equal(r.aqi, null);
    assert.equal(r.pollutants.pm25.basis, 'missing');
    assert.deepEqual(r.responsible, []);
  });

  it('uses the EPA colours, with its own Very Unhealthy purple', () => {
    assert.deepEqual(
      US_CATEGORIES.map((c) => c.hex),
      ['#00E400', '#FFFF00', '#FF7E00', '#FF0000', '#8F3F97', '#7E0023'],
    );
    assert.equal(usCategory(300).name, 'Very Unhealthy');
    assert.equal(usCategory(301).name, 'Hazardous');
  });
});

describe('NowCast (reference §3.3)', () => {
  const example = [50, 40, 30, 20, 20, 20, 20, 20, 20, 20, 20, 20];

  it('reproduces the worked example: 41.255 → 41.2 µg/m³ → AQI 115', () => {
    assert.ok(Math.abs(nowCast(example)! - 41.255) < 0.001);
    assert.deepEqual(nowCastAqi('pm25', example), { aqi: 115, concentration: 41.2, beyondIndex: false });
  });

  it('uses w = cmin/cmax when that is above one half', () => {
    // w = 30/40 = 0.75: (40 + 0.75·30) / 1.75 = 35.714…
    assert.ok(Math.abs(nowCast([40, 30])! - 62.5 / 1.75) < 1e-9);
  });

  it('needs 2 of the 3 latest hours: computed with c2 missing, not with c1 and c2 missing', () => {
    const c2missing = [50, null, 30, ...Array(9).fill(20)];
    assert.notEqual(nowCast(c2missing), null);
    assert.equal(nowCast([null, null, 30, ...Array(9).fill(20)]), null);
    assert.equal(nowCast([50, null, null, ...Array(9).fill(20)]), null);
  });

  it('under the stricter reading, needs both c1 and c2', () => {
    assert.equal(nowCast([50, null, 30, ...Array(9).fill(20)], { recentRule: 'latest-two' }), null);
    assert.notEqual(nowCast([50, 40, null], { recentRule: 'latest-two' }), null);
  });

  it('sets negative hours to zero and handles an all-zero window', () => {
    assert.equal(nowCast([0, 0, 0]), 0);
    assert.equal(nowCast([-2, 0, 0]), 0);
    assert.equal(nowCastAqi('pm10', [0, 0, 0])?.aqi, 0);
  });

  it('looks at 12 hours only', () => {
    assert.equal(nowCast([...Array(12).fill(10), 1000]), 10);
  });
});

describe('unit conversion at 25 °C', () => {
  it('converts µg/m³ to ppb (O3 to ppm) and CO mg/m³ to ppm without float noise', () => {
    assert.equal(toUsUnits('no2', 225.6), 120);
    assert.equal(toUsUnits('so2', 262), 100);
    assert.equal(toUsUnits('o3', 196.2), 0.1);
    assert.equal(toUsUnits('co', 5.725), 5);
    assert.equal(aqi('no2_1h', toUsUnits('no2', 225.6)), 105);
  });
});
