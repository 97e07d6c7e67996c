import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '@jing/db';

export const hallMigrations: ModuleMigrations = {
  '2026120110_halls': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('halls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text')
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('phone', 'text')
        .addColumn('open_days', 'text', (c) => c.notNull())
        .addColumn('opens', 'text', (c) => c.notNull())
        .addColumn('closes', 'text', (c) => c.notNull())
        .addColumn('hours_note', 'text')
        .addColumn('slot_minutes', 'integer', (c) => c.notNull())
        .addColumn('slot_capacity', 'integer', (c) => c.notNull())
        .addColumn('booking_days', 'integer', (c) => c.notNull())
        .addColumn('items_json', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('halls_unit').on('halls').column('unit_path').execute();
      await db.schema
        .createTable('hall_windows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('items_json', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('current_visit_id', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('hall_windows_number').on('hall_windows').columns(['hall_id', 'number']).unique().execute();
      // One row per slot of a day, made when the day is first asked for: the seat count
      // lives on the row, so booking is one conditional UPDATE (booked < capacity) on both engines.
      await db.schema
        .createTable('hall_slots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('start_min', 'integer', (c) => c.notNull())
        .addColumn('end_min', 'integer', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('hall_slots_day').on('hall_slots').columns(['hall_id', 'date', 'start_min']).unique().execute();
      await db.schema
        .createTable('hall_appointments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
        .addColumn('slot_id', 'text', (c) => c.notNull().references('hall_slots.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('start_min', 'integer', (c) => c.notNull())
        .addColumn('end_min', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('item_code', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        // slot id + account while booked, null otherwise: one active booking per person per slot.
        .addColumn('active_key', 'text')
        .addColumn('ticket_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('cancelled_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('hall_appointments_active').on('hall_appointments').column('active_key').unique().execute();
      await db.schema.createIndex('hall_appointments_code').on('hall_appointments').columns(['hall_id', 'code']).unique().execute();
      await db.schema.createIndex('hall_appointments_account').on('hall_appointments').columns(['account_id', 'created_at']).execute();
      await db.schema
        .createTable('hall_ticket_counters')
        .addColumn('hall_id', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('last_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('hall_ticket_counters_pk', ['hall_id', 'date', 'prefix'])
        .execute();
      await db.schema
        .createTable('hall_tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('appointment_id', 'text')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('account_name', 'text', (c) => c.notNull())
        .addColumn('item_code', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('visit_id', 'text')
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addColumn('called_at', 'text')
        .execute();
      await db.schema.createIndex('hall_tickets_label').on('hall_tickets').columns(['hall_id', 'date', 'label']).unique().execute();
      await db.schema.createIndex('hall_tickets_queue').on('hall_tickets').columns(['hall_id', 'date', 'status']).execute();
      await db.schema.createIndex('hall_tickets_account').on('hall_tickets').columns(['account_id', 'taken_at']).execute();
      await db.schema
        .createTable('hall_visits')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('hall_tickets.id'))
        .addColumn('ticket_label', 'text', (c) => c.notNull())
        .addColumn('hall_id', 'text', (c) => c.notNull())
        .addColumn('window_id', 'text', (c) => c.notNull())
        .addColumn('clerk_id', 'text', (c) => c.notNull())
        .addColumn('clerk_name', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('account_name', 'text', (c) => c.notNull())
        .addColumn('item_code', 'text')
        .addColumn('application_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('called_at', 'text', (c) => c.notNull())
        .addColumn('served_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('hall_visits_hall').on('hall_visits').columns(['hall_id', 'called_at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['hall_visits', 'hall_tickets', 'hall_ticket_counters', 'hall_appointments', 'hall_slots', 'hall_windows', 'halls']) await db.schema.dropTable(t).execute();
    },
  },
};
