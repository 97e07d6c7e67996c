import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const noticeMigrations: ModuleMigrations = {
  '2026112806_notices': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('issuer_unit_code', 'text', (c) => c.notNull())
        .addColumn('issuer_id', 'text')
        .addColumn('target_unit_code', 'text', (c) => c.notNull())
        .addColumn('target_path', 'text', (c) => c.notNull())
        .addColumn('requires_ack', 'integer', (c) => c.notNull())
        .addColumn('ack_due_at', 'text')
        .addColumn('published_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notices_target').on('notices').columns(['target_path', 'published_at']).execute();
      await db.schema
        .createTable('notice_receipts')
        .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id').onDelete('cascade'))
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('acked_at', 'text')
        .addPrimaryKeyConstraint('notice_receipts_pk', ['notice_id', 'account_id'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('notice_receipts').execute();
      await db.schema.dropTable('notices').execute();
    },
  },
};
