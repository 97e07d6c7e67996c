import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const supervisionMigrations: ModuleMigrations = {
  '2026112805_supervision': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('supervision_tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_ref', 'text')
        .addColumn('issuer_unit_code', 'text', (c) => c.notNull())
        .addColumn('issuer_unit_path', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('supervision_tasks_issuer').on('supervision_tasks').columns(['issuer_unit_path']).execute();
      await db.schema
        .createTable('supervision_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_tasks.id').onDelete('cascade'))
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('requested_due_at', 'text')
        .addColumn('accepted_at', 'text')
        .addColumn('reported_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('escalations', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('score', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('supervision_assignments_task').on('supervision_assignments').column('task_id').execute();
      await db.schema.createIndex('supervision_assignments_unit').on('supervision_assignments').columns(['unit_code', 'status']).execute();
      await db.schema.createIndex('supervision_assignments_due').on('supervision_assignments').columns(['status', 'due_at']).execute();
      await db.schema
        .createTable('supervision_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('assignment_id', 'text', (c) => c.notNull().references('supervision_assignments.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('data_json', 'text')
        .execute();
      await db.schema.createIndex('supervision_events_assignment').on('supervision_events').columns(['assignment_id', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['supervision_events', 'supervision_assignments', 'supervision_tasks']) await db.schema.dropTable(t).execute();
    },
  },
};
