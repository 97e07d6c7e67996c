import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const certificateMigrations: ModuleMigrations = {
  '2026112831_certificates': {
    async up(db: Kysely<any>) {
      // Public halves of every signing key the platform has used; private keys stay in the var dir.
      await db.schema
        .createTable('certificate_keys')
        .addColumn('key_id', 'text', (c) => c.primaryKey())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('retired_at', 'text')
        .execute();
      await db.schema
        .createTable('certificates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('holder_id', 'text', (c) => c.notNull())
        .addColumn('holder_kind', 'text', (c) => c.notNull())
        .addColumn('holder_name', 'text', (c) => c.notNull())
        .addColumn('holder_identifier', 'text', (c) => c.notNull())
        .addColumn('issuer_code', 'text', (c) => c.notNull())
        .addColumn('issuer_name', 'text', (c) => c.notNull())
        .addColumn('issuer_path', 'text', (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text')
        .addColumn('application_id', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_reason', 'text')
        .execute();
      await db.schema.createIndex('certificates_holder').on('certificates').columns(['holder_id', 'type']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('certificates').execute();
      await db.schema.dropTable('certificate_keys').execute();
    },
  },
};
