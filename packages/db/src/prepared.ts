import { CompiledQuery, type Transaction } from 'kysely';
import type { Engine } from './engine.ts';

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
    const r = await trx.executeQuery<Record<string, number | string>>(this.upsert(key));
    return Number(r.rows[0]![this.value]);
  }
}
