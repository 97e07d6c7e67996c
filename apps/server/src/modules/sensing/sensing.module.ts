import type { Database, DialectHelper } from '@jing/db';
import type { Logger } from '../../platform/logger.ts';
import type { AuditLog } from '../audit/index.ts';
import { DeviceDirectory } from './directory.ts';
import { IngestService } from './ingest.service.ts';
import { EmbeddedBroker, ExternalBridge } from './mqtt.ts';
import { createReadingWriter, ReadingsRepository } from './readings.repository.ts';
import { RollupService } from './rollup.service.ts';
import { SensingRepository } from './sensing.repository.ts';
import { SensingService, type SensingDeps } from './sensing.service.ts';

export interface SensingSettings {
  /** `embedded` (aedes in this process), `external` (subscribe to `mqttUrl`) or `off`. */
  mqttMode: 'embedded' | 'external' | 'off';
  mqttHost: string;
  mqttPort: number;
  mqttUrl: string | null;
  mqttMaxPayloadBytes: number;
  /** How far in the future a reading may be dated. */
  maxFutureMs: number;
  /** Background rollup interval; 0 = only on demand. */
  rollupIntervalMs: number;
  /** Force the set-based writer on SQLite (tests of the portable path). */
  setBasedWriter?: boolean;
}

/** The composed sensing module. */
export interface Sensing {
  service: SensingService;
  /** Devices and network keys as ingestion sees them (cached). */
  directory: DeviceDirectory;
  ingest: IngestService;
  rollups: RollupService;
  /** Starts background rollups and MQTT (embedded broker or external subscription); returns the broker's port when embedded. */
  start(): Promise<{ mqttPort: number | null }>;
  stop(): Promise<void>;
  /** Closes the writer's own connection (after stop). */
  close(): void;
}

/** Builds the sensing module over an open database. */
export async function createSensing(deps: {
  database: Database;
  dialect: DialectHelper;
  audit: AuditLog;
  locate: SensingDeps['locate'];
  logger: Logger;
  settings: SensingSettings;
}): Promise<Sensing> {
  const { database, settings } = deps;
  const logger = deps.logger.child({ module: 'sensing' });
  const repo = new SensingRepository(database.db, deps.dialect);
  const readings = new ReadingsRepository(database.db, (q) => database.selectArrays(q));
  const rollups = new RollupService(readings, logger);
  const directory = new DeviceDirectory(repo);
  const writer = await createReadingWriter(database.db, database.engine, { setBased: settings.setBasedWriter ?? false });
  const ingest = new IngestService(directory, writer, { maxFutureMs: settings.maxFutureMs }, logger);
  const service = new SensingService({ db: database.db, repo, readings, rollups, directory, audit: deps.audit, locate: deps.locate });
  let broker: EmbeddedBroker | ExternalBridge | null = null;
  return {
    service,
    directory,
    ingest,
    rollups,
    async start() {
      rollups.start(settings.rollupIntervalMs);
      if (settings.mqttMode === 'embedded') {
        const b = new EmbeddedBroker(ingest, logger, { host: settings.mqttHost, port: settings.mqttPort, maxPayloadBytes: settings.mqttMaxPayloadBytes });
        broker = b;
        return { mqttPort: await b.start() };
      }
      if (settings.mqttMode === 'external') {
        if (!settings.mqttUrl) throw new Error('JING_MQTT_MODE=external needs JING_MQTT_URL');
        const b = new ExternalBridge(ingest, logger, { url: settings.mqttUrl, maxPayloadBytes: settings.mqttMaxPayloadBytes });
        broker = b;
        await b.start();
      }
      return { mqttPort: null };
    },
    async stop() {
      await broker?.stop();
      broker = null;
      await rollups.stop();
    },
    close() {
      ingest.close();
    },
  };
}
