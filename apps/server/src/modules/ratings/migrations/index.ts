import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const ratingMigrations: ModuleMigrations = {
  '2026120111_ratings': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('ratings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('rater_id', 'text', (c) => c.notNull())
        .addColumn('rater_name', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('dimensions_json', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('bad', 'integer', (c) => c.notNull())
        .addColumn('item_code', 'text')
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('hall_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('rect_status', 'text')
        .addColumn('due_at', 'text')
        .addColumn('task_id', 'text')
        .addColumn('assignment_id', 'text')
        .addColumn('outcome_kind', 'text')
        .addColumn('outcome_text', 'text')
        .addColumn('outcome_fix_by', 'text')
        .addColumn('outcome_at', 'text')
        .addColumn('outcome_by_id', 'text')
        .addColumn('outcome_by_name', 'text')
        .addColumn('appeal_status', 'text')
        .addColumn('appeal_reason', 'text')
        .addColumn('appeal_at', 'text')
        .addColumn('appeal_by_id', 'text')
        .addColumn('appeal_by_name', 'text')
        .addColumn('appeal_decided_at', 'text')
        .addColumn('appeal_decided_by_id', 'text')
        .addColumn('appeal_decided_by_name', 'text')
        .addColumn('appeal_comment', 'text')
        .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // 一事一评 / 一次一评: one rating per subject, enforced by the index under races too.
      await db.schema.createIndex('ratings_subject').on('ratings').columns(['subject_kind', 'subject_id']).unique().execute();
      await db.schema.createIndex('ratings_unit').on('ratings').columns(['unit_path', 'bad']).execute();
      await db.schema.createIndex('ratings_rater').on('ratings').columns(['rater_id', 'created_at']).execute();
      await db.schema
        .createTable('rating_callbacks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rating_id', 'text', (c) => c.notNull().references('ratings.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('logged_at', 'text', (c) => c.notNull())
        .addColumn('by_id', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('reached', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rating_callbacks_rating').on('rating_callbacks').columns(['rating_id', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['rating_callbacks', 'ratings']) await db.schema.dropTable(t).execute();
    },
  },
};
