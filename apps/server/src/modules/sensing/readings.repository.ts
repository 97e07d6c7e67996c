/**
 * The only SQL of readings: writing batches, rolling them up by hour, and reading them back. Two writers
 * (ADR 0008): on an SQLite file a dedicated better-sqlite3 connection with prepared statements, because
 * Kysely prepares every statement anew and that alone halves ingestion; elsewhere (PostgreSQL, in-memory
 * SQLite) one set-based statement per batch through Kysely. Both are idempotent on (time, device) and merge
 * pollutants a stored reading lacks.
 */
import BetterSqlite from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Engine } from '@jing/db';
import { POLLUTANTS, POLLUTANT_COUNT } from './qc.ts';

export const HOUR_MS = 3_600_000;

/** One reading as stored: values by pollutant index, NaN where absent. */
export interface ReadingRow {
  t: number;
  deviceId: number;
  values: Float64Array;
  qc: number;
}

export interface ReadingWriter {
  /** Stores rows in one transaction; per row, true when it was stored or added a pollutant, false for a duplicate. */
  write(rows: ReadingRow[]): Promise<boolean[]>;
  close(): void;
  readonly kind: 'sqlite-native' | 'set-based';
}

const COLS = POLLUTANTS.join(', ');
// A stored value is never overwritten (first write wins); a pollutant the stored reading lacks is merged in.
const MERGE_SET = [...POLLUTANTS.map((p) => `${p} = coalesce(sensing_readings.${p}, excluded.${p})`), 'qc = sensing_readings.qc | excluded.qc'].join(', ');
const MERGE_WHERE = POLLUTANTS.map((p) => `(sensing_readings.${p} is null and excluded.${p} is not null)`).join(' or ');
const UPSERT_TAIL = `on conflict (t, device_id) do update set ${MERGE_SET} where ${MERGE_WHERE}`;

const num = (v: number) => (Number.isNaN(v) ? null : v);

/** The SQLite writer: its own connection, prepared statements, one transaction per batch. */
class SqliteNativeWriter implements ReadingWriter {
  readonly kind = 'sqlite-native' as const;
  private readonly conn: BetterSqlite.Database;
  private readonly upsert: BetterSqlite.Statement;
  private readonly dirty: BetterSqlite.Statement;
  private readonly tx: (rows: ReadingRow[]) => boolean[];

  constructor(
    file: string,
    private readonly db: Kysely<any>,
  ) {
    this.conn = new BetterSqlite(file);
    // Same settings as the main connection (packages/db): WAL with NORMAL sync survives kill -9 once committed.
    this.conn.pragma('journal_mode = WAL');
    this.conn.pragma('synchronous = NORMAL');
    this.conn.pragma('busy_timeout = 5000');
    this.upsert = this.conn.prepare(`insert into sensing_readings (t, device_id, ${COLS}, qc) values (?, ?, ?, ?, ?, ?, ?, ?, ?) ${UPSERT_TAIL}`);
    this.dirty = this.conn.prepare('insert into sensing_dirty_hours (hour) values (?) on conflict do nothing');
    this.tx = this.conn.transaction((rows: ReadingRow[]) => {
      const out = new Array<boolean>(rows.length);
      let lastHour = -1;
      const hours = new Set<number>();
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const v = r.values;
        out[i] = this.upsert.run(r.t, r.deviceId, num(v[0]!), num(v[1]!), num(v[2]!), num(v[3]!), num(v[4]!), num(v[5]!), r.qc).changes > 0;
        const h = Math.floor(r.t / HOUR_MS);
        if (h !== lastHour) hours.add((lastHour = h));
      }
      for (const h of hours) this.dirty.run(h);
      return out;
    });
  }

  async write(rows: ReadingRow[]): Promise<boolean[]> {
    // Hold the main connection meanwhile: a Kysely transaction open across an await must never see this
    // connection commit under it (SQLite would refuse its next write with SQLITE_BUSY_SNAPSHOT).
    return this.db.connection().execute(async () => this.tx(rows));
  }

  close(): void {
    if (this.conn.open) this.conn.close();
  }
}

