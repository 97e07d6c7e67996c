/**
 * Child of scripts/bench/sensing.mjs: the physical limit of appending readings here — plain better-sqlite3,
 * one wide row per reading (device code, ISO time, six values), no index, 1,000 rows per transaction, a
 * prepared statement, the same WAL/NORMAL settings as Jing, in one process.
 *
 *   node --import tsx scripts/bench/sensing-baseline.ts <dir> <readings> <devices>
 */
import { join } from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { finish } from './report.ts';

const [dir, readingsArg = '500000', devicesArg = '1000'] = process.argv.slice(2);
const N = Number(readingsArg);
const D = Number(devicesArg);
const db = new BetterSqlite(join(dir!, 'baseline.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('create table readings (device text, time text, pm25 real, pm10 real, so2 real, no2 real, co real, o3 real)');
const insert = db.prepare('insert into readings values (?, ?, ?, ?, ?, ?, ?, ?)');
const t0 = Date.parse('2026-11-01T00:00:00+08:00');
const codes = Array.from({ length: D }, (_, i) => `m${String(i).padStart(4, '0')}`);
// The same rows the HTTP run posts: batch b holds every device at minute b.
const started = process.hrtime.bigint();
let time = '';
let minute = -1;
for (let done = 0; done < N; done += 1000) {
  db.exec('begin');
  for (let i = done; i < Math.min(N, done + 1000); i++) {
    if (Math.floor(i / D) !== minute) time = new Date(t0 + (minute = Math.floor(i / D)) * 60_000).toISOString();
    insert.run(codes[i % D], time, 20 + (i % 50), 40 + (i % 70), 3, 17 + (i % 13), 0.3 + (i % 5) / 10, 60 + (i % 40));
  }
  db.exec('commit');
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
db.close();
finish({ readings: N, seconds, readingsPerSec: N / seconds });
