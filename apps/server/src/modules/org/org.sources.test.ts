import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allChinaDivisions, beijingDivisions } from './org.sources.ts';

describe('division sources', () => {
  it('ships Beijing: 1 + 16 + 349 + 7,535 units, parent-first', () => {
    const units = beijingDivisions();
    assert.equal(units.length, 7901);
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parentCode) assert.ok(seen.has(u.parentCode), `${u.code} before its parent ${u.parentCode}`);
      seen.add(u.code);
    }
  });

  it('reads all of mainland China with unique codes, every parent present and listed first, none its own parent', () => {
    const units = allChinaDivisions();
    assert.ok(units.length > 660_000 && units.length < 670_000, `${units.length}`);
    const seen = new Set<string>();
    for (const u of units) {
      assert.ok(!seen.has(u.code), `duplicate ${u.code}`);
      assert.notEqual(u.parentCode, u.code);
      if (u.parentCode) assert.ok(seen.has(u.parentCode), `${u.code} before its parent ${u.parentCode}`);
      seen.add(u.code);
    }
    assert.equal(units.filter((u) => u.parentCode === null).length, 31, 'the 31 provinces, municipalities and autonomous regions');
    assert.equal(units.find((u) => u.code === '441900')?.level, 'prefecture', '东莞 has towns directly under the city');
  });
});
