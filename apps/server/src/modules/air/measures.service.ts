import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { inTransaction, nowIso } from '@jing/db';
import type { Measure, MeasureCategory, MeasureType, airWorkRoutes, BodyOf } from '@jing/contracts';
import { covers, type Caller } from '../../platform/auth/context.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { SensingService } from '../sensing/index.ts';
import type { MeasureFilter, MeasureRow, MeasuresRepository } from './measures.repository.ts';

type MeasureView = z.infer<typeof Measure>;
type NewMeasure = BodyOf<typeof airWorkRoutes.createMeasure>;
type MeasurePatch = BodyOf<typeof airWorkRoutes.updateMeasure>;

/** The category a measure type belongs to (科技 / 执法 / 管理). */
export const CATEGORY_OF: Record<z.infer<typeof MeasureType>, z.infer<typeof MeasureCategory>> = {
  coal_to_gas: 'technology',
  dust_suppression: 'technology',
  inspection: 'enforcement',
  penalty: 'enforcement',
  construction_halt: 'management',
  traffic_restriction: 'management',
  other: 'management',
};

export interface MeasuresDeps {
  db: Kysely<any>;
  repo: MeasuresRepository;
  audit: AuditLog;
  sensing: SensingService;
  unitPath(code: string, trx?: Transaction<any>): Promise<string | null>;
  unitName(code: string): Promise<string>;
  /** District of a unit (itself when it is a district); null above or outside districts. */
  districtOf(code: string): Promise<string | null>;
  locate(lng: number, lat: number): Promise<{ district: { code: string } | null }>;
  clock?: () => number;
}

/**
 * The register of 一微克 measures — technology (煤改气, 降尘), enforcement (检查, 处罚), management
 * (停工, 交通管控) — with place, period and responsible unit. Anyone on the staff may read it; changes
 * need air.manage covering the responsible unit, carry a version, and are audited.
 */
