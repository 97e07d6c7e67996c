import { readFileSync } from 'node:fs';
import { SYSTEM_CALLER } from '../../platform/auth/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { CliCommand } from '../../cli/command.ts';

/** `npx jing services …`: load a catalogue file, list what is published. */
export const serviceCommands: CliCommand[] = [
  {
    name: 'services import',
    args: '<items.json>',
    summary: '政务服务事项: load service items (`{ "items": [...] }`); new ones published, changed ones versioned; a bad file changes nothing',
    async run(jing, args, io) {
      const file = args[0];
      if (!file) throw new DomainError('validation_failed', 'usage: jing services import <items.json>');
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new DomainError('validation_failed', `${file}: not readable JSON (${(e as Error).message})`);
      }
      const items = (data as { items?: unknown }).items;
      if (!Array.isArray(items)) throw new DomainError('validation_failed', `${file}: expected { "items": [ … ] }`);
      io.out(JSON.stringify(await jing.services.load(SYSTEM_CALLER, items)));
      return 0;
    },
  },
  {
    name: 'services list',
    summary: 'list the published service items (code, version, name)',
    async run(jing, _args, io) {
      for (const i of await jing.services.search({ limit: 10_000 })) io.out(`${i.code}\tv${i.version}\t${i.name}`);
      return 0;
    },
  },
];
