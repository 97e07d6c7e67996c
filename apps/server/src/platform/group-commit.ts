import type { Kysely, Transaction } from 'kysely';
import { inTransaction } from '@jing/db';

type Work = (trx: Transaction<any>) => Promise<unknown>;
interface Job {
  work: Work;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/**
 * Group commit (ADR 0014): writes that arrive while a transaction is busy wait
 * and then share the next one, so a burst of intakes pays for one BEGIN and one
 * COMMIT instead of one each. Every caller is answered only after the
 * transaction holding its write has committed: an acknowledged write is never
 * lost, and a failed commit fails every write in it.
 *
 * If any write in a batch throws, the whole batch is rolled back and each of
 * its writes runs again in a transaction of its own, so only the write that
 * fails fails (with its own error) and the others are not held back by it.
 * A write must therefore be safe to run twice: it may depend only on its own
 * inputs and on what it reads inside `trx`.
 *
 * The writes of a batch run one after another in arrival order, so anything
 * chained across transactions (the audit log's hash chain, the daily case
 * numbers) stays in order.
 */
export class GroupCommit {
  private queue: Job[] = [];
  private draining = false;
  /** Batches committed and writes in them, for tests and metrics. */
  readonly stats = { batches: 0, writes: 0, fallbacks: 0 };

  constructor(
    private readonly db: Kysely<any>,
    private readonly maxBatch = 64,
  ) {}

  /** Runs `work` inside a shared transaction; resolves once that transaction has committed. */
  run<T>(work: (trx: Transaction<any>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // Let the requests already read from the sockets in this turn of the
        // event loop join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    } finally {
      this.draining = false;
    }
  }

  private async commit(batch: Job[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]!);
    let results: unknown[] = [];
    try {
      await inTransaction(this.db, async (trx) => {
        results = [];
        for (const job of batch) results.push(await job.work(trx));
      });
    } catch {
      // Nothing of this batch was committed: run each write on its own.
      this.stats.fallbacks++;
      for (const job of batch) await this.alone(job);
      return;
    }
    this.stats.batches++;
    this.stats.writes += batch.length;
    batch.forEach((job, i) => job.resolve(results[i]));
  }

  private async alone(job: Job): Promise<void> {
    try {
      const result = await inTransaction(this.db, job.work);
      this.stats.batches++;
      this.stats.writes++;
      job.resolve(result);
    } catch (err) {
      job.reject(err);
    }
  }
}
