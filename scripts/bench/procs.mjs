// Child processes of the benchmark: spawned with an IPC channel, tracked, and
// always killed — on success, on a failed step, on Ctrl-C, on a crash.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const live = new Set();
let closed = false; // set by killAll: the run is ending, start nothing new

/**
 * Runs `node [--import tsx] <script> ...args` from the repository root.
 * Messages: {type:'progress', text} → onProgress, {type:'ready', ...} → `ready`,
 * {type:'result', ...} → `result` (resolved when the child exits).
 */
export function spawnChild(script, args, { label = script, tsx = true, onProgress = () => {} } = {}) {
  if (closed) throw new Error(`not starting ${label}: the run is being stopped`);
  const child = spawn(process.execPath, [...(tsx ? ['--import', 'tsx'] : []), script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  live.add(child);
  let tail = '';
  const keep = (d) => (tail = (tail + d).slice(-3000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let result;
  let readyOk, readyFail;
  const ready = new Promise((res, rej) => ((readyOk = res), (readyFail = rej)));
  ready.catch(() => {}); // jobs never send `ready`
  const done = new Promise((resolve, reject) => {
    child.on('message', (m) => {
      if (m.type === 'progress') onProgress(m.text);
      else if (m.type === 'ready') readyOk(m);
      else if (m.type === 'result') result = m;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      live.delete(child);
      const err = new Error(`${label} exited (${signal ?? `code ${code}`})${tail ? `:\n${tail.trim()}` : ''}`);
      readyFail(err);
      if (result) resolve(result);
      else reject(err);
    });
  });
  return { child, ready, done };
}

/** A job: runs to its end and yields its result message. */
export function runJob(script, args, opts) {
  return spawnChild(script, args, opts).done;
}

/** A server child: resolves once listening, with its url, pid and a stop(). */
export async function startServer(args, opts = {}) {
  const { child, ready, done } = spawnChild('scripts/bench/server.ts', args, { label: `server ${args[0]}`, ...opts });
  done.catch(() => {});
  const timeout = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const msg = await ready.finally(() => clearTimeout(timeout));
  return { url: msg.url, pid: msg.pid, stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the child is gone. */
export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}

/** Last resort (exit, Ctrl-C): kill every child still running, synchronously, and start no more. */
export function killAll() {
  closed = true;
  for (const c of live) {
    try {
      c.kill('SIGKILL');
    } catch {}
  }
}

/** Resident set size now and at its peak, in bytes, read from /proc (Linux). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSecondsOf(pid) {
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}
