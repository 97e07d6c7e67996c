import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from './engine.ts';

/**
 * Test harness: every repository and migration test runs on every engine
 * listed in `JING_TEST_ENGINES` (default `sqlite,postgres`).
 * PostgreSQL comes from `JING_TEST_DATABASE_URL` (the test runner creates a
 * throw-away database per run and sets it); each suite gets its own schema.
 */
export function testEngines(): Engine[] {
  const raw = process.env.JING_TEST_ENGINES ?? 'sqlite,postgres';
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of list) if (e !== 'sqlite' && e !== 'postgres') throw new Error(`JING_TEST_ENGINES: unknown engine ${e}`);
  return list as Engine[];
}

export function testPostgresUrl(): string {
  return process.env.JING_TEST_DATABASE_URL ?? process.env.JING_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase extends Database {
  /** A URL that opens the same database (for a second process or a restart). */
  url: string;
  /** Extra options needed with `url` (the schema on PostgreSQL). */
  schema?: string;
  /** Drops everything the test created. */
  cleanup(): Promise<void>;
}

/** A fresh, empty database on `engine`. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jing-test-'));
    const url = `sqlite:${join(dir, 'test.sqlite')}`;
    const database = openDatabase(url);
    return {
      ...database,
      url,
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = testPostgresUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const database = openDatabase(base, { schema, poolSize: 5 });
  return {
    ...database,
    url: base,
    schema,
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
  };
}
