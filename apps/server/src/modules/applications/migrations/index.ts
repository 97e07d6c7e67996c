import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const applicationMigrations: ModuleMigrations = {
  '2026112832_applications': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('applications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('item_code', 'text', (c) => c.notNull())
        .addColumn('item_version', 'integer', (c) => c.notNull())
        .addColumn('item_name', 'text', (c) => c.notNull())
        .addColumn('situation', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('step_index', 'integer')
        .addColumn('applicant_id', 'text', (c) => c.notNull())
        .addColumn('applicant_kind', 'text', (c) => c.notNull())
        .addColumn('applicant_name', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text')
        .addColumn('submitted_by_name', 'text')
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('form_json', 'text', (c) => c.notNull())
        .addColumn('correction_json', 'text')
        .addColumn('special_json', 'text')
        .addColumn('decision_json', 'text')
        .addColumn('certificate_id', 'text')
        .addColumn('accepted_at', 'text')
        .addColumn('promised_due_at', 'text')
        .addColumn('statutory_due_at', 'text')
        .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .execute();
      await db.schema.createIndex('applications_applicant').on('applications').columns(['applicant_id', 'submitted_at']).execute();
      await db.schema.createIndex('applications_unit').on('applications').columns(['unit_path', 'status']).execute();
      await db.schema.createIndex('applications_due').on('applications').columns(['status', 'promised_due_at']).execute();
      await db.schema
        .createTable('application_counters')
        .addColumn('day', 'text', (c) => c.primaryKey())
        .addColumn('n', 'integer', (c) => c.notNull())
        .execute();
      // One row per attached file, or one per certificate referenced instead of uploaded (免提交).
      await db.schema
        .createTable('application_materials')
        .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('file_id', 'text')
        .addColumn('certificate_id', 'text')
        .addPrimaryKeyConstraint('application_materials_pk', ['application_id', 'code', 'position'])
        .execute();
      await db.schema.createIndex('application_materials_file').on('application_materials').column('file_id').execute();
      // Stretches when the limit does not run: corrections after acceptance, special steps outside the limit.
      await db.schema
        .createTable('application_pauses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
        .addColumn('from_at', 'text', (c) => c.notNull())
        .addColumn('to_at', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('application_pauses_application').on('application_pauses').columns(['application_id', 'from_at']).execute();
      await db.schema
        .createTable('application_countersigns')
        .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
        .addColumn('step_index', 'integer', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('signed_at', 'text')
        .addColumn('signed_by', 'text')
        .addColumn('agree', 'integer')
        .addColumn('opinion', 'text')
        .addPrimaryKeyConstraint('application_countersigns_pk', ['application_id', 'step_index', 'unit_code'])
        .execute();
      await db.schema.createIndex('application_countersigns_unit').on('application_countersigns').columns(['unit_path']).execute();
      await db.schema
        .createTable('application_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('unit_code', 'text')
        .addColumn('channel', 'text')
        .addColumn('text', 'text')
        .addColumn('data_json', 'text')
        .execute();
      await db.schema.createIndex('application_events_application').on('application_events').columns(['application_id', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['application_events', 'application_countersigns', 'application_pauses', 'application_materials', 'application_counters', 'applications']) await db.schema.dropTable(t).execute();
    },
  },
};
