import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Every setting Jing reads from the environment; documented in docs/configuration.md. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('sqlite:./var/jing.sqlite'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JING_VAR_DIR: z.string().default('./var'),
  JING_TIME_ZONE: z.string().default('Asia/Shanghai'),
  JING_CITY_CODE: z.string().regex(/^[0-9]{6}$/).default('110000'),
  JING_DATA_KEY: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex characters (32 bytes)').optional(),
  JING_SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  JING_COOKIE_SECURE: bool.default(false),
  JING_WEB_DIST: z.string().default('./apps/web/dist'),
  JING_MAP_STYLE_URL: z.url().optional(),
  JING_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  JING_UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).max(500 * 1024 * 1024).default(5 * 1024 * 1024),
  JING_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(10),
  JING_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  JING_LOGIN_LOCK_MINUTES: z.coerce.number().min(0).max(24 * 60).default(15),
  JING_SEED_DEMO: bool.default(true),
  JING_TRUST_PROXY: bool.default(false),
  JING_CALENDAR_OVERRIDES: z.string().optional(),
  JING_PUBLIC_URL: z.url().optional(),
  JING_CASE_RATE_WEIGHTS: z.string().regex(/^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/, 'must be three numbers: response,resolution,satisfaction').default('30,35,35'),
  JING_CASE_SATISFACTION_CREDIT: z.string().regex(/^(0(\.\d+)?|1(\.0+)?)(,(0(\.\d+)?|1(\.0+)?)){4}$/, 'must be five numbers 0–1, from 非常满意 to 非常不满意').default('1,1,0.6,0,0'),
  JING_WHISTLE_CHECKIN_MINUTES: z.coerce.number().min(1).max(24 * 60).default(30),
  JING_RATING_RECTIFY_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  JING_JOBS_INTERVAL_SECONDS: z.coerce.number().min(0).max(86400).default(300),
  JING_CACHE_POLL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  JING_MQTT_MODE: z.enum(['embedded', 'external', 'off']).default('embedded'),
  JING_MQTT_HOST: z.string().default('0.0.0.0'),
  JING_MQTT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  JING_MQTT_URL: z.string().regex(/^mqtts?:\/\//, 'must be mqtt://… or mqtts://…').optional(),
  JING_MQTT_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(256).max(1024 * 1024).default(16 * 1024),
  JING_SENSING_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(16 * 1024 * 1024),
  JING_SENSING_MAX_FUTURE_SECONDS: z.coerce.number().int().min(0).max(7 * 86400).default(600),
  JING_SENSING_ROLLUP_SECONDS: z.coerce.number().min(0).max(86400).default(10),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  logLevel: string;
  varDir: string;
  timeZone: string;
  cityCode: string;
  /** 32-byte key for encrypting personal identifiers at rest. */
  dataKey: Buffer;
  sessionTtlMs: number;
  cookieSecure: boolean;
  webDist: string;
  mapStyleUrl: string | null;
  bodyLimit: number;
  /** Largest uploaded file. */
  uploadLimit: number;
  loginRatePerMinute: number;
  loginMaxFailures: number;
  loginLockMs: number;
  seedDemo: boolean;
  trustProxy: boolean;
  /** 三率: weights of the response, resolution and satisfaction rates in the score. */
  caseRateWeights: { response: number; resolution: number; satisfaction: number };
  /** 三率: how much each satisfaction level counts, 非常满意 … 非常不满意. */
  satisfactionCredit: [number, number, number, number, number];
  /** 吹哨报到: minutes a summoned agency has to check in. */
  whistleCheckinMinutes: number;
  /** 好差评: working days a unit has to rectify a bad review. */
  ratingRectifyDays: number;
  /** The URL the public reaches this server at (for links in discovery documents). */
  publicUrl: string | null;
  /** A JSON file of the city's corrections to the working-day calendar (docs/working-days.md). */
  calendarOverridesFile: string | null;
  /** How often periodic jobs (e.g. supervision escalation) run; 0 turns them off. */
  jobsIntervalMs: number;
  /** How often a server reads the cache epochs to learn of other processes' changes (ADR 0019); 0 turns it off. */
  cachePollMs: number;
  /** MQTT ingestion: `embedded` broker (aedes), `external` broker at mqttUrl, or `off`. */
  mqttMode: 'embedded' | 'external' | 'off';
  mqttHost: string;
  /** Port of the embedded broker (not 1883, which a system Mosquitto usually holds). */
  mqttPort: number;
  mqttUrl: string | null;
  /** Largest MQTT reading payload. */
  mqttMaxPayloadBytes: number;
  /** Largest body of POST /api/v1/sensing/readings. */
  sensingBodyLimit: number;
  /** How far in the future a reading may be dated. */
  sensingMaxFutureMs: number;
  /** How often hourly rollups run in the background (reads also roll up first); 0 = only on demand. */
  sensingRollupMs: number;
}

