import { sql, type CompiledQuery, type Kysely, type QueryResult, type Transaction } from 'kysely';
import type { Statement as SqliteStatement } from 'better-sqlite3';
import { sqliteStatements, type Engine } from './engine.ts';

/**
 * Everything that differs between SQLite and PostgreSQL lives here, each with
 * the reason. Repositories call these instead of branching on the engine.
 */
export interface DialectHelper {
  engine: Engine;
  /** Largest number of rows per multi-row INSERT for `columns` columns. */
  batchRows(columns: number): number;
  /** True when `err` is a unique-constraint violation. */
  isUniqueViolation(err: unknown): boolean;
  /**
   * Serialises writers of one logical resource for the rest of the transaction.
   * SQLite has one writer at a time already (we open write transactions
   * IMMEDIATE-style through the first write); PostgreSQL needs an advisory lock.
   */
  lockResource(trx: Transaction<any>, key: number): Promise<void>;
  /** Case-insensitive "contains" pattern operator for a text column. */
  containsOp: 'like' | 'ilike';
}

export function dialectHelper(engine: Engine): DialectHelper {
  return {
    engine,
    // SQLite allows 32766 bound parameters since 3.32; PostgreSQL 65535. Stay well below both.
    batchRows: (columns) => Math.max(1, Math.floor((engine === 'sqlite' ? 30000 : 60000) / columns)),
    isUniqueViolation(err) {
      const e = err as { code?: string } | null;
      if (!e || typeof e !== 'object') return false;
      // better-sqlite3 uses SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; pg uses SQLSTATE 23505.
      return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    },
    async lockResource(trx, key) {
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
      // SQLite: the database-level write lock already serialises writers.
    },
    // SQLite's LIKE is case-insensitive for ASCII already; PostgreSQL needs ILIKE.
    containsOp: engine === 'sqlite' ? 'like' : 'ilike',
  };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `escape '\'`. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQLite transactions opened by `inTransaction`, with their database's statements. */
const directTransactions = new WeakMap<Transaction<any>, (sql: string) => SqliteStatement>();

/** Runs `fn` in a transaction. Kept as a function so callers do not depend on Kysely's API shape. */
export function inTransaction<T>(db: Kysely<any>, fn: (trx: Transaction<any>) => Promise<T>): Promise<T> {
  const prepare = sqliteStatements.get(db);
  if (!prepare) return db.transaction().execute(fn);
  return db.transaction().execute((trx) => {
    directTransactions.set(trx, prepare);
    return fn(trx);
  });
}

/**
 * Runs a compiled query (see `prepared`) inside `trx`. On SQLite it goes
 * straight to the cached better-sqlite3 statement: the transaction holds the
 * only connection, so this is the connection Kysely would use, without the
 * several promise hops Kysely's executor takes per statement (about a tenth of
 * an intake's CPU over a dozen statements, ADR 0014). On PostgreSQL it is
 * `trx.executeQuery`.
 */
export async function execute<R>(trx: Transaction<any>, query: CompiledQuery): Promise<QueryResult<R>> {
  const prepare = directTransactions.get(trx);
  if (!prepare) return trx.executeQuery<R>(query);
  const stmt = prepare(query.sql);
  if (stmt.reader) return { rows: stmt.all(query.parameters as unknown[]) as R[] };
  const r = stmt.run(query.parameters as unknown[]);
  return { rows: [], numAffectedRows: BigInt(r.changes) };
}

/**
 * Bounds for "every path that starts with `prefix`" as a range, which both
 * engines answer from a plain b-tree index (LIKE 'x%' does not use one in
 * SQLite, nor in PostgreSQL under a non-C collation). Paths end in '/', and
 * '0' is the byte right after '/', so `[prefix, prefix-with-last-'/'-as-'0')`
 * holds exactly the descendants and the unit itself. Needs a bytewise
 * collation: SQLite's default BINARY, PostgreSQL `COLLATE "C"` (see `pathCollation`).
 */
export function subtreeRange(prefix: string): [string, string] {
  if (!prefix.endsWith('/')) throw new Error('path prefix must end with /');
  return [prefix, `${prefix.slice(0, -1)}0`];
}

/** The engine behind a Kysely instance (for migrations, which get only `db`). */
export function engineOf(db: Kysely<any>): Engine {
  const name = db.getExecutor().adapter.constructor.name;
  return name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}
