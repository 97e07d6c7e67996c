import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const inboxMigrations: ModuleMigrations = {
  '2026112804_inbox_work_items': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('work_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('module', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text')
        .addColumn('yellow_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .execute();
      await db.schema.createIndex('work_items_assignee').on('work_items').columns(['assignee_id', 'status', 'due_at']).execute();
      await db.schema.createIndex('work_items_unit').on('work_items').columns(['unit_code', 'status', 'due_at']).execute();
      await db.schema.createIndex('work_items_source').on('work_items').columns(['module', 'source_id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('work_items').execute();
    },
  },
};
