/**
 * Child of scripts/bench.mjs: drives one server with autocannon, in its own
 * process so the orchestrator's work never shares a core with the load.
 *
 *   node scripts/bench/load.mjs <url> <connections> <warm-up s> <duration s>
 */
import { measure } from './autocannon-run.mjs';

const [url, connections, warmup, duration] = process.argv.slice(2);
await measure({ url, connections: Number(connections) }, warmup, duration);
