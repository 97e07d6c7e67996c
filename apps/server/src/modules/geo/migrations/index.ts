import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const geoMigrations: ModuleMigrations = {
  '2026112803_geo_boundaries': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('geo_boundaries')
        .addColumn('unit_code', 'text', (c) => c.primaryKey())
        .addColumn('parent_code', 'text')
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('geometry', 'text', (c) => c.notNull())
        .addColumn('min_lng', 'double precision', (c) => c.notNull())
        .addColumn('min_lat', 'double precision', (c) => c.notNull())
        .addColumn('max_lng', 'double precision', (c) => c.notNull())
        .addColumn('max_lat', 'double precision', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('geo_boundaries_parent').on('geo_boundaries').column('parent_code').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('geo_boundaries').execute();
    },
  },
};