export class ConfigError extends Error {}

/**
 * Parses and validates the environment once, at start-up. Nothing else in the
 * server reads `process.env`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const varDir = resolve(e.JING_VAR_DIR);
  try {
    new Intl.DateTimeFormat('en', { timeZone: e.JING_TIME_ZONE });
  } catch {
    throw new ConfigError(`invalid configuration:\n  JING_TIME_ZONE: unknown time zone ${e.JING_TIME_ZONE}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    varDir,
    timeZone: e.JING_TIME_ZONE,
    cityCode: e.JING_CITY_CODE,
    dataKey: e.JING_DATA_KEY ? Buffer.from(e.JING_DATA_KEY, 'hex') : localDataKey(varDir),
    sessionTtlMs: e.JING_SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.JING_COOKIE_SECURE,
    webDist: resolve(e.JING_WEB_DIST),
    mapStyleUrl: e.JING_MAP_STYLE_URL ?? null,
    bodyLimit: e.JING_BODY_LIMIT_BYTES,
    uploadLimit: e.JING_UPLOAD_LIMIT_BYTES,
    loginRatePerMinute: e.JING_LOGIN_RATE_PER_MINUTE,
    loginMaxFailures: e.JING_LOGIN_MAX_FAILURES,
    loginLockMs: e.JING_LOGIN_LOCK_MINUTES * 60_000,
    seedDemo: e.JING_SEED_DEMO,
    trustProxy: e.JING_TRUST_PROXY,
    caseRateWeights: (([response, resolution, satisfaction]) => ({ response: response!, resolution: resolution!, satisfaction: satisfaction! }))(e.JING_CASE_RATE_WEIGHTS.split(',').map(Number)),
    satisfactionCredit: e.JING_CASE_SATISFACTION_CREDIT.split(',').map(Number) as Config['satisfactionCredit'],
    whistleCheckinMinutes: e.JING_WHISTLE_CHECKIN_MINUTES,
    ratingRectifyDays: e.JING_RATING_RECTIFY_DAYS,
    publicUrl: e.JING_PUBLIC_URL?.replace(/\/$/, '') ?? null,
    calendarOverridesFile: e.JING_CALENDAR_OVERRIDES ? resolve(e.JING_CALENDAR_OVERRIDES) : null,
    jobsIntervalMs: e.JING_JOBS_INTERVAL_SECONDS * 1000,
    cachePollMs: e.JING_CACHE_POLL_MS,
    mqttMode: e.JING_MQTT_MODE,
    mqttHost: e.JING_MQTT_HOST,
    // 1884 by default; with PORT=0 (tests, benchmarks: any free port) the broker takes any free port too,
    // so servers started side by side never fight over one.
    mqttPort: e.JING_MQTT_PORT ?? (e.PORT === 0 ? 0 : 1884),
    mqttUrl: e.JING_MQTT_URL ?? null,
    mqttMaxPayloadBytes: e.JING_MQTT_MAX_PAYLOAD_BYTES,
    sensingBodyLimit: e.JING_SENSING_BODY_LIMIT_BYTES,
    sensingMaxFutureMs: e.JING_SENSING_MAX_FUTURE_SECONDS * 1000,
    sensingRollupMs: e.JING_SENSING_ROLLUP_SECONDS * 1000,
  };
}

/**
 * Without JING_DATA_KEY, the embedded setup keeps a generated key in
 * `var/data-key` (mode 0600) so a demo survives restarts. Production sets the key.
 */
function localDataKey(varDir: string): Buffer {
  const file = resolve(varDir, 'data-key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}