export class MeasuresService {
  private readonly clock: () => number;
  constructor(private readonly deps: MeasuresDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  private async mayManage(caller: Caller, unitCode: string, field: string): Promise<string> {
    const path = await this.deps.unitPath(unitCode);
    if (!path) throw invalidField(field, `no unit ${unitCode}`);
    if (caller.auth && !covers(caller.auth, 'air.manage', path)) throw invalidField(field, `${unitCode} is not a unit within your air.manage scope`);
    return path;
  }

  /** Place → district, station code and point, validated (field paths under `body.place`). */
  private async place(p: NewMeasure['place']): Promise<Pick<MeasureRow, 'place_kind' | 'place_unit_code' | 'station_code' | 'lng' | 'lat' | 'district_code'>> {
    if (p.kind === 'unit') {
      if (!p.unitCode) throw invalidField('body.place.unitCode', 'is required for a place of kind unit');
      if (!(await this.deps.unitPath(p.unitCode))) throw invalidField('body.place.unitCode', `no unit ${p.unitCode}`);
      return { place_kind: 'unit', place_unit_code: p.unitCode, station_code: null, lng: null, lat: null, district_code: await this.deps.districtOf(p.unitCode) };
    }
    if (p.kind === 'station') {
      if (!p.station) throw invalidField('body.place.station', 'is required for a place of kind station');
      const d = await this.deps.sensing.findDevice(p.station);
      if (!d) throw invalidField('body.place.station', `no station ${p.station}`);
      return { place_kind: 'station', place_unit_code: null, station_code: d.code, lng: d.lng === null ? null : Number(d.lng), lat: d.lat === null ? null : Number(d.lat), district_code: d.district_code };
    }
    if (p.lng === undefined || p.lat === undefined) throw invalidField('body.place.lng', 'a point needs lng and lat');
    const where = await this.deps.locate(p.lng, p.lat);
    return { place_kind: 'point', place_unit_code: null, station_code: null, lng: p.lng, lat: p.lat, district_code: where.district?.code ?? null };
  }

  async create(caller: Caller, input: NewMeasure, trx?: Transaction<any>, extra: { alertId?: string; trusted?: boolean } = {}): Promise<MeasureView> {
    const scope = extra.trusted ? ((await this.deps.unitPath(input.responsibleUnitCode)) ?? '/') : await this.mayManage(caller, input.responsibleUnitCode, 'body.responsibleUnitCode');
    if (input.endDate && input.endDate < input.startDate) throw invalidField('body.endDate', 'must not be before startDate');
    const now = nowIso(this.clock);
    const row: MeasureRow = {
      id: randomUUID(),
      category: input.category,
      type: input.type,
      title: input.title,
      description: input.description ?? '',
      ...(await this.place(input.place)),
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      responsible_unit_code: input.responsibleUnitCode,
      scope_path: scope,
      alert_id: extra.alertId ?? null,
      created_by: caller.auth?.actor.id ?? null,
      created_at: now,
      updated_at: now,
      version: 0,
    };
    const write = async (t: Transaction<any>) => {
      await this.deps.repo.insert(t, row);
      await this.deps.audit.record(t, caller, { action: 'air.measure.create', targetType: 'air_measure', targetId: row.id, unitCode: row.responsible_unit_code, after: { title: row.title, type: row.type, startDate: row.start_date, endDate: row.end_date } });
    };
    if (trx) await write(trx);
    else await inTransaction(this.deps.db, write);
    return this.view(row);
  }

  async update(caller: Caller, id: string, patch: MeasurePatch): Promise<MeasureView> {
    const m = await this.deps.repo.get(id);
    if (!m) throw notFound('measure', id);
    if (caller.auth && !covers(caller.auth, 'air.manage', m.scope_path)) throw forbidden('the measure is outside your air.manage scope');
    if (m.version !== patch.version) throw conflict('the measure changed since you loaded it', { current: m.version });
    const set: Partial<MeasureRow> = { updated_at: nowIso(this.clock) };
    if (patch.category) set.category = patch.category;
    if (patch.type) set.type = patch.type;
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.description !== undefined) set.description = patch.description;
    if (patch.place) Object.assign(set, await this.place(patch.place));
    if (patch.startDate) set.start_date = patch.startDate;
    if (patch.endDate !== undefined) set.end_date = patch.endDate;
    if (patch.responsibleUnitCode) {
      set.responsible_unit_code = patch.responsibleUnitCode;
      set.scope_path = await this.mayManage(caller, patch.responsibleUnitCode, 'body.responsibleUnitCode');
    }
    const start = set.start_date ?? m.start_date;
    const end = set.end_date === undefined ? m.end_date : set.end_date;
    if (end && end < start) throw invalidField('body.endDate', 'must not be before startDate');
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.update(trx, id, m.version, set))) throw conflict('the measure changed since you loaded it');
      const before = Object.fromEntries(Object.keys(set).map((k) => [k, m[k as keyof MeasureRow]]));
      await this.deps.audit.record(trx, caller, { action: 'air.measure.update', targetType: 'air_measure', targetId: id, unitCode: m.responsible_unit_code, before, after: set });
    });
    return this.get(id);
  }

  async remove(caller: Caller, id: string, version: number): Promise<{ ok: true }> {
    const m = await this.deps.repo.get(id);
    if (!m) throw notFound('measure', id);
    if (caller.auth && !covers(caller.auth, 'air.manage', m.scope_path)) throw forbidden('the measure is outside your air.manage scope');
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.delete(trx, id, version))) throw conflict('the measure changed since you loaded it', { current: m.version });
      await this.deps.audit.record(trx, caller, { action: 'air.measure.delete', targetType: 'air_measure', targetId: id, unitCode: m.responsible_unit_code, before: { title: m.title, type: m.type, startDate: m.start_date, endDate: m.end_date } });
    });
    return { ok: true };
  }

  async get(id: string): Promise<MeasureView> {
    const m = await this.deps.repo.get(id);
    if (!m) throw notFound('measure', id);
    return this.view(m);
  }

  async list(f: MeasureFilter, limit: number): Promise<MeasureView[]> {
    return Promise.all((await this.deps.repo.list(f, limit)).map((m) => this.view(m)));
  }

  private async view(m: MeasureRow): Promise<MeasureView> {
    const ref = async (code: string | null) => (code ? { code, name: await this.deps.unitName(code) } : null);
    return {
      id: m.id,
      category: m.category as MeasureView['category'],
      type: m.type as MeasureView['type'],
      title: m.title,
      description: m.description,
      place: { kind: m.place_kind as MeasureView['place']['kind'], unit: await ref(m.place_unit_code), station: m.station_code, lng: m.lng, lat: m.lat },
      district: await ref(m.district_code),
      startDate: m.start_date,
      endDate: m.end_date,
      responsibleUnit: (await ref(m.responsible_unit_code))!,
      alertId: m.alert_id,
      createdAt: m.created_at,
      updatedAt: m.updated_at,
      version: m.version,
    };
  }
}