/** One statement per batch through Kysely: PostgreSQL `unnest` of column arrays, SQLite `json_each`. */
class SetBasedWriter implements ReadingWriter {
  readonly kind = 'set-based' as const;
  constructor(
    private readonly db: Kysely<any>,
    private readonly engine: Engine,
  ) {}

  async write(rows: ReadingRow[]): Promise<boolean[]> {
    const out = new Array<boolean>(rows.length).fill(false);
    // One statement may not touch a row twice (PostgreSQL refuses): repeated keys go in later rounds.
    const rounds: number[][] = [];
    const seen = new Map<string, number>();
    rows.forEach((r, i) => {
      const key = `${r.t}/${r.deviceId}`;
      const round = seen.get(key) ?? 0;
      seen.set(key, round + 1);
      (rounds[round] ??= []).push(i);
    });
    await this.db.transaction().execute(async (trx) => {
      for (const idx of rounds) {
        const stored = await this.writeRound(trx, idx.map((i) => rows[i]!));
        idx.forEach((i) => (out[i] = stored.has(`${rows[i]!.t}/${rows[i]!.deviceId}`)));
      }
      const hours = [...new Set(rows.map((r) => Math.floor(r.t / HOUR_MS)))];
      if (this.engine === 'postgres') await sql`insert into sensing_dirty_hours (hour) select unnest(${hours}::bigint[]) on conflict do nothing`.execute(trx);
      else await sql`insert into sensing_dirty_hours (hour) select value from json_each(${JSON.stringify(hours)}) where true on conflict do nothing`.execute(trx);
    });
    return out;
  }

  private async writeRound(trx: Kysely<any>, rows: ReadingRow[]): Promise<Set<string>> {
    const col = (i: number) => rows.map((r) => num(r.values[i]!));
    const tail = sql.raw(UPSERT_TAIL);
    const cols = sql.raw(`t, device_id, ${COLS}, qc`);
    const res =
      this.engine === 'postgres'
        ? await sql<{ t: number; device_id: number }>`insert into sensing_readings (${cols})
            select * from unnest(${rows.map((r) => r.t)}::bigint[], ${rows.map((r) => r.deviceId)}::integer[],
              ${col(0)}::float8[], ${col(1)}::float8[], ${col(2)}::float8[], ${col(3)}::float8[], ${col(4)}::float8[], ${col(5)}::float8[],
              ${rows.map((r) => r.qc)}::integer[])
            ${tail} returning t, device_id`.execute(trx)
        : await sql<{ t: number; device_id: number }>`insert into sensing_readings (${cols})
            select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8
            from json_each(${JSON.stringify(rows.map((r) => [r.t, r.deviceId, ...Array.from({ length: POLLUTANT_COUNT }, (_, i) => num(r.values[i]!)), r.qc]))})
            where true ${tail} returning t, device_id`.execute(trx);
    return new Set(res.rows.map((r) => `${Number(r.t)}/${Number(r.device_id)}`));
  }

  close(): void {}
}

/**
 * The writer for a database: the native one on an SQLite file (found from the open connection, so tests and
 * restarts use the file actually open), the set-based one otherwise or when `setBased` is asked for.
 */
export async function createReadingWriter(db: Kysely<any>, engine: Engine, opts: { setBased?: boolean } = {}): Promise<ReadingWriter> {
  if (engine === 'sqlite' && !opts.setBased) {
    const main = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
    const file = main.rows[0]?.file;
    if (file) return new SqliteNativeWriter(file, db);
  }
  return new SetBasedWriter(db, engine);
}

export interface HourlyRow {
  device_id: number;
  hour: number;
  n: number;
  flagged: number;
  last_t: number;
  [column: string]: number | null;
}

export interface StoredRow {
  t: number;
  pm25: number | null;
  pm10: number | null;
  so2: number | null;
  no2: number | null;
  co: number | null;
  o3: number | null;
  qc: number;
}

