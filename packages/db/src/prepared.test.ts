import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, testEngines, type TestDatabase } from './testing.ts';
import { engineOf, inTransaction } from './dialect.ts';
import { prepared, SequenceCounter } from './prepared.ts';

for (const engine of testEngines()) {
  describe(`prepared statements and sequence counters [${engine}]`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(engine);
      await sql`create table seq_counters (hall text not null, day text not null, n integer not null, primary key (hall, day))`.execute(database.db);
      await sql`create table seq_items (k text primary key, v integer not null)`.execute(database.db);
    });
    after(() => database.cleanup());

    it('runs a statement written once with ? placeholders on this engine', async () => {
      const insert = prepared(engineOf(database.db), 'insert into seq_items (k, v) values (?, ?)');
      await database.db.executeQuery(insert(['a', 1]));
      await database.db.executeQuery(insert(['b', 2]));
      const rows = (await sql<{ k: string; v: number }>`select k, v from seq_items order by k`.execute(database.db)).rows;
      assert.deepEqual(rows.map((r) => [r.k, Number(r.v)]), [['a', 1], ['b', 2]]);
    });

    it('numbers each key from 1, keys apart, and gives a rolled-back number back', async () => {
      const counter = new SequenceCounter(engineOf(database.db), 'seq_counters', ['hall', 'day'], 'n');
      const next = (hall: string, day: string) => inTransaction(database.db, (trx) => counter.next(trx, [hall, day]));
      assert.deepEqual([await next('h1', 'd1'), await next('h1', 'd1'), await next('h2', 'd1'), await next('h1', 'd2')], [1, 2, 1, 1]);
      await assert.rejects(inTransaction(database.db, async (trx) => {
        assert.equal(await counter.next(trx, ['h1', 'd1']), 3);
        throw new Error('roll back');
      }), /roll back/);
      assert.equal(await next('h1', 'd1'), 3, 'the number of a rolled-back transaction is handed out again');
    });

    it('never hands out a number twice to concurrent transactions', async () => {
      const counter = new SequenceCounter(engineOf(database.db), 'seq_counters', ['hall', 'day'], 'n');
      const got = await Promise.all(Array.from({ length: 20 }, () => inTransaction(database.db, (trx) => counter.next(trx, ['h3', 'd1']))));
      assert.deepEqual([...got].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('refuses a key of the wrong length', async () => {
      const counter = new SequenceCounter(engineOf(database.db), 'seq_counters', ['hall', 'day'], 'n');
      await assert.rejects(inTransaction(database.db, (trx) => counter.next(trx, ['h1'])), /a key of hall, day has 2 values/);
    });
  });
}
