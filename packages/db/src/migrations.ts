import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

/**
 * Migrations are owned by modules. Each module exports a record of migrations
 * whose names start with a sortable stamp (`2026112801_org_units`), so the
 * union of all modules applies in a deterministic order on every engine.
 */
export type ModuleMigrations = Record<string, Migration>;

class CombinedProvider implements MigrationProvider {
  constructor(private readonly sets: ModuleMigrations[]) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const all: Record<string, Migration> = {};
    for (const set of this.sets) {
      for (const [name, m] of Object.entries(set)) {
        if (all[name]) throw new Error(`duplicate migration name ${name}`);
        all[name] = m;
      }
    }
    return all;
  }
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? '↑' : '↓'} ${r.migrationName}`);
}

export function createMigrator(db: Kysely<any>, sets: ModuleMigrations[]): Migrator {
  return new Migrator({ db, provider: new CombinedProvider(sets), migrationTableName: 'jing_migrations', migrationLockTableName: 'jing_migrations_lock' });
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<any>, sets: ModuleMigrations[]): Promise<string[]> {
  return check(await createMigrator(db, sets).migrateToLatest());
}

/** Reverts every migration, newest first; returns the names reverted. */
export async function migrateAllDown(db: Kysely<any>, sets: ModuleMigrations[]): Promise<string[]> {
  const migrator = createMigrator(db, sets);
  const done: string[] = [];
  for (;;) {
    const applied = (await migrator.getMigrations()).filter((m) => m.executedAt);
    if (applied.length === 0) return done;
    done.push(...check(await migrator.migrateDown()));
  }
}
