import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import { BACKSTOP_PAGES, startCheckpointer } from './checkpointer.ts';

export type Engine = 'sqlite' | 'postgres';

/** An open database: the Kysely instance plus what the dialect helper needs to know. */
export interface Database {
  db: Kysely<any>;
  engine: Engine;
  /** Pool statistics for /metrics (SQLite: one connection). */
  poolStats(): { total: number; idle: number; waiting: number };
  /**
   * Runs a compiled read (`sql\`…\`.compile(db)`) and answers its rows as arrays of column values, in select
   * order. For bulk reads only (years of hourly rows): there, building an object per row costs more than the
   * query. Outside transactions; each engine's way is explained where `openDatabase` builds it.
   */
  selectArrays(query: { sql: string; parameters: readonly unknown[] }): Promise<unknown[][]>;
  close(): Promise<void>;
}

/**
 * The cached statements of each SQLite database, by its Kysely instance: what
 * `execute` (dialect.ts) runs a compiled query with inside a transaction.
 */
export const sqliteStatements = new WeakMap<Kysely<any>, (sql: string) => SqliteDatabase.Statement>();

/** Raw-mode statements by SQL text (bounded): raw mode is a property of a statement, so they are not shared with Kysely's. */
function rawStatements(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return (text: string) => {
    let stmt = cache.get(text);
    if (!stmt) {
      if (cache.size >= 200) cache.clear();
      stmt = sqlite.prepare(text).raw(true);
      cache.set(text, stmt);
    }
    return stmt;
  };
}

// pg returns int8 and numeric as strings by default; our counts and sequence
// numbers fit in 2^53, so parse them as numbers on both engines alike.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/**
 * better-sqlite3 behind Kysely prepares every query anew, and preparing costs
 * more than running a short statement. Kysely compiles the same SQL text for
 * the same query shape, so statements are cached by text (bounded; the
 * driver runs one statement at a time, so reuse is safe).
 */
function statementCache(db: SqliteDatabase.Database): (sql: string) => SqliteDatabase.Statement {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = db.prepare.bind(db);
  return (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= 2000) cache.clear();
      stmt = prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}

function withStatementCache(db: SqliteDatabase.Database, prepare: (sql: string) => SqliteDatabase.Statement): SqliteDatabase.Database {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
      return prepare;
    },
  });
}

/**
 * Opens a database from a URL: `sqlite:<file>` (or `sqlite::memory:`) or `postgres://…`.
 * `schema` (PostgreSQL only) sets the search path, which the test harness uses
 * to give every suite its own throw-away schema.
 */
export function openDatabase(url: string, opts: { schema?: string; poolSize?: number } = {}): Database {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    const path = file === ':memory:' ? ':memory:' : resolve(file);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SqliteDatabase(path);
    // WAL lets readers run beside the one writer; NORMAL sync is durable across
    // process crashes (a power cut may lose the last transactions, see ADR 0003).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Checkpoints run in a worker thread, not inside this connection's commits (checkpointer.ts).
    const checkpointer = path === ':memory:' ? null : startCheckpointer(path);
    if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    const prepare = statementCache(sqlite);
    const dialect: Dialect = new SqliteDialect({ database: withStatementCache(sqlite, prepare) });
    const db = new Kysely<any>({ dialect });
    sqliteStatements.set(db, prepare);
    const raw = rawStatements(sqlite);
    return {
      db,
      engine: 'sqlite',
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      // better-sqlite3's raw mode hands back arrays (about 4× faster than Kysely's row objects over 400,000
      // rows). Run while holding Kysely's one connection, so a Kysely transaction is never open under us.
      selectArrays: (q) => db.connection().execute(async () => raw(q.sql).all(...q.parameters) as unknown[][]),
      close: async () => {
        await checkpointer?.stop();
        sqlite.close();
      },
    };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => {});
    let closed = false;
    return {
      db: new Kysely<any>({ dialect: new PostgresDialect({ pool }) }),
      engine: 'postgres',
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      // pg's array row mode skips building an object per row; the parsers (int8 as number) still apply.
      selectArrays: async (q) => (await pool.query({ text: q.sql, values: [...q.parameters], rowMode: 'array' })).rows as unknown[][],
      close: async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${url.split(':')[0]}:…"`);
}
