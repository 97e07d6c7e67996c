import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, testEngines, type TestDatabase } from '@jing/db/testing';
import { GroupCommit } from './group-commit.ts';

for (const engine of testEngines()) {
  describe(`group commit: writes share transactions, each answered after its commit [${engine}]`, () => {
    let database: TestDatabase;
    const rows = async () => (await sql<{ k: string }>`select k from gc_items order by k`.execute(database.db)).rows.map((r) => r.k);

    before(async () => {
      database = await createTestDatabase(engine);
      await sql`create table gc_items (k text primary key)`.execute(database.db);
    });
    after(() => database.cleanup());

    it('puts writes that arrive together into one transaction and answers each with its own result', async () => {
      const gc = new GroupCommit(database.db);
      const keys = Array.from({ length: 20 }, (_, i) => `a${String(i).padStart(2, '0')}`);
      const results = await Promise.all(keys.map((k) => gc.run(async (trx) => {
        await sql`insert into gc_items (k) values (${k})`.execute(trx);
        return `done ${k}`;
      })));
      assert.deepEqual(results, keys.map((k) => `done ${k}`));
      assert.deepEqual(await rows(), keys);
      assert.equal(gc.stats.writes, 20);
      assert.equal(gc.stats.batches, 1, 'twenty writes arriving in one turn share one transaction');
    });

    it('fails only the write that fails: the rest of its batch is committed on its own', async () => {
      const gc = new GroupCommit(database.db);
      const outcomes = await Promise.allSettled(['b1', 'b2', 'a00', 'b3'].map((k) => gc.run(async (trx) => {
        await sql`insert into gc_items (k) values (${k})`.execute(trx); // a00 exists: a unique violation
        return k;
      })));
      assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      assert.deepEqual((await rows()).filter((k) => k.startsWith('b')), ['b1', 'b2', 'b3']);
      assert.equal(gc.stats.fallbacks, 1);
    });

    it('answers no write before its transaction has committed; a write that throws late leaves nothing of its batch behind', async () => {
      const gc = new GroupCommit(database.db);
      let answered = 0;
      const pending = ['c1', 'c2', 'c3'].map((k) => gc.run(async (trx) => {
        await sql`insert into gc_items (k) values (${k})`.execute(trx);
        return k;
      }).then((k) => {
        answered++;
        return k;
      }));
      // Still queued (the batch starts on the next turn of the event loop): nothing answered, nothing visible.
      assert.equal(answered, 0);
      await Promise.all(pending);
      assert.equal(answered, 3);
      assert.ok((await rows()).includes('c3'));

      // A write that throws after the others ran: none of them is kept, each is retried alone, and the thrower fails alone.
      const flaky = new Set(['d2']);
      const outcomes = await Promise.allSettled(['d1', 'd2', 'd3'].map((k) => gc.run(async (trx) => {
        await sql`insert into gc_items (k) values (${k})`.execute(trx);
        if (flaky.has(k)) throw new Error(`${k} refused`);
        return k;
      })));
      assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
      assert.match(String((outcomes[1] as PromiseRejectedResult).reason), /d2 refused/);
      assert.deepEqual((await rows()).filter((k) => k.startsWith('d')), ['d1', 'd3'], 'the failed write left nothing behind');
    });

    it('keeps batches to the size it is given, in arrival order', async () => {
      const gc = new GroupCommit(database.db, 4);
      const order: string[] = [];
      await Promise.all(Array.from({ length: 10 }, (_, i) => gc.run(async (trx) => {
        await sql`insert into gc_items (k) values (${`e${i}`})`.execute(trx);
        order.push(`e${i}`);
      })));
      assert.deepEqual(order, Array.from({ length: 10 }, (_, i) => `e${i}`));
      assert.equal(gc.stats.batches, 3);
    });
  });
}
