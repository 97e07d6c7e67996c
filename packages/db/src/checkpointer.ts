import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's WAL checkpoint, off the event loop (ADR 0014).
 *
 * In WAL mode a commit appends pages to the log; a checkpoint copies them back
 * into the database file and syncs it. By default the connection that commits
 * runs the checkpoint whenever the log passes 1,000 pages, inside that COMMIT,
 * and better-sqlite3 is synchronous: the whole server stops for the copy and
 * the sync, which is what drove the write paths' p99. Here a worker thread with
 * its own connection runs a PASSIVE checkpoint every `intervalMs`; PASSIVE
 * never waits for or blocks the writer, which keeps appending while pages are
 * copied. The main connection keeps a much higher automatic threshold only as
 * a backstop, should the worker fall behind or die.
 */
export interface Checkpointer {
  /** Stops the worker (the main connection's close then checkpoints what is left). */
  stop(): Promise<void>;
}

/** The log size (pages, 4 KiB each) at which the main connection checkpoints on its own: the backstop. */
export const BACKSTOP_PAGES = 20_000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* locked or gone: the next tick tries again */ }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(path: string, intervalMs = 100): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, driver, intervalMs } });
  // A checkpointer that fails leaves the backstop in charge; it must never take the process down.
  worker.on('error', () => {});
  worker.unref();
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        // Held again until it has gone, so a shutdown waits for its last checkpoint.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
        // A worker stuck in a sync must not hold the shutdown forever.
        setTimeout(() => void worker.terminate(), 2000).unref();
      });
      return stopped;
    },
  };
}
