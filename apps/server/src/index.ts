import { loadConfig, type Config } from './config.ts';
import { createLogger } from './platform/logger.ts';
import { createJing, createServer, type Jing } from './app.ts';
import { seedDemoAir, seedDemoCity, type DemoAccount } from './seed.ts';
import { JobRunner } from './platform/jobs.ts';
import { SYSTEM_CALLER } from './platform/auth/context.ts';

export { createJing, createServer, MIGRATIONS, type Jing } from './app.ts';
export { loadConfig, type Config } from './config.ts';
export { createLogger } from './platform/logger.ts';
export { seedDemoCity, seedOrg, seedBoundaries, seedDemoAccounts, DEMO_PASSWORD } from './seed.ts';

export interface RunningJing {
  url: string;
  /** Port of the embedded MQTT broker; null when MQTT is external or off. */
  mqttPort: number | null;
  jing: Jing;
  config: Config;
  demoAccounts: DemoAccount[] | null;
  close(): Promise<void>;
}

/**
 * Starts Jing: config from `env`, database migrated, demo city seeded on first
 * start (unless JING_SEED_DEMO=false), HTTP listening. Used by `jing serve`,
 * the end-to-end tests and the benchmark.
 */
export async function startJing(opts: { env?: NodeJS.ProcessEnv } = {}): Promise<RunningJing> {
  const config = loadConfig({ ...process.env, ...opts.env });
  const logger = createLogger(config.logLevel);
  const jing = await createJing(config, logger);
  const demoAccounts = config.seedDemo ? await seedDemoCity(jing) : null;
  if (config.seedDemo) await seedDemoAir(jing);
  const app = await createServer(jing);
  const jobs = new JobRunner(
    [
      { name: 'supervision.escalate', run: () => jing.supervision.escalateOverdue(SYSTEM_CALLER) },
      { name: 'cases.proactive', run: () => jing.proactive.detect(SYSTEM_CALLER) },
      { name: 'air.alerts', run: () => jing.airWork.alerts.evaluate(SYSTEM_CALLER) },
    ],
    config.jobsIntervalMs,
    logger,
  );
  jobs.start();
  // Other processes' changes (a second server, the CLI) clear this one's caches within a poll (ADR 0019).
  await jing.cacheEpochs.start(config.cachePollMs);
  // Background rollups and MQTT ingestion (embedded broker, or the external broker's subscription).
  const sensing = await jing.sensingModule.start();
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}`,
    mqttPort: sensing.mqttPort,
    jing,
    config,
    demoAccounts,
    close: async () => {
      await jobs.stop();
      await app.close();
      await jing.sensingModule.stop();
      await jing.close();
    },
  };
}
