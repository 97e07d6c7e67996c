import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const fileMigrations: ModuleMigrations = {
  '2026112811_files': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('owner_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('files_owner').on('files').column('owner_id').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('files').execute();
    },
  },
};