// Negative values within tolerance are noise around zero: they count as 0 in means (AirNow does the same).
const MEANS = POLLUTANTS.map((p) => `avg(case when ${p} < 0 then 0 else ${p} end) as ${p}, count(${p}) as ${p}_n`).join(', ');
const HOURLY_COLS = ['device_id', 'hour', 'n', 'flagged', 'first_t', 'last_t', ...POLLUTANTS.flatMap((p) => [p, `${p}_n`])];
const HOURLY_SET = HOURLY_COLS.slice(2).map((c) => `${c} = excluded.${c}`).join(', ');
// A literal, not a parameter: PostgreSQL must see the select and group-by expressions as the same.
const HOUR = sql.raw(String(HOUR_MS));
/** Readings one rollup transaction covers at most (so ingestion never waits long behind it). */
const ROLLUP_CHUNK_ROWS = 100_000;

/**
 * Hourly means of one device as columns: `hours[i]` is an hour number and `values[i * 6 + p]` the mean of
 * pollutant p (POLLUTANTS order) in it, NaN where the hour has no such value or fewer readings than asked.
 */
export interface HourlyColumns {
  hours: Float64Array;
  values: Float64Array;
}

/** Runs a compiled read and answers rows as arrays (`Database.selectArrays`). */
export type ArrayReader = (query: { sql: string; parameters: readonly unknown[] }) => Promise<unknown[][]>;

