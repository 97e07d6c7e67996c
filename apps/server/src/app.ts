import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRoutes, systemRoutes, type RouteDef } from '@jing/contracts';
import { dialectHelper, migrateToLatest, openDatabase, sql, type Database, type ModuleMigrations } from '@jing/db';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Logger } from './platform/logger.ts';
import { EventBus } from './platform/events.ts';
import { CacheEpochs, cacheEpochMigrations } from './platform/cache-epochs.ts';
import { FieldCrypto } from './platform/crypto.ts';
import { DomainError } from './platform/errors.ts';
import { bind, type RouteBinding } from './platform/http/binding.ts';
import { Metrics } from './platform/http/metrics.ts';
import { buildOpenApi } from './platform/http/openapi.ts';
import { createHttpServer } from './platform/http/server.ts';
import { AuditLog, AuditRepository, auditBindings, auditMigrations } from './modules/audit/index.ts';
import { DATA_DIR, agencyTypes, OrgRepository, OrgService, orgBindings, orgMigrations } from './modules/org/index.ts';
import { AccountService, IdentityRepository, SessionService, identityBindings, identityMigrations } from './modules/identity/index.ts';
import { GeoRepository, GeoService, geoBindings, geoMigrations } from './modules/geo/index.ts';
import { InboxRepository, InboxService, inboxBindings, inboxMigrations } from './modules/inbox/index.ts';
import { ProactiveGovernance, CaseMerging, CaseCollaboration, CaseHandling, CaseRates, CaseRepository, CaseService, Catalogue, caseBindings, caseMigrations } from './modules/cases/index.ts';
import { Open311Service, open311Bindings, open311Migrations } from './modules/open311/index.ts';
import { FileService, fileBindings, fileMigrations } from './modules/files/index.ts';
import { KnowledgeService, knowledgeBindings, knowledgeMigrations } from './modules/knowledge/index.ts';
import { WorkingCalendar, loadCalendarOverrides } from './modules/calendar/index.ts';
import { NoticeRepository, NoticeService, noticeBindings, noticeMigrations } from './modules/notices/index.ts';
import { SupervisionRepository, SupervisionService, supervisionBindings, supervisionMigrations } from './modules/supervision/index.ts';
import { createSensing, sensingBindings, sensingContentTypes, sensingMigrations, type Sensing, type SensingService } from './modules/sensing/index.ts';
import { ServiceCatalogue, ServiceRepository, serviceBindings, serviceMigrations } from './modules/services/index.ts';
import { HallQueue, HallRepository, HallService, hallBindings, hallMigrations } from './modules/halls/index.ts';
import { RatingRepository, RatingService, RectificationService, ratingBindings, ratingMigrations } from './modules/ratings/index.ts';
import { AirRankingService, AirService, airBindings, airRankingBindings, airWorkBindings, airWorkMigrations, createAirWork, type AirWork } from './modules/air/index.ts';
import { NotificationRepository, NotificationService, OutboxAdapter, notificationBindings, notificationMigrations } from './modules/notifications/index.ts';
import { CertificateRepository, CertificateService, CertificateSigner, certificateBindings, certificateMigrations } from './modules/certificates/index.ts';
import { ApplicationHandling, ApplicationRepository, ApplicationService, applicationBindings, applicationMigrations } from './modules/applications/index.ts';

