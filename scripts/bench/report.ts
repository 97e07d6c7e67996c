/**
 * How a benchmark child talks to scripts/bench.mjs: messages over the IPC
 * channel when spawned by it, JSON lines on stdout when run by hand.
 */
let finished = false;

export function report(msg: { type: string } & Record<string, unknown>): void {
  if (process.send) process.send(msg);
  else process.stdout.write(JSON.stringify(msg) + '\n');
}

/**
 * Sends the result and ends the process. An open IPC channel keeps a child
 * alive, so a job must leave explicitly once its result is on its way.
 */
export function finish(result: Record<string, unknown>): void {
  finished = true;
  const msg = { type: 'result', ...result };
  if (process.send) process.send(msg, () => process.exit(0));
  else {
    process.stdout.write(JSON.stringify(msg) + '\n');
    process.exit(0);
  }
}

/** A child whose parent died (IPC channel closed) must not linger holding a port or a database. */
export function exitWithParent(onExit: () => void | Promise<void> = () => {}): void {
  process.on('disconnect', () => {
    if (finished) return;
    void Promise.resolve(onExit()).finally(() => process.exit(1));
  });
}

/** Nanoseconds since an arbitrary origin, for timing loops. */
export const now = (): bigint => process.hrtime.bigint();
