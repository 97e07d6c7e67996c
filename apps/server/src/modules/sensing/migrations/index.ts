import { sql, type Kysely } from 'kysely';
import { engineOf, type ModuleMigrations } from '@jing/db';

const sqlWithoutRowid = sql`without rowid`;

/**
 * Storage layout (ADR 0008): readings are one wide row per (time, device), clustered by time so that a
 * batch from a thousand interleaved devices appends at the end of one b-tree instead of touching a page
 * per device. Everything read per device goes through the hourly rollups, keyed (device, hour).
 * Concentrations are `double precision` on both engines: PostgreSQL's `real` is 4-byte and would turn
 * 0.3 mg/m³ of CO into 0.30000001, which changes GB/T 8170 rounding.
 */
export const sensingMigrations: ModuleMigrations = {
  '2026112815_sensing': {
    async up(db: Kysely<any>) {
      const sqlite = engineOf(db) === 'sqlite';
      await db.schema
        .createTable('sensing_networks')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('key_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('key_rotated_at', 'text')
        .execute();
      await db.schema
        .createTable('sensing_devices')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('network_id', 'integer', (c) => c.notNull().references('sensing_networks.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('district_code', 'text')
        .addColumn('district_name', 'text')
        .addColumn('street_code', 'text')
        .addColumn('street_name', 'text')
        .addColumn('pollutants', 'text', (c) => c.notNull())
        .addColumn('interval_seconds', 'integer', (c) => c.notNull())
        .addColumn('calibration_notes', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sensing_devices_network').on('sensing_devices').columns(['network_id', 'code']).execute();
      await db.schema.createIndex('sensing_devices_type').on('sensing_devices').columns(['type', 'code']).execute();
      // t: epoch milliseconds; qc: 4 flag bits per pollutant (see qc.ts).
      let readings = db.schema
        .createTable('sensing_readings')
        .addColumn('t', 'bigint', (c) => c.notNull())
        .addColumn('device_id', 'integer', (c) => c.notNull())
        .addColumn('pm25', 'double precision')
        .addColumn('pm10', 'double precision')
        .addColumn('so2', 'double precision')
        .addColumn('no2', 'double precision')
        .addColumn('co', 'double precision')
        .addColumn('o3', 'double precision')
        .addColumn('qc', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('sensing_readings_pk', ['t', 'device_id']);
      // SQLite: WITHOUT ROWID makes the primary key the table itself (one b-tree, clustered by time);
      // PostgreSQL heaps are append-ordered anyway and the key index grows at its right edge.
      if (sqlite) readings = readings.modifyEnd(sqlWithoutRowid);
      await readings.execute();
      let hourly = db.schema
        .createTable('sensing_hourly')
        .addColumn('device_id', 'integer', (c) => c.notNull())
        .addColumn('hour', 'bigint', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('flagged', 'integer', (c) => c.notNull())
        .addColumn('first_t', 'bigint', (c) => c.notNull())
        .addColumn('last_t', 'bigint', (c) => c.notNull());
      for (const p of ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3']) hourly = hourly.addColumn(p, 'double precision').addColumn(`${p}_n`, 'integer', (c) => c.notNull());
      hourly = hourly.addPrimaryKeyConstraint('sensing_hourly_pk', ['device_id', 'hour']);
      if (sqlite) hourly = hourly.modifyEnd(sqlWithoutRowid);
      await hourly.execute();
      await db.schema.createTable('sensing_dirty_hours').addColumn('hour', 'bigint', (c) => c.primaryKey()).execute();
      await db.schema
        .createTable('sensing_device_status')
        .addColumn('device_id', 'integer', (c) => c.primaryKey())
        .addColumn('first_t', 'bigint', (c) => c.notNull())
        .addColumn('last_t', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['sensing_device_status', 'sensing_dirty_hours', 'sensing_hourly', 'sensing_readings', 'sensing_devices', 'sensing_networks']) await db.schema.dropTable(t).execute();
    },
  },
};