/** Every module's migrations, in the order they were written. */
export const MIGRATIONS: ModuleMigrations[] = [
  auditMigrations, orgMigrations, identityMigrations, geoMigrations, inboxMigrations, supervisionMigrations, noticeMigrations, fileMigrations,
  caseMigrations, open311Migrations, knowledgeMigrations, sensingMigrations, serviceMigrations, hallMigrations, ratingMigrations, airWorkMigrations,
  notificationMigrations, certificateMigrations, applicationMigrations, cacheEpochMigrations,
];

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The composed application: services by module, for the HTTP server, the CLI and tests. */
export interface Jing {
  config: Config;
  logger: Logger;
  database: Database;
  events: EventBus;
  /** Tells this process's caches what other processes changed (ADR 0019). */
  cacheEpochs: CacheEpochs;
  audit: AuditLog;
  org: OrgService;
  sessions: SessionService;
  accounts: AccountService;
  geo: GeoService;
  inbox: InboxService;
  supervision: SupervisionService;
  notices: NoticeService;
  files: FileService;
  knowledge: KnowledgeService;
  /** 工作日历: working days on China's official holiday calendar plus the city's corrections. */
  calendar: WorkingCalendar;
  cases: CaseService;
  caseHandling: CaseHandling;
  caseCollaboration: CaseCollaboration;
  caseMerging: CaseMerging;
  caseRates: CaseRates;
  proactive: ProactiveGovernance;
  open311: Open311Service;
  /** Sensing registry: monitoring networks and devices. */
  sensing: SensingService;
  /** The whole sensing module: ingestion, rollups, MQTT (started by `startJing`). */
  sensingModule: Sensing;
  /** 一微克 air quality: stations, daily and real-time AQI. */
  air: AirService;
  /** 政务服务事项: the versioned service catalogue of 京通. */
  services: ServiceCatalogue;
  /** 政务服务大厅: halls, windows, appointment slots. */
  halls: HallService;
  /** The queue of the halls: tickets, calls to windows, visits. */
  hallQueue: HallQueue;
  /** 好差评: ratings of applications and hall visits, statistics. */
  ratings: RatingService;
  /** 差评整改: callbacks, outcomes, appeals. */
  rectification: RectificationService;
  /** 一微克 work: alerts that become 督办 tasks, measures, reductions, the monthly brief. */
  airWork: AirWork;
  /** 消息通知: in-app notifications; SMS and e-mail through adapters (default: the outbox table). */
  notifications: NotificationService;
  /** 电子证照: signed e-certificates, the wallet, public verification. */
  certificates: CertificateService;
  /** 办件: applications online and at hall windows, on the working-day clock. */
  applications: ApplicationService;
  applicationHandling: ApplicationHandling;
  /** 一微克 rankings: stations map, air near a point, district and street rankings, trends, annual assessment. */
  airRankings: AirRankingService;
  close(): Promise<void>;
}

