import { sql, type Kysely } from 'kysely';
import { engineOf, type ModuleMigrations } from '@jing/db';
import { DEFAULT_RULES } from '../alerts.rules.ts';

/**
 * 一微克 work: the weather beside each station's hours (for deweathering), alert rules and alerts that
 * become 督办 tasks, each device's responsible unit (属地), and the register of measures.
 */
export const airWorkMigrations: ModuleMigrations = {
  '2026113010_air_work': {
    async up(db: Kysely<any>) {
      // Org paths are compared as byte ranges (subtreeRange): PostgreSQL needs the C collation for that.
      const pg = engineOf(db) === 'postgres';
      const path = (c: any) => (pg ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull());
      let weather = db.schema
        .createTable('air_weather')
        .addColumn('device_id', 'integer', (c) => c.notNull())
        .addColumn('hour', 'bigint', (c) => c.notNull())
        .addColumn('temp', 'double precision')
        .addColumn('pres', 'double precision')
        .addColumn('dewp', 'double precision')
        .addColumn('rain', 'double precision')
        .addColumn('wspm', 'double precision')
        .addColumn('wd', 'text');
      weather = weather.addPrimaryKeyConstraint('air_weather_pk', ['device_id', 'hour']);
      await weather.execute();

      await db.schema
        .createTable('air_alert_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('device_types', 'text', (c) => c.notNull())
        .addColumn('pollutant', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('params_json', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      const now = new Date().toISOString();
      for (const r of DEFAULT_RULES) {
        await db
          .insertInto('air_alert_rules')
          .values({ id: r.id, kind: r.kind, device_types: r.deviceTypes.join(','), pollutant: r.pollutant, enabled: r.enabled ? 1 : 0, params_json: JSON.stringify(r.params), version: 0, updated_at: now })
          .execute();
      }

      await db.schema
        .createTable('air_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('pollutant', 'text', (c) => c.notNull())
        .addColumn('device_id', 'integer', (c) => c.notNull())
        .addColumn('device_code', 'text', (c) => c.notNull())
        .addColumn('device_type', 'text', (c) => c.notNull())
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('district_code', 'text')
        .addColumn('district_path', 'text', path)
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('first_hour', 'bigint', (c) => c.notNull())
        .addColumn('last_bad_hour', 'bigint', (c) => c.notNull())
        .addColumn('last_hour', 'bigint', (c) => c.notNull())
        .addColumn('bad_hours', 'integer', (c) => c.notNull())
        .addColumn('clean_hours', 'integer', (c) => c.notNull())
        .addColumn('peak', 'double precision')
        .addColumn('peak_baseline', 'double precision')
        .addColumn('task_id', 'text')
        .addColumn('assignment_id', 'text')
        .addColumn('report_json', 'text')
        .addColumn('reported_at', 'text')
        .addColumn('reported_hour', 'bigint')
        .addColumn('returns', 'integer', (c) => c.notNull())
        .addColumn('raised_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('note', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('air_alerts_rule_device').on('air_alerts').columns(['rule_id', 'device_id', 'first_hour']).execute();
      await db.schema.createIndex('air_alerts_status').on('air_alerts').columns(['status', 'raised_at']).execute();
      await db.schema.createIndex('air_alerts_unit').on('air_alerts').columns(['unit_code', 'status']).execute();

      await db.schema
        .createTable('air_alert_files')
        .addColumn('file_id', 'text', (c) => c.notNull())
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('air_alert_files_pk', ['file_id', 'alert_id'])
        .execute();

      await db.schema
        .createTable('air_device_duty')
        .addColumn('device_code', 'text', (c) => c.primaryKey())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('air_measures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('place_kind', 'text', (c) => c.notNull())
        .addColumn('place_unit_code', 'text')
        .addColumn('station_code', 'text')
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('district_code', 'text')
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text')
        .addColumn('responsible_unit_code', 'text', (c) => c.notNull())
        .addColumn('scope_path', 'text', path)
        .addColumn('alert_id', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('air_measures_district').on('air_measures').columns(['district_code', 'start_date']).execute();
      await db.schema.createIndex('air_measures_station').on('air_measures').columns(['station_code', 'start_date']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['air_measures', 'air_device_duty', 'air_alert_files', 'air_alerts', 'air_alert_rules', 'air_weather']) await db.schema.dropTable(t).execute();
    },
  },
};
