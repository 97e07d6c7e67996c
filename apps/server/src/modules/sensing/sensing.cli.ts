import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DeviceType } from '@jing/contracts';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { CliCommand } from '../../cli/command.ts';
import type { DeviceImportRow } from './sensing.service.ts';

const usage = (text: string) => new DomainError('validation_failed', `usage: jing ${text}`);

/**
 * Reads a device CSV with a header naming the columns `code,network,type,lng,lat` (any order; `name`
 * optional). Returns rows and the lines that could not be read, numbered as in the file.
 */
export function parseDeviceCsv(text: string): { rows: (DeviceImportRow & { line: number })[]; bad: { line: number; reason: string }[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  for (const col of ['code', 'network', 'type', 'lng', 'lat']) if (!header.includes(col)) throw new DomainError('validation_failed', `the CSV header must name the column ${col} (code,network,type,lng,lat)`);
  const at = (cells: string[], col: string) => (header.indexOf(col) >= 0 ? (cells[header.indexOf(col)] ?? '').trim() : '');
  const rows: (DeviceImportRow & { line: number })[] = [];
  const bad: { line: number; reason: string }[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const cells = lines[i]!.split(',');
    const type = DeviceType.safeParse(at(cells, 'type') || 'micro');
    const lng = at(cells, 'lng') === '' ? null : Number(at(cells, 'lng'));
    const lat = at(cells, 'lat') === '' ? null : Number(at(cells, 'lat'));
    if (!type.success) bad.push({ line: i + 1, reason: `type: must be station, micro or dust, got ${at(cells, 'type')}` });
    else if (Number.isNaN(lng) || Number.isNaN(lat)) bad.push({ line: i + 1, reason: 'lng/lat: not numbers' });
    else rows.push({ line: i + 1, code: at(cells, 'code'), network: at(cells, 'network'), type: type.data, lng, lat, name: at(cells, 'name') || null });
  }
  return { rows, bad };
}

/** `jing sensing …` commands. */
export const sensingCommands: CliCommand[] = [
  {
    name: 'sensing network create',
    args: '<code> [--name N]',
    summary: 'register a monitoring network; prints its API key (shown once)',
    async run(jing, args, io) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
      if (!positionals[0]) throw usage('sensing network create <code> [--name N]');
      io.out(JSON.stringify(await jing.sensing.createNetwork(SYSTEM_CALLER, { code: positionals[0], name: values.name }), null, 2));
      return 0;
    },
  },
  {
    name: 'sensing network rotate-key',
    args: '<code>',
    summary: 'issue a new API key for a network (the old one stops working)',
    async run(jing, args, io) {
      if (!args[0]) throw usage('sensing network rotate-key <code>');
      io.out(JSON.stringify(await jing.sensing.rotateKey(SYSTEM_CALLER, args[0]), null, 2));
      return 0;
    },
  },
  {
    name: 'sensing device create',
    args: '<code> --network <code> --lng <x> --lat <y> [--type station|micro|dust] [--name N]',
    summary: 'register a device; creates the network when missing (then its apiKey is printed, once)',
    async run(jing, args, io) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { network: { type: 'string' }, lng: { type: 'string' }, lat: { type: 'string' }, type: { type: 'string', default: 'micro' }, name: { type: 'string' }, interval: { type: 'string' } },
      });
      const code = positionals[0];
      if (!code || !values.network) throw usage('sensing device create <code> --network <code> --lng <x> --lat <y> [--type station|micro|dust]');
      const type = DeviceType.safeParse(values.type);
      if (!type.success) throw new DomainError('validation_failed', `--type ${values.type}: must be station, micro or dust`);
      const lng = values.lng === undefined ? undefined : Number(values.lng);
      const lat = values.lat === undefined ? undefined : Number(values.lat);
      if (Number.isNaN(lng) || Number.isNaN(lat)) throw new DomainError('validation_failed', '--lng and --lat must be numbers');
      let apiKey: string | null = null;
      if (!(await jing.sensing.listNetworks(SYSTEM_CALLER)).some((n) => n.code === values.network)) apiKey = (await jing.sensing.createNetwork(SYSTEM_CALLER, { code: values.network })).apiKey;
      const device = await jing.sensing.createDevice(SYSTEM_CALLER, {
        code,
        network: values.network,
        type: type.data,
        ...(lng !== undefined ? { lng } : {}),
        ...(lat !== undefined ? { lat } : {}),
        ...(values.name ? { name: values.name } : {}),
        ...(values.interval ? { intervalSeconds: Number(values.interval) } : {}),
      });
      io.out(JSON.stringify({ ...device, apiKey, ...(apiKey ? {} : { apiKeyNote: `network ${values.network} existed: its key was shown when it was created (jing sensing network rotate-key issues a new one)` }) }, null, 2));
      return 0;
    },
  },
  {
    name: 'sensing device import',
    args: '<file.csv>',
    summary: 'register devices in bulk from a CSV with columns code,network,type,lng,lat',
    async run(jing, args, io) {
      if (!args[0]) throw usage('sensing device import <file.csv>');
      const { rows, bad } = parseDeviceCsv(readFileSync(args[0], 'utf8'));
      const bar = io.progress('devices');
      const started = Date.now();
      const r = await jing.sensing.registerDevices(SYSTEM_CALLER, rows, {}, (d, t) => bar.update(d, t));
      const skipped = [...bad.map((b) => ({ ...b, code: null as string | null })), ...r.skipped.map((s) => ({ line: rows[s.index]!.line, code: s.code, reason: s.reason }))].sort((a, b) => a.line - b.line);
      io.out(JSON.stringify({ imported: r.imported, skipped, seconds: (Date.now() - started) / 1000 }, null, 2));
      return skipped.some((s) => !s.reason.startsWith('exists')) ? 1 : 0;
    },
  },
];