/** Opens the database, migrates it, and wires every module with explicit dependencies. */
export async function createJing(config: Config, logger: Logger, opts: { database?: Database; migrate?: boolean } = {}): Promise<Jing> {
  const database = opts.database ?? openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  const { db, engine } = database;
  const dialect = dialectHelper(engine);
  if (opts.migrate !== false) await migrateToLatest(db, MIGRATIONS);
  const events = new EventBus(logger);
  const calendar = WorkingCalendar.national(config.calendarOverridesFile ? { overrides: loadCalendarOverrides(config.calendarOverridesFile) } : {});
  const crypto = new FieldCrypto(config.dataKey);
  const cacheEpochs = new CacheEpochs(db, logger);

  // The audit log needs unit paths and the org module writes audit entries:
  // the cycle is broken by handing the audit log a function, bound after both exist.
  let org: OrgService | undefined;
  const unitPath = (code: string) => org!.unitPath(code);
  const audit = new AuditLog(new AuditRepository(db, dialect), (code, trx) => org!.unitPath(code, trx), Date.now, cacheEpochs);
  org = new OrgService(db, new OrgRepository(db, dialect), audit);
  const unitName = async (code: string) => (await org!.getUnit(code).catch(() => null))?.name ?? null;

  const identityRepo = new IdentityRepository(db);
  const sessions = new SessionService(db, identityRepo, audit, unitPath, unitName, {
    ttlMs: config.sessionTtlMs,
    maxFailures: config.loginMaxFailures,
    lockMs: config.loginLockMs,
  });
  const accounts = new AccountService(db, dialect, identityRepo, audit, crypto, unitPath, () => sessions.invalidate());
  const geo = new GeoService(db, new GeoRepository(db), audit, (code) => org!.getUnit(code), config.cityCode);
  const inbox = new InboxService(new InboxRepository(db), (code, trx) => org!.unitPath(code, trx));
  const orgLookup = {
    unitPath: (code: string, trx?: Parameters<OrgService['unitPath']>[1]) => org!.unitPath(code, trx),
    unitName: async (code: string) => (await unitName(code)) ?? code,
    parentOf: async (code: string) => (await org!.getUnit(code).catch(() => null))?.parentCode ?? null,
    agencyOf: (parent: string, type: string) => org!.agencyOf(parent, type),
  };
  const supervision = new SupervisionService(db, new SupervisionRepository(db), audit, inbox, orgLookup);
  const notices = new NoticeService(db, new NoticeRepository(db), audit, inbox, {
    unitPath: orgLookup.unitPath,
    unitName: orgLookup.unitName,
    staffIn: (code) => accounts.listStaff(code, true),
  });
  const files = new FileService(db, audit, join(config.varDir, 'files'));
  const caseRepo = new CaseRepository(db);
  const cases = new CaseService({
    db, dialect,
    ownFiles: (caller, ids, field) => files.ownedBy(caller, ids, field), repo: caseRepo, audit, inbox, calendar, crypto,
    catalogue: Catalogue.default(DATA_DIR),
    timeZone: config.timeZone,
    cityCode: config.cityCode,
    locate: (lng, lat) => geo.locate(lng, lat),
    unitPath: orgLookup.unitPath,
    unitName: orgLookup.unitName,
    parentOf: orgLookup.parentOf,
    agencyOf: orgLookup.agencyOf,
  });
  files.addAccessRule((caller, fileId) => cases.mayReadFile(caller, fileId));
  const knowledge = new KnowledgeService(db, audit, (code) => !!cases.deps.catalogue.get(code));
  const caseHandling = new CaseHandling(cases);
  const caseCollaboration = new CaseCollaboration(cases, config.whistleCheckinMinutes);
  const proactive = new ProactiveGovernance(cases, supervision);
  const caseMerging = new CaseMerging(cases);
  const open311 = new Open311Service(db, cases, caseRepo, audit, async () => {
    const city = await org!.unitPath(config.cityCode);
    return city ? org!.listLevel('street', city) : [];
  });
  const [vs, s, bs, d, vd] = config.satisfactionCredit;
  const formula = { weights: config.caseRateWeights, satisfactionCredit: { very_satisfied: vs, satisfied: s, basically_satisfied: bs, dissatisfied: d, very_dissatisfied: vd } };
  const caseRates = new CaseRates(caseRepo, formula, { listLevel: (level, path) => org!.listLevel(level, path), unitPath: (code) => org!.unitPath(code) }, config.cityCode);

  const sensingModule = await createSensing({
    database, dialect, audit, logger,
    locate: (lng, lat) => geo.locate(lng, lat),
    settings: {
      mqttMode: config.mqttMode, mqttHost: config.mqttHost, mqttPort: config.mqttPort, mqttUrl: config.mqttUrl, mqttMaxPayloadBytes: config.mqttMaxPayloadBytes,
      maxFutureMs: config.sensingMaxFutureMs, rollupIntervalMs: config.sensingRollupMs,
    },
  });
  const air = new AirService(sensingModule.service);
  const services = new ServiceCatalogue(db, new ServiceRepository(db), audit, { cityCode: config.cityCode, unitTypes: agencyTypes });
  const itemName = async (code: string) => (await services.get(code).catch(() => null))?.name ?? null;
  const halls = new HallService({ db, dialect, repo: new HallRepository(db), audit, calendar, timeZone: config.timeZone, org: orgLookup, itemName });
  // Built below: a clerk links a visitor's application only once both modules are up.
  const hallQueue = new HallQueue(halls, (idOrNumber) => applications.forVisit(idOrNumber));
  const ratings = new RatingService({
    db, dialect, repo: new RatingRepository(db), audit, calendar, timeZone: config.timeZone, supervision, inbox, itemName,
    org: orgLookup,
    hallName: async (id) => (await halls.hall(id).catch(() => null))?.name ?? null,
    rectifyDays: config.ratingRectifyDays,
  });
  // 一次一评: hall visits are rated here; the applications module registers `application` (一事一评).
  ratings.registerSubject('hall_visit', (id) => hallQueue.visitSubject(id));
  const rectification = new RectificationService(ratings);

  const airWork = createAirWork({
    database, audit, sensing: sensingModule.service, supervision, air, cityCode: config.cityCode,
    org: {
      unitPath: orgLookup.unitPath,
      unitName: orgLookup.unitName,
      parentOf: orgLookup.parentOf,
      levelOf: async (code) => (await org!.getUnit(code).catch(() => null))?.level ?? null,
      agencyOf: async (parent, type) => (await orgLookup.agencyOf(parent, type))?.code ?? null,
    },
    locate: (lng, lat) => geo.locate(lng, lat),
    ownFiles: (caller, ids, field) => files.ownedBy(caller, ids, field),
  });
  files.addAccessRule((caller, fileId) => airWork.alerts.mayReadFile(caller, fileId));

  const notificationRepo = new NotificationRepository(db);
  const notifications = new NotificationService(notificationRepo, [new OutboxAdapter('sms', notificationRepo), new OutboxAdapter('email', notificationRepo)], async (id, trx) => {
    const p = await accounts.profile(id, trx, { secrets: false });
    return { phoneMasked: p?.phoneMasked ?? null, emailMasked: null };
  });
  const certificateRepo = new CertificateRepository(db);
  const certificates = new CertificateService(db, certificateRepo, new CertificateSigner(join(config.varDir, 'keys', 'certificates'), certificateRepo), audit, orgLookup);
  await certificates.signer.ready();
  const applications = new ApplicationService({
    db, dialect, repo: new ApplicationRepository(db), audit, inbox, calendar,
    timeZone: config.timeZone, cityCode: config.cityCode,
    catalogue: services, certificates, notifications, files, accounts,
    org: orgLookup,
  });
  const applicationHandling = new ApplicationHandling(applications);
  files.addAccessRule((caller, fileId) => applications.mayReadFile(caller, fileId));
  // 一事一评: a completed application can be rated by its applicant.
  ratings.registerSubject('application', (id) => applications.ratingSubject(id));

  // What other processes change (a second server, the CLI) reaches these caches within a poll (ADR 0019).
  cacheEpochs.watch('org', ['org.'], () => org!.invalidate());
  cacheEpochs.watch('geo', ['geo.'], () => geo.invalidate());
  cacheEpochs.watch('services', ['services.'], () => services.invalidate());
  cacheEpochs.watch('sessions', ['account.', 'auth.logout', 'auth.password_change', 'auth.lock', 'auth.act_as', 'auth.stop_acting'], () => sessions.invalidate());
  cacheEpochs.watch('sensing', ['sensing.network.', 'sensing.device.'], () => sensingModule.directory.forget());

  const airRankings = new AirRankingService(sensingModule.service, air, async () => ({ code: config.cityCode, name: (await unitName(config.cityCode)) ?? config.cityCode }));

  return {
    config, logger, database, events, cacheEpochs, audit, org, sessions, accounts, geo, inbox, supervision, notices, files, knowledge, calendar, cases, caseHandling, caseCollaboration, caseMerging, caseRates, proactive, open311,
    sensing: sensingModule.service, sensingModule, air, services, halls, hallQueue, ratings, rectification, airWork, notifications, certificates, applications, applicationHandling, airRankings,
    close: async () => {
      await cacheEpochs.stop();
      await sensingModule.stop();
      sensingModule.close();
      await database.close();
    },
  };
}

