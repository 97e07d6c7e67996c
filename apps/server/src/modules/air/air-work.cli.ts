import { writeFileSync } from 'node:fs';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { CliCommand } from '../../cli/command.ts';
import { demoAirFiles } from './air.cli.ts';
import { importUciWeather } from './weather.ts';

const flag = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/** `jing air …` commands of 一微克 work. */
export const airWorkCommands: CliCommand[] = [
  {
    name: 'air alerts evaluate',
    summary: 'evaluate the alert rules on the hourly rollups now; new alerts become 督办 tasks',
    async run(jing, _args, io) {
      io.out(JSON.stringify(await jing.airWork.alerts.evaluate(SYSTEM_CALLER), null, 2));
      return 0;
    },
  },
  {
    name: 'air weather import',
    args: '<files…> | --demo',
    summary: 'store the weather columns (TEMP, PRES, DEWP, RAIN, wd, WSPM) of UCI files for their stations',
    async run(jing, args, io) {
      const files = args.includes('--demo') ? demoAirFiles() : args.filter((a) => !a.startsWith('--'));
      if (files.length === 0) throw new DomainError('validation_failed', 'usage: jing air weather import <files…> | --demo');
      io.out(JSON.stringify({ hours: await importUciWeather(jing.sensing, jing.airWork.weather, files) }));
      return 0;
    },
  },
  {
    name: 'air reductions',
    args: '--station <code> --from YYYY-MM-DD --to YYYY-MM-DD [--pollutant pm25]',
    summary: 'deweathered change and difference in differences for a station and period, with 95 % intervals',
    async run(jing, args, io) {
      const [station, from, to] = [flag(args, 'station'), flag(args, 'from'), flag(args, 'to')];
      if (!station || !from || !to) throw new DomainError('validation_failed', 'usage: jing air reductions --station <code> --from YYYY-MM-DD --to YYYY-MM-DD');
      const r = await jing.airWork.reductions.estimate({ station, from, to, pollutant: (flag(args, 'pollutant') ?? 'pm25') as 'pm25' });
      io.out(JSON.stringify({ ...r, deweathered: r.deweathered && { ...r.deweathered, series: `${r.deweathered.series.length} days` }, did: r.did && { ...r.did, series: `${r.did.series.length} days` } }, null, 2));
      return 0;
    },
  },
  {
    name: 'air brief',
    args: '--district <code> --month YYYY-MM [--out file.pdf]',
    summary: 'the monthly brief of a district as PDF',
    async run(jing, args, io) {
      const [district, month] = [flag(args, 'district'), flag(args, 'month')];
      if (!district || !month || !/^\d{4}-\d{2}$/.test(month)) throw new DomainError('validation_failed', 'usage: jing air brief --district <code> --month YYYY-MM [--out file.pdf]');
      const pdf = await jing.airWork.brief.pdf(district, month);
      const out = flag(args, 'out') ?? `air-brief-${district}-${month}.pdf`;
      writeFileSync(out, pdf);
      io.out(JSON.stringify({ file: out, bytes: pdf.length }));
      return 0;
    },
  },
];
