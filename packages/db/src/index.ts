export * from './engine.ts';
export * from './dialect.ts';
export * from './migrations.ts';
export * from './time.ts';
export * from './prepared.ts';
export { sql } from 'kysely';
export type { Kysely, Transaction, Selectable, Insertable, Updateable, Generated } from 'kysely';
