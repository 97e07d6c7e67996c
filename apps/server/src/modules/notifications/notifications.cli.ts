import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli/command.ts';

/** `jing notifications …` commands. */
export const notificationCommands: CliCommand[] = [
  {
    name: 'notifications outbox',
    args: '[--channel sms|email] [--limit 100]',
    summary: 'print the SMS and e-mail outbox the default notification adapters write to (newest first)',
    async run(jing, args, io) {
      const { values } = parseArgs({ args, options: { channel: { type: 'string' }, limit: { type: 'string', default: '100' } } });
      const channel = values.channel === 'sms' || values.channel === 'email' ? values.channel : undefined;
      io.out(JSON.stringify({ items: await jing.notifications.outbox(channel, Number(values.limit) || 100) }, null, 2));
      return 0;
    },
  },
];