/** Rollups and reads over stored readings; dialect-neutral SQL. */
export class ReadingsRepository {
  private readonly arrays: ArrayReader;
  constructor(
    private readonly db: Kysely<any>,
    arrays?: ArrayReader,
  ) {
    // Without the engine's fast path: Kysely's row objects, as arrays in select order.
    this.arrays = arrays ?? (async (q) => (await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(q.sql, [...q.parameters]))).rows.map((r) => Object.values(r)));
  }

  /** Hours with readings not yet rolled up, oldest first. */
  async dirtyHours(limit: number): Promise<number[]> {
    const rows = await sql<{ hour: number }>`select hour from sensing_dirty_hours order by hour limit ${limit}`.execute(this.db);
    return rows.rows.map((r) => Number(r.hour));
  }

  /**
   * Recomputes the hourly rollups and device status of hours [from, to) from the readings, in short
   * transactions of about ROLLUP_CHUNK_ROWS readings, each first clearing its hours' dirty marks: a write
   * landing meanwhile marks its hour again. SQL aggregates by (device, hour); on SQLite that sorts each
   * chunk once, about 1 µs a reading.
   */
  async rollUp(fromHour: number, toHour: number): Promise<void> {
    let span = 1;
    for (let hour = fromHour; hour < toHour; ) {
      const end = Math.min(toHour, hour + span);
      const readings = await this.db.transaction().execute(async (trx) => {
        await sql`delete from sensing_dirty_hours where hour >= ${hour} and hour < ${end}`.execute(trx);
        await sql`insert into sensing_hourly (${sql.raw(HOURLY_COLS.join(', '))})
          select device_id, t / ${HOUR}, count(*), sum(case when qc <> 0 then 1 else 0 end), min(t), max(t), ${sql.raw(MEANS)}
          from sensing_readings where t >= ${hour * HOUR_MS} and t < ${end * HOUR_MS}
          group by device_id, t / ${HOUR}
          on conflict (device_id, hour) do update set ${sql.raw(HOURLY_SET)}`.execute(trx);
        await sql`insert into sensing_device_status (device_id, first_t, last_t)
          select device_id, min(first_t), max(last_t) from sensing_hourly where hour >= ${hour} and hour < ${end} group by device_id
          on conflict (device_id) do update set
            first_t = case when excluded.first_t < sensing_device_status.first_t then excluded.first_t else sensing_device_status.first_t end,
            last_t = case when excluded.last_t > sensing_device_status.last_t then excluded.last_t else sensing_device_status.last_t end`.execute(trx);
        const n = await sql<{ n: number | null }>`select sum(n) as n from sensing_hourly where hour >= ${hour} and hour < ${end}`.execute(trx);
        return Number(n.rows[0]?.n ?? 0);
      });
      // Size the next chunk from this one's density.
      span = Math.max(1, Math.min(24 * 31, Math.floor((ROLLUP_CHUNK_ROWS * (end - hour)) / Math.max(1, readings))));
      hour = end;
    }
  }

  /** Raw readings of one device in [from, to) ms. The time-first key makes this a scan of the window. */
  async readings(deviceId: number, from: number, to: number): Promise<StoredRow[]> {
    const rows = await sql<StoredRow>`select t, ${sql.raw(COLS)}, qc from sensing_readings where t >= ${from} and t < ${to} and device_id = ${deviceId} order by t`.execute(this.db);
    return rows.rows.map((r) => ({ ...r, t: Number(r.t) }));
  }

  /** Hourly rollups of one device for hours [fromHour, toHour). */
  async hourly(deviceId: number, fromHour: number, toHour: number): Promise<HourlyRow[]> {
    const rows = await sql<HourlyRow>`select ${sql.raw(HOURLY_COLS.join(', '))} from sensing_hourly where device_id = ${deviceId} and hour >= ${fromHour} and hour < ${toHour} order by hour`.execute(this.db);
    // PostgreSQL's int8 columns come back as numbers already (packages/db); SQLite's are numbers too.
    return rows.rows;
  }

  /** Hourly rollups of many devices for hours [fromHour, toHour), by device then hour (the air alerts' evaluation). */
  async hourlyMany(deviceIds: number[], fromHour: number, toHour: number): Promise<HourlyRow[]> {
    const out: HourlyRow[] = [];
    for (let i = 0; i < deviceIds.length; i += 500) {
      const ids = deviceIds.slice(i, i + 500);
      const rows = await this.db
        .selectFrom('sensing_hourly')
        .select(HOURLY_COLS as any)
        .where('device_id', 'in', ids)
        .where('hour', '>=', fromHour)
        .where('hour', '<', toHour)
        .orderBy('device_id')
        .orderBy('hour')
        .execute();
      for (const r of rows as HourlyRow[]) out.push({ ...r, device_id: Number(r.device_id), hour: Number(r.hour) });
    }
    return out;
  }

  /**
   * Hourly means of one device for hours [fromHour, toHour) as columns, a value kept only where at least
   * `minCount` readings made it. The bulk read behind daily AQI (years of hours per station): rows come back
   * as arrays (`Database.selectArrays`) with only the seven columns needed, straight into typed arrays.
   */
  async hourlyColumns(deviceId: number, fromHour: number, toHour: number, minCount: number): Promise<HourlyColumns> {
    const min = sql.lit(Math.max(1, Math.floor(minCount)));
    const values = POLLUTANTS.map((p) => sql`case when ${sql.ref(`${p}_n`)} >= ${min} then ${sql.ref(p)} end as ${sql.ref(p)}`);
    const rows = await this.arrays(
      sql`select hour, ${sql.join(values)} from sensing_hourly where device_id = ${deviceId} and hour >= ${fromHour} and hour < ${toHour} order by hour`.compile(this.db),
    );
    const n = rows.length;
    const out: HourlyColumns = { hours: new Float64Array(n), values: new Float64Array(n * POLLUTANT_COUNT) };
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      out.hours[i] = r[0] as number;
      for (let p = 0; p < POLLUTANT_COUNT; p++) {
        const v = r[p + 1];
        out.values[i * POLLUTANT_COUNT + p] = v === null ? Number.NaN : (v as number);
      }
    }
    return out;
  }

  /** First and last reading times per device. */
  async status(deviceIds: number[]): Promise<Map<number, { first: number; last: number }>> {
    if (deviceIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('sensing_device_status').selectAll().where('device_id', 'in', deviceIds).execute();
    return new Map(rows.map((r) => [Number(r.device_id), { first: Number(r.first_t), last: Number(r.last_t) }]));
  }

  /** Readings per device since an hour (from the rollups). */
  async countsSince(deviceIds: number[], fromHour: number): Promise<Map<number, number>> {
    if (deviceIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('sensing_hourly')
      .select(['device_id', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('device_id', 'in', deviceIds)
      .where('hour', '>=', fromHour)
      .groupBy('device_id')
      .execute();
    return new Map(rows.map((r) => [Number(r.device_id), Number(r.n)]));
  }
}
