import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';
import { gridCell } from '../geo-distance.ts';

export const caseMigrations: ModuleMigrations = {
  '2026112807_cases': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('category_code', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('address', 'text')
        .addColumn('district_code', 'text')
        .addColumn('street_code', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('handler_unit_code', 'text')
        .addColumn('handler_unit_path', 'text')
        .addColumn('anonymous', 'integer', (c) => c.notNull())
        .addColumn('reporter_id', 'text')
        .addColumn('reporter_name', 'text')
        .addColumn('reporter_phone_enc', 'text')
        .addColumn('reporter_phone_index', 'text')
        .addColumn('reporter_phone_masked', 'text')
        .addColumn('sign_due_at', 'text')
        .addColumn('contact_due_at', 'text')
        .addColumn('resolve_due_at', 'text')
        .addColumn('signed_at', 'text')
        .addColumn('contacted_at', 'text')
        .addColumn('replied_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('contacted_on_time', 'integer')
        .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('duplicate_of', 'text')
        .addColumn('rating_contacted', 'integer')
        .addColumn('rating_resolved', 'integer')
        .addColumn('rating_satisfaction', 'text')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_handler').on('cases').columns(['handler_unit_code', 'status']).execute();
      await db.schema.createIndex('cases_reporter').on('cases').columns(['reporter_id', 'created_at']).execute();
      await db.schema.createIndex('cases_phone').on('cases').columns(['reporter_phone_index', 'created_at']).execute();
      await db.schema.createIndex('cases_dup').on('cases').columns(['category_code', 'created_at']).execute();
      await db.schema
        .createTable('case_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('unit_code', 'text')
        .addColumn('text', 'text')
        .execute();
      await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'at']).execute();
      await db.schema
        .createTable('case_counters')
        .addColumn('day', 'text', (c) => c.primaryKey())
        .addColumn('n', 'integer', (c) => c.notNull())
        .execute();
      // Monthly rollups per handling unit, kept as cases move, so league tables never scan cases.
      await db.schema
        .createTable('case_rollups')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('cases', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('responded', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sat_very_satisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sat_satisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sat_basically_satisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sat_dissatisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sat_very_dissatisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('case_rollups_pk', ['month', 'unit_code'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['case_rollups', 'case_counters', 'case_events', 'cases']) await db.schema.dropTable(t).execute();
    },
  },
  '2026112809_cases_participants_extensions': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('cases').addColumn('extension_due_at', 'text').execute();
      await db.schema.alterTable('cases').addColumn('extension_reason', 'text').execute();
      // 协办 assisting units and 吹哨报到 summoned agencies.
      await db.schema
        .createTable('case_participants')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('invited_at', 'text', (c) => c.notNull())
        .addColumn('checkin_due_at', 'text')
        .addColumn('checked_in_at', 'text')
        .addColumn('score', 'integer')
        .addColumn('comment', 'text')
        .addPrimaryKeyConstraint('case_participants_pk', ['case_id', 'unit_code'])
        .execute();
      await db.schema.createIndex('case_participants_unit').on('case_participants').columns(['unit_code', 'case_id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('case_participants').execute();
      await db.schema.alterTable('cases').dropColumn('extension_reason').execute();
      await db.schema.alterTable('cases').dropColumn('extension_due_at').execute();
    },
  },
  '2026112810_cases_proactive': {
    async up(db: Kysely<any>) {
      // Counts per street, category and month, kept at intake, for 未诉先办 trend detection.
      await db.schema
        .createTable('case_category_rollups')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('street_code', 'text', (c) => c.notNull())
        .addColumn('category_code', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_category_rollups_pk', ['month', 'street_code', 'category_code'])
        .execute();
      await db.schema
        .createTable('case_proactive_alerts')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('street_code', 'text', (c) => c.notNull())
        .addColumn('category_code', 'text', (c) => c.notNull())
        .addColumn('task_id', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('baseline', 'double precision', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_proactive_alerts_pk', ['month', 'street_code', 'category_code'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('case_proactive_alerts').execute();
      await db.schema.dropTable('case_category_rollups').execute();
    },
  },
  '2026112812_case_attachments': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('case_attachments')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('file_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text')
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_attachments_pk', ['case_id', 'file_id'])
        .execute();
      await db.schema.createIndex('case_attachments_file').on('case_attachments').column('file_id').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('case_attachments').execute();
    },
  },
  '2026112813_case_links': {
    async up(db: Kysely<any>) {
      // Merge and split keep both histories: the link is a row, not a rewrite.
      await db.schema
        .createTable('case_links')
        .addColumn('from_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('to_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_links_pk', ['from_id', 'to_id', 'kind'])
        .execute();
      await db.schema.createIndex('case_links_to').on('case_links').columns(['to_id', 'kind']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('case_links').execute();
    },
  },
  '2026112890_cases_geo_cell': {
    async up(db: Kysely<any>) {
      // The duplicate check reads recent cases of a category by grid cell (ADR 0014).
      await db.schema.alterTable('cases').addColumn('geo_cell', 'integer').execute();
      const pinned = await db.selectFrom('cases').select(['id', 'lng', 'lat']).where('lng', 'is not', null).where('lat', 'is not', null).execute();
      for (const c of pinned) await db.updateTable('cases').set({ geo_cell: gridCell({ lng: Number(c.lng), lat: Number(c.lat) }) }).where('id', '=', c.id).execute();
      await db.schema.createIndex('cases_dup_cell').on('cases').columns(['category_code', 'geo_cell', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('cases_dup_cell').execute();
      await db.schema.alterTable('cases').dropColumn('geo_cell').execute();
    },
  },
  '2026120210_cases_near': {
    async up(db: Kysely<any>) {
      // The duplicate check filters on the pin's box inside the index (ADR 0014): a case's row is read only when
      // it is near, and one index now serves what cases_dup and cases_dup_cell did (a category's cases by time).
      await db.schema.createIndex('cases_near').on('cases').columns(['category_code', 'geo_cell', 'created_at', 'lng', 'lat']).execute();
      await db.schema.dropIndex('cases_dup_cell').execute();
      await db.schema.dropIndex('cases_dup').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.createIndex('cases_dup').on('cases').columns(['category_code', 'created_at']).execute();
      await db.schema.createIndex('cases_dup_cell').on('cases').columns(['category_code', 'geo_cell', 'created_at']).execute();
      await db.schema.dropIndex('cases_near').execute();
    },
  },
};
