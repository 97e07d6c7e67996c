import type { Database } from '@jing/db';
import type { Transaction } from 'kysely';
import type { Caller } from '../../platform/auth/context.ts';
import type { AuditLog } from '../audit/index.ts';
import type { SensingService } from '../sensing/index.ts';
import type { SupervisionService } from '../supervision/index.ts';
import type { AirService } from './air.service.ts';
import { AlertsRepository } from './alerts.repository.ts';
import { AlertsService } from './alerts.service.ts';
import { BriefService } from './brief.ts';
import { MeasuresRepository } from './measures.repository.ts';
import { MeasuresService } from './measures.service.ts';
import { ReductionsService } from './reductions.service.ts';
import { WeatherRepository } from './weather.ts';

/** 一微克 work, composed: alerts → 督办, the register of measures, reductions, the monthly brief. */
export interface AirWork {
  alerts: AlertsService;
  measures: MeasuresService;
  reductions: ReductionsService;
  brief: BriefService;
  weather: WeatherRepository;
}

export interface AirWorkDeps {
  database: Database;
  audit: AuditLog;
  sensing: SensingService;
  supervision: SupervisionService;
  air: AirService;
  cityCode: string;
  org: {
    unitPath(code: string, trx?: Transaction<any>): Promise<string | null>;
    unitName(code: string): Promise<string>;
    levelOf(code: string): Promise<string | null>;
    parentOf(code: string): Promise<string | null>;
    agencyOf(parentCode: string, type: string): Promise<string | null>;
  };
  locate(lng: number, lat: number): Promise<{ district: { code: string } | null }>;
  ownFiles(caller: Caller, ids: string[], field: string): Promise<unknown[]>;
}

export function createAirWork(deps: AirWorkDeps): AirWork {
  const { db, engine } = deps.database;
  const { org } = deps;
  const districtOf = async (code: string): Promise<string | null> => {
    for (let c: string | null = code, i = 0; c && i < 6; c = await org.parentOf(c), i++) if ((await org.levelOf(c)) === 'district') return c;
    return null;
  };
  const measures = new MeasuresService({ db, repo: new MeasuresRepository(db), audit: deps.audit, sensing: deps.sensing, unitPath: org.unitPath, unitName: org.unitName, districtOf, locate: deps.locate });
  const alerts = new AlertsService({
    db, repo: new AlertsRepository(db), audit: deps.audit, sensing: deps.sensing, supervision: deps.supervision, measures, cityCode: deps.cityCode,
    unitPath: org.unitPath, unitName: org.unitName, agencyOf: org.agencyOf, ownFiles: deps.ownFiles,
  });
  const weather = new WeatherRepository(db, engine);
  const reductions = new ReductionsService(deps.sensing, weather);
  const brief = new BriefService({ air: deps.air, measures, reductions, unitName: org.unitName, levelOf: org.levelOf });
  return { alerts, measures, reductions, brief, weather };
}
