import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const knowledgeMigrations: ModuleMigrations = {
  '2026112814_knowledge': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('knowledge_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('category_code', 'text')
        .addColumn('keywords', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('knowledge_entries').execute();
    },
  },
};
