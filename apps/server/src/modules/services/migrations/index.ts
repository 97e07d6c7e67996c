import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const serviceMigrations: ModuleMigrations = {
  '2026112820_services': {
    async up(db: Kysely<any>) {
      // One row per item: what the catalogue search reads (the published version's fields).
      await db.schema
        .createTable('service_items')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('published_version', 'integer')
        .addColumn('latest_version', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('department_type', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Every version of every item; a published or retired version never changes again.
      await db.schema
        .createTable('service_item_versions')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('retired_at', 'text')
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('service_item_versions_pk', ['code', 'version'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('service_item_versions').execute();
      await db.schema.dropTable('service_items').execute();
    },
  },
};
