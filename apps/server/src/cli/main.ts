import { parseArgs } from 'node:util';
import { migrateAllDown, migrateToLatest, openDatabase } from '@jing/db';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../platform/logger.ts';
import { DomainError } from '../platform/errors.ts';
import { createJing, MIGRATIONS } from '../app.ts';
import { DEMO_PASSWORD } from '../seed.ts';
import { startJing } from '../index.ts';
import { defaultIo, type CliCommand, type CliIo } from './command.ts';
import { COMMANDS } from './commands.ts';

function help(commands: CliCommand[]): string {
  const line = (name: string, summary: string) => (name.length <= 28 ? `  ${name.padEnd(30)}${summary}` : `  ${name}\n  ${''.padEnd(30)}${summary}`);
  return [
    'jing — the Jing 京 city-governance platform',
    '',
    'Usage: npx jing <command> [options]',
    '',
    line('serve', 'start the server (migrates; seeds the demo city on first start)'),
    line('migrate [--down]', 'apply all migrations (or revert them all)'),
    ...commands.map((c) => line(`${c.name}${c.args ? ` ${c.args}` : ''}`, c.summary)),
    '',
    'Configuration comes from the environment (see docs/configuration.md).',
  ].join('\n');
}

/** The command whose name matches the most leading words of argv. */
function find(commands: CliCommand[], argv: string[]): { command: CliCommand; args: string[] } | null {
  let best: { command: CliCommand; args: string[] } | null = null;
  for (const c of commands) {
    const words = c.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length)) best = { command: c, args: argv.slice(words.length) };
  }
  return best;
}

/** Runs one CLI command; returns the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo, commands: CliCommand[] = COMMANDS): Promise<number> {
  const [cmd] = argv;
  try {
    if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      io.out(help(commands));
      return cmd ? 0 : 1;
    }
    if (cmd === 'serve') return await serve(io);
    const config = loadConfig();
    if (cmd === 'migrate') {
      const { values } = parseArgs({ args: argv.slice(1), options: { down: { type: 'boolean' } } });
      const database = openDatabase(config.databaseUrl);
      try {
        const done = values.down ? await migrateAllDown(database.db, MIGRATIONS) : await migrateToLatest(database.db, MIGRATIONS);
        io.out(done.length ? done.join('\n') : 'nothing to do');
      } finally {
        await database.close();
      }
      return 0;
    }
    const found = find(commands, argv);
    if (!found) {
      io.err(`unknown command: ${argv.join(' ')}\n`);
      io.out(help(commands));
      return 2;
    }
    const jing = await createJing(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
    try {
      return await found.command.run(jing, found.args, io);
    } finally {
      await jing.close();
    }
  } catch (e) {
    if (e instanceof ConfigError) io.err(e.message);
    else if (e instanceof DomainError) io.err(`error (${e.code}): ${e.message}`);
    else io.err(`error: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

async function serve(io: CliIo): Promise<number> {
  const running = await startJing();
  io.out(`\n  Jing 京 is running at ${running.url}\n`);
  io.out(`  京通 Tong (public)   ${running.url}/`);
  io.out(`  京办 Ban  (staff)    ${running.url}/ban`);
  io.out(`  京智 Zhi  (decision) ${running.url}/zhi`);
  io.out(`  API docs             ${running.url}/api/docs\n`);
  if (running.demoAccounts) {
    io.out(`  Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of running.demoAccounts) io.out(`    ${a.username.padEnd(22)} ${a.role}${a.unit ? ` @ ${a.unit}` : ''}`);
    io.out('');
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
