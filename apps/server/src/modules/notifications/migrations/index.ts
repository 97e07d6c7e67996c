import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const notificationMigrations: ModuleMigrations = {
  '2026112830_notifications': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('notifications_account').on('notifications').columns(['account_id', 'created_at']).execute();
      // What the default SMS and e-mail adapters write: a real gateway would read and send it.
      await db.schema
        .createTable('notification_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notification_outbox_created').on('notification_outbox').columns(['created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('notification_outbox').execute();
      await db.schema.dropTable('notifications').execute();
    },
  },
};
