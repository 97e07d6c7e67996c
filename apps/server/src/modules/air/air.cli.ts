import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../platform/errors.ts';
import type { CliCommand } from '../../cli/command.ts';
import { AIR_DATA_DIR, importUciFiles } from './air.import.ts';
import { importUciWeather } from './weather.ts';

/** The demo subset shipped with the project (apps/server/data/air/demo). */
export function demoAirFiles(): string[] {
  const dir = join(AIR_DATA_DIR, 'demo');
  return readdirSync(dir)
    .filter((f) => /\.csv(\.gz)?$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** `jing air …` commands. */
export const airCommands: CliCommand[] = [
  {
    name: 'air import',
    args: '<files…> | --demo',
    summary: 'import UCI Beijing multi-site air-quality files (CSV or .csv.gz) as national stations and hourly readings',
    async run(jing, args, io) {
      const files = args.includes('--demo') ? demoAirFiles() : args.filter((a) => !a.startsWith('--'));
      if (files.length === 0) throw new DomainError('validation_failed', 'usage: jing air import <files…> | --demo');
      const bar = io.progress('air data');
      const r = await importUciFiles(jing.sensing, jing.sensingModule.ingest, files, (d, t) => bar.update(d, t));
      // The weather columns beside the pollutants, for deweathering (一微克 reductions).
      const weatherHours = await importUciWeather(jing.sensing, jing.airWork.weather, files);
      io.out(JSON.stringify({ ...r, weatherHours }, null, 2));
      return r.rejected.length ? 1 : 0;
    },
  },
];
