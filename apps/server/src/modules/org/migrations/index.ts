import { sql, type Kysely } from 'kysely';
import { engineOf, type ModuleMigrations } from '@jing/db';

export const orgMigrations: ModuleMigrations = {
  '2026112801_org_units': {
    async up(db: Kysely<any>) {
      const pg = engineOf(db) === 'postgres';
      await db.schema
        .createTable('org_units')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        // Materialised path '/110000/110105/110105001/' (ADR 0004). Bytewise
        // collation so subtree range scans use the index on PostgreSQL too.
        .addColumn('path', 'text', (c) => (pg ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull()))
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('agency_type', 'text')
        .addColumn('child_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('org_units_parent').on('org_units').columns(['parent_code', 'code']).execute();
      await db.schema.createIndex('org_units_path').on('org_units').column('path').execute();
      await db.schema.createIndex('org_units_agency').on('org_units').columns(['agency_type', 'parent_code']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('org_units').execute();
    },
  },
};
