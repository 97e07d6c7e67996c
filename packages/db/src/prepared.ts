import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Engine } from './engine.ts';
import { engineOf, execute } from './dialect.ts';

/**
 * A statement of a hot write path written once, in SQL both engines accept,
 * with `?` placeholders (numbered `$1…` for PostgreSQL). It is handed to the
 * driver as compiled, skipping Kysely's query builder: building and compiling
 * an insert of 40 columns cost more CPU than SQLite took to run it (ADR 0014).
 * SQLite reuses the prepared statement by its text (engine.ts).
 */
export function prepared(engine: Engine, text: string): (params: readonly unknown[]) => CompiledQuery {
  let n = 0;
  const compiled = engine === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
  return (params) => CompiledQuery.raw(compiled, params as unknown[]);
}

/**
 * A numbered series kept in a table of counters, one row per key (a day, or a
 * hall, day and prefix): `next` inserts the row at 1 or increments it, in one
 * upsert that both engines run atomically. Inside a transaction the row stays
 * locked until commit, so a number is never handed out twice and a rolled-back
 * transaction gives its number back.
 */
export class SequenceCounter {
  private readonly upsert: (params: readonly unknown[]) => CompiledQuery;

  constructor(
    engine: Engine,
    table: string,
    private readonly keys: readonly string[],
    private readonly value: string,
  ) {
    const cols = keys.join(', ');
    this.upsert = prepared(
      engine,
      `insert into ${table} (${cols}, ${value}) values (${keys.map(() => '?').join(', ')}, 1) on conflict (${cols}) do update set ${value} = ${table}.${value} + 1 returning ${value}`,
    );
  }

  /** The next number for `key` (values in the order of the key columns). */
  async next(trx: Transaction<any>, key: readonly unknown[]): Promise<number> {
    if (key.length !== this.keys.length) throw new Error(`a key of ${this.keys.join(', ')} has ${this.keys.length} values`);
    const r = await execute<Record<string, number | string>>(trx, this.upsert(key));
    return Number(r.rows[0]![this.value]);
  }
}

/**
 * `select * from <table> where <column> = ?`, compiled once: for lookups by
 * key that run on every request of a hot path (a file, a certificate, an
 * account), where building the query cost more than running it. Inside `trx`
 * when one is given.
 */
export function lookupBy<R>(db: Kysely<any>, table: string, column: string): (value: unknown, trx?: Transaction<any>) => Promise<R | undefined> {
  const q = prepared(engineOf(db), `select * from ${table} where ${column} = ?`);
  return async (value, trx) => (trx ? await execute<R>(trx, q([value])) : await db.executeQuery<R>(q([value]))).rows[0];
}
