import type { Kysely, Transaction } from 'kysely';
import type { ModuleMigrations } from '@jing/db';
import type { Logger } from './logger.ts';

/**
 * Cache invalidation across processes (ADR 0019).
 *
 * Each module keeps what rarely changes in memory (the org tree, the service
 * catalogue, sessions, sensing keys, boundaries). A write in this process
 * clears its own caches at once; every other process sharing the database —
 * a second server, or the CLI importing while the server runs — learns of it
 * here: a change bumps its topic's epoch in `cache_epochs` in the same
 * transaction as the change, and each server reads the epochs every second
 * and clears the caches of any topic whose epoch moved.
 *
 * Which writes touch which topic is read off the audit log's action names
 * (every change is audited, in its transaction): a topic is registered with
 * its action prefixes (`org.` → org caches), and the audit log bumps the
 * topic when it records a matching action. A new write path with the usual
 * action name needs no wiring.
 *
 * A read that began before a change and stores its result after the clear
 * would leave a stale entry: handlers run once more at the following poll,
 * so nothing older than two intervals outlives a change.
 */
export class CacheEpochs {
  private readonly topics = new Map<string, { prefixes: string[]; handlers: (() => void)[]; seen: number | null; again: boolean }>();
  private readonly actionTopics = new Map<string, string | null>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<string[]> | null = null;

  constructor(
    private readonly db: Kysely<any>,
    private readonly logger?: Logger,
  ) {}

  /** Registers a cached topic: audit actions starting with one of `actionPrefixes` change it; `onChange` clears it. */
  watch(topic: string, actionPrefixes: string[], onChange: () => void): void {
    const t = this.topics.get(topic) ?? { prefixes: [], handlers: [], seen: null, again: false };
    t.prefixes.push(...actionPrefixes);
    t.handlers.push(onChange);
    this.topics.set(topic, t);
    this.actionTopics.clear();
  }

  /** The topic an audit action changes, or null (remembered per action name). */
  topicOf(action: string): string | null {
    let topic = this.actionTopics.get(action);
    if (topic === undefined) {
      topic = null;
      for (const [name, t] of this.topics) if (t.prefixes.some((p) => action.startsWith(p))) topic = name;
      this.actionTopics.set(action, topic);
    }
    return topic;
  }

  /** Moves a topic's epoch on, inside the transaction that changes it. */
  async bump(trx: Transaction<any>, topic: string): Promise<void> {
    await trx
      .insertInto('cache_epochs')
      .values({ topic, epoch: 1 })
      .onConflict((oc) => oc.column('topic').doUpdateSet((eb) => ({ epoch: eb('cache_epochs.epoch', '+', 1) })))
      .execute();
  }

  /**
   * Reads every epoch and runs the handlers of the topics that moved since the
   * last poll (and, once more, of those that moved at the poll before). The
   * first poll only learns the epochs. Returns the topics that moved.
   */
  poll(): Promise<string[]> {
    // One poll at a time: a slow database must not pile them up.
    this.polling ??= this.readAndApply().finally(() => (this.polling = null));
    return this.polling;
  }

  private async readAndApply(): Promise<string[]> {
    const rows = (await this.db.selectFrom('cache_epochs').select(['topic', 'epoch']).execute()) as { topic: string; epoch: number | string }[];
    const epochs = new Map(rows.map((r) => [r.topic, Number(r.epoch)]));
    const moved: string[] = [];
    for (const [name, t] of this.topics) {
      const epoch = epochs.get(name) ?? 0;
      const changed = t.seen !== null && epoch !== t.seen;
      if (changed || t.again) {
        for (const h of t.handlers) h();
        if (changed) moved.push(name);
      }
      t.again = changed;
      t.seen = epoch;
    }
    return moved;
  }

  /** Polls every `intervalMs` until {@link stop} (0: never). */
  async start(intervalMs: number): Promise<void> {
    await this.poll();
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.poll().catch((err: unknown) => this.logger?.warn({ err }, 'reading cache epochs failed; caches may be stale until the next poll'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling?.catch(() => {});
  }
}

export const cacheEpochMigrations: ModuleMigrations = {
  '2026120310_cache_epochs': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cache_epochs')
        .addColumn('topic', 'text', (c) => c.primaryKey())
        .addColumn('epoch', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('cache_epochs').execute();
    },
  },
};
