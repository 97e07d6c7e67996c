import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const open311Migrations: ModuleMigrations = {
  '2026112808_open311_keys': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('open311_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('open311_keys').execute();
    },
  },
};
