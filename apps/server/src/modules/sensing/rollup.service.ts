import type { Logger } from '../../platform/logger.ts';
import type { ReadingsRepository } from './readings.repository.ts';

/** Longest run of hours one rollup transaction recomputes (a month: bounded transactions during imports). */
const MAX_RUN_HOURS = 24 * 31;

/**
 * Hourly rollups (and each device's first/last reading time) derived from the readings. Writes only mark
 * their hours dirty; this recomputes dirty hours from the readings — periodically, and before any read
 * that needs them, so readers never see stale rollups. Recomputing (rather than adding) keeps rollups right
 * under duplicates, merges and late data.
 */
export class RollupService {
  private running: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repo: ReadingsRepository,
    private readonly logger: Logger,
  ) {}

  /** Rolls up every dirty hour; concurrent callers share one run. Returns the hours recomputed. */
  runPending(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    let done = 0;
    for (let round = 0; round < 1000; round++) {
      const hours = await this.repo.dirtyHours(10_000);
      if (hours.length === 0) break;
      let start = hours[0]!;
      let prev = start;
      for (const h of [...hours.slice(1), Number.NaN]) {
        if (h === prev + 1 && h - start < MAX_RUN_HOURS) {
          prev = h;
          continue;
        }
        await this.repo.rollUp(start, prev + 1);
        done += prev + 1 - start;
        start = prev = h;
      }
    }
    return done;
  }

  /** Rolls up every `intervalMs` in the background (0: only on demand). */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.runPending().catch((err) => this.logger.error({ err }, 'sensing rollup failed'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }
}
