import type { Jing } from '../app.ts';
import { ProgressBar } from './progress.ts';

/** How a command talks to the terminal. */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  /** A progress bar for long work (on stderr). */
  progress(label: string): ProgressBar;
}

/**
 * One `npx jing …` command that works on a composed Jing. Modules export
 * their own (e.g. `sensing network create`); `cli/commands.ts` lists them all.
 */
export interface CliCommand {
  /** The words that select it, e.g. `import divisions`. */
  name: string;
  /** Arguments after the name, for the help text. */
  args?: string;
  summary: string;
  run(jing: Jing, args: string[], io: CliIo): Promise<number>;
}

export const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  progress: (label) => new ProgressBar(label),
};
