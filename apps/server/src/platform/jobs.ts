import type { Logger } from './logger.ts';

/** A periodic job: a name and what to run. */
export interface Job {
  name: string;
  run(): Promise<unknown>;
}

/**
 * Runs jobs every `intervalMs`, one round at a time (a slow round delays the
 * next instead of overlapping it). A failing job is logged and retried next round.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  constructor(
    private readonly jobs: Job[],
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.round().finally(() => (this.running = null));
    }, this.intervalMs);
    this.timer.unref();
  }

  async round(): Promise<void> {
    for (const job of this.jobs) {
      try {
        const result = await job.run();
        this.logger.debug({ job: job.name, result }, 'job done');
      } catch (err) {
        this.logger.error({ err, job: job.name }, 'job failed');
      }
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
