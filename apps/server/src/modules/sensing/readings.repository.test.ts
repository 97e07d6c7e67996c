import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { migrateToLatest } from '@jing/db';
import { createTestDatabase, testEngines, type TestDatabase } from '@jing/db/testing';
import { MIGRATIONS } from '../../app.ts';
import { createReadingWriter, HOUR_MS, ReadingsRepository, type ReadingRow } from './readings.repository.ts';

const T = Date.parse('2026-11-27T00:00:00Z');
const row = (minute: number, deviceId: number, pm25: number, pm10 = Number.NaN, qc = 0): ReadingRow => ({
  t: T + minute * 60_000,
  deviceId,
  values: Float64Array.of(pm25, pm10, Number.NaN, Number.NaN, Number.NaN, Number.NaN),
  qc,
});

for (const engine of testEngines()) {
  for (const setBased of engine === 'sqlite' ? [false, true] : [true]) {
    describe(`readings storage, ${setBased ? 'set-based' : 'native'} writer [${engine}]`, () => {
      let db: TestDatabase;
      let repo: ReadingsRepository;
      before(async () => {
        db = await createTestDatabase(engine);
        await migrateToLatest(db.db, MIGRATIONS);
        repo = new ReadingsRepository(db.db);
      });
      after(() => db.cleanup());

      it('stores new keys, refuses repeats (also within one batch), merges a missing pollutant', async () => {
        const w = await createReadingWriter(db.db, engine, { setBased });
        assert.equal(w.kind, setBased ? 'set-based' : 'sqlite-native');
        try {
          assert.deepEqual(await w.write([row(0, 1, 10), row(1, 1, 11), row(0, 2, 20), row(0, 1, 99)]), [true, true, true, false]);
          assert.deepEqual(await w.write([row(0, 1, 10), row(0, 1, Number.NaN, 40, 1 << 4)]), [false, true]);
          const stored = await repo.readings(1, T, T + HOUR_MS);
          assert.deepEqual(stored.map((r) => [r.t - T, r.pm25, r.pm10, r.qc]), [[0, 10, 40, 16], [60_000, 11, null, 0]]);
        } finally {
          w.close();
        }
      });

      it('marks written hours dirty and rolls them up into hourly means and device status', async () => {
        const w = await createReadingWriter(db.db, engine, { setBased });
        try {
          await w.write([row(70, 1, 5), row(80, 1, -1, 30, 2), row(130, 1, 7)]);
        } finally {
          w.close();
        }
        const dirty = await repo.dirtyHours(100);
        assert.deepEqual(dirty.map((h) => h - T / HOUR_MS), [0, 1, 2]);
        await repo.rollUp(dirty[0]!, dirty.at(-1)! + 1);
        assert.deepEqual(await repo.dirtyHours(100), []);
        const hourly = await repo.hourly(1, T / HOUR_MS, T / HOUR_MS + 3);
        assert.deepEqual(
          hourly.map((h) => [h.hour - T / HOUR_MS, Number(h.n), Number(h.flagged), h.pm25, Number(h.pm25_n), h.pm10]),
          [[0, 2, 1, 10.5, 2, 40], [1, 2, 1, 2.5, 2, 30], [2, 1, 0, 7, 1, null]],
          'a negative value within tolerance counts as 0 in the mean',
        );
        const status = await repo.status([1, 2]);
        assert.deepEqual(status.get(1), { first: T, last: T + 130 * 60_000 });
        assert.deepEqual(status.get(2), { first: T, last: T });
      });

      it('reads hourly means as columns, keeping a mean only with enough readings, alike through the array fast path and without it', async () => {
        const fast = new ReadingsRepository(db.db, (q) => db.selectArrays(q));
        const h0 = T / HOUR_MS;
        for (const r of [fast, repo]) {
          const one = await r.hourlyColumns(1, h0, h0 + 3, 1);
          assert.deepEqual([...one.hours].map((h) => h - h0), [0, 1, 2]);
          // pm25 and pm10 of hours 0–2; the other four pollutants were never measured.
          assert.deepEqual([0, 1, 2].map((i) => [one.values[i * 6], one.values[i * 6 + 1]]), [[10.5, 40], [2.5, 30], [7, Number.NaN]]);
          assert.ok(Number.isNaN(one.values[2]!));
          const two = await r.hourlyColumns(1, h0, h0 + 3, 2);
          assert.deepEqual([0, 1, 2].map((i) => two.values[i * 6]), [10.5, 2.5, Number.NaN], 'hour 2 had one pm25 reading');
          assert.equal((await r.hourlyColumns(1, h0 + 5, h0 + 9, 1)).hours.length, 0);
        }
      });
    });
  }
}