/** Every route binding of the API; a test checks it matches the contract table exactly. */
export function apiBindings(jing: Jing, metrics: Metrics, openapi: Record<string, unknown>): RouteBinding[] {
  const { config } = jing;
  return [
    bind(systemRoutes.healthz, async () => ({ status: 'ok' as const })),
    bind(systemRoutes.readyz, async () => {
      try {
        await sql`select 1`.execute(jing.database.db);
      } catch {
        throw new DomainError('unavailable', 'database unreachable');
      }
      return { status: 'ok' as const, database: jing.database.engine };
    }),
    bind(systemRoutes.metrics, async (ctx) => {
      ctx.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
      return metrics.render() + jing.sensingModule.ingest.metrics.render();
    }),
    bind(systemRoutes.openapi, async (ctx) => {
      ctx.header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify(openapi);
    }),
    bind(systemRoutes.config, async () => ({
      cityCode: config.cityCode,
      cityName: (await jing.org.getUnit(config.cityCode).catch(() => null))?.name ?? config.cityCode,
      timeZone: config.timeZone,
      mapStyleUrl: config.mapStyleUrl,
      center: [116.397, 39.909] as [number, number],
      uploadLimitBytes: config.uploadLimit,
    })),
    ...identityBindings(jing.sessions, jing.accounts, config.sessionTtlMs),
    ...orgBindings(jing.org),
    ...geoBindings(jing.geo),
    ...auditBindings(jing.audit),
    ...inboxBindings(jing.inbox),
    ...supervisionBindings(jing.supervision),
    ...noticeBindings(jing.notices),
    ...caseBindings(jing.cases, jing.caseHandling, jing.caseCollaboration, jing.caseMerging, jing.caseRates),
    ...fileBindings(jing.files, config.uploadLimit),
    ...knowledgeBindings(jing.knowledge),
    ...open311Bindings(jing.open311, () => config.publicUrl ?? `http://localhost:${config.port}`),
    ...sensingBindings(jing.sensing, jing.sensingModule.ingest, config.sensingBodyLimit),
    ...airBindings(jing.air),
    ...serviceBindings(jing.services),
    ...hallBindings(jing.halls, jing.hallQueue),
    ...ratingBindings(jing.ratings, jing.rectification),
    ...airWorkBindings(jing.airWork),
    ...notificationBindings(jing.notifications),
    ...certificateBindings(jing.certificates, (host) => config.publicUrl ?? `http://${host ?? `localhost:${config.port}`}`, config.timeZone),
    ...applicationBindings(jing.applications, jing.applicationHandling),
    ...airRankingBindings(jing.airRankings),
  ];
}

/** The HTTP server over a composed application. */
export async function createServer(jing: Jing, routes: RouteDef[] = allRoutes): Promise<FastifyInstance> {
  const metrics = new Metrics(() => jing.database.poolStats());
  const openapi = buildOpenApi(routes, { version: VERSION });
  const bindings = apiBindings(jing, metrics, openapi);
  const app = await createHttpServer({
    config: jing.config,
    logger: jing.logger,
    metrics,
    bindings,
    openapi,
    authenticate: (sid) => jing.sessions.authenticate(sid),
    unitPath: (code) => jing.org.unitPath(code),
  });
  sensingContentTypes(app);
  return app;
}
