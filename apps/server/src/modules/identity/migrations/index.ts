import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const identityMigrations: ModuleMigrations = {
  '2026112802_identity': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        // Staff: unit and a copy of its path, so scoped lists need no join into the org module.
        .addColumn('unit_code', 'text')
        .addColumn('unit_path', 'text')
        .addColumn('position', 'text')
        // Personal identifiers: encrypted, with a keyed blind index for uniqueness and lookup.
        .addColumn('id_number_enc', 'text')
        .addColumn('id_number_index', 'text', (c) => c.unique())
        .addColumn('id_number_masked', 'text')
        .addColumn('phone_enc', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('uscc', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('accounts_unit').on('accounts').columns(['unit_code']).execute();
      await db.schema.createIndex('accounts_unit_path').on('accounts').columns(['unit_path']).execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('acting_for_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();
      await db.schema
        .createTable('role_grants')
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('granted_by', 'text')
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('role_grants_pk', ['account_id', 'role', 'unit_code'])
        .execute();
      await db.schema
        .createTable('business_members')
        .addColumn('business_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('business_members_pk', ['business_id', 'person_id'])
        .execute();
      await db.schema.createIndex('business_members_person').on('business_members').column('person_id').execute();
      await db.schema
        .createTable('delegations')
        .addColumn('principal_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('delegate_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('until', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('delegations_pk', ['principal_id', 'delegate_id'])
        .execute();
      await db.schema.createIndex('delegations_delegate').on('delegations').column('delegate_id').execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['delegations', 'business_members', 'role_grants', 'sessions', 'accounts']) await db.schema.dropTable(t).execute();
    },
  },
};
