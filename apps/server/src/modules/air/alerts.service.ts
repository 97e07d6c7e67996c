import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { inTransaction, nowIso } from '@jing/db';
import type { AirAlert, AirAlertDetail, AlertRule, BodyOf, airWorkRoutes } from '@jing/contracts';
import { covers, scopePaths, SYSTEM_CALLER, type Caller } from '../../platform/auth/context.ts';
import { conflict, DomainError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import { HOUR_MS, type DeviceWithNetwork, type HourlyRow, type SensingService } from '../sensing/index.ts';
import type { SupervisionService } from '../supervision/index.ts';
import {
  alertState,
  BAD,
  firstRun,
  gapVerdicts,
  hotspotVerdicts,
  neighboursWithin,
  OK,
  thresholdVerdicts,
  type HotspotParams,
  type RuleParams,
  type ThresholdParams,
  type Verdicts,
} from './alerts.rules.ts';
import type { AlertRow, AlertsRepository, RuleRow } from './alerts.repository.ts';
import { CATEGORY_OF, type MeasuresService } from './measures.service.ts';

/** Hours looked back for new runs each evaluation. */
const LOOKBACK_HOURS = 48;
/** Open alerts are re-judged from their first hour, but never over more than this. */
const MAX_TRACK_HOURS = 14 * 24;
/** An hourly mean counts when its readings cover 45 minutes (as HJ 663 asks of stations). */
const MIN_COVERAGE_SECONDS = 45 * 60;

const POLLUTANT_NAMES: Record<string, string> = { pm25: 'PM2.5', pm10: 'PM10', so2: 'SO2', no2: 'NO2', co: 'CO', o3: 'O3' };
const KIND_NAMES: Record<string, string> = { threshold: '超标', hotspot: '热点（持续高于周边）', gap: '数据缺失' };

type Rule = z.infer<typeof AlertRule>;
type AlertView = z.infer<typeof AirAlert>;
type AlertDetailView = z.infer<typeof AirAlertDetail>;
type ReportBody = BodyOf<typeof airWorkRoutes.report>;

export interface AlertsDeps {
  db: Kysely<any>;
  repo: AlertsRepository;
  audit: AuditLog;
  sensing: SensingService;
  supervision: SupervisionService;
  measures: MeasuresService;
  cityCode: string;
  unitPath(code: string, trx?: Transaction<any>): Promise<string | null>;
  unitName(code: string): Promise<string>;
  /** The agency of a type under a district or the city (e.g. `ecology` → 生态环境局). */
  agencyOf(parentCode: string, type: string): Promise<string | null>;
  /** Files the caller uploaded (the files module), validated by field path. */
  ownFiles(caller: Caller, ids: string[], field: string): Promise<unknown[]>;
  clock?: () => number;
}

export interface EvaluationResult {
  raised: number;
  verifying: number;
  closed: number;
  returned: number;
  evaluatedTo: string;
}

function parseRule(r: RuleRow): Rule {
  return { id: r.id, kind: r.kind as Rule['kind'], deviceTypes: r.device_types.split(','), pollutant: r.pollutant, enabled: !!Number(r.enabled), params: JSON.parse(r.params_json), version: Number(r.version), updatedAt: r.updated_at };
}

/** Valid hourly means of one pollutant per device over [fromHour, toHour), NaN where there is none. */
function seriesOf(rows: HourlyRow[], devices: Map<number, DeviceWithNetwork>, pollutant: string, fromHour: number, toHour: number): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  for (const r of rows) {
    const d = devices.get(r.device_id);
    if (!d) continue;
    let s = out.get(r.device_id);
    if (!s) out.set(r.device_id, (s = new Float64Array(toHour - fromHour).fill(Number.NaN)));
    const n = Number(r[`${pollutant}_n`] ?? 0);
    const v = r[pollutant];
    const interval = Number(d.interval_seconds);
    if (n > 0 && v !== null && v !== undefined && (interval >= 3600 || n * interval >= MIN_COVERAGE_SECONDS)) s[r.hour - fromHour] = Number(v);
  }
  return out;
}

/**
 * 一微克 alerts that become work: rules evaluated on the hourly rollups raise alerts; each becomes a 督办
 * task for the responsible street or the district's 生态环境局; the unit reports what it found and did;
 * the alert closes only when the device's data have complied for the rule's `clearHours` — and if it
 * breaks the rule again for `hours` after the report, the task goes back to the unit (退回重办).
 */
export class AlertsService {
  private readonly clock: () => number;
  private running: Promise<EvaluationResult> | null = null;

  constructor(private readonly deps: AlertsDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  // ---- rules

  async rules(): Promise<Rule[]> {
    return (await this.deps.repo.rules()).map(parseRule);
  }

  async updateRule(caller: Caller, id: string, body: BodyOf<typeof airWorkRoutes.updateRule>): Promise<Rule> {
    const city = await this.deps.unitPath(this.deps.cityCode);
    if (caller.auth && !(city && covers(caller.auth, 'air.manage', city))) throw forbidden('alert rules are city-wide: air.manage at the city is needed');
    const row = await this.deps.repo.rule(id);
    if (!row) throw notFound('alert rule', id);
    const rule = parseRule(row);
    if (rule.version !== body.version) throw conflict('the rule changed since you loaded it', { current: rule.version });
    const params = { ...rule.params, ...(body.params ?? {}) } as RuleParams & Record<string, unknown>;
    const need = rule.kind === 'threshold' ? ['threshold'] : rule.kind === 'hotspot' ? ['factor', 'margin', 'radiusKm', 'minNeighbours'] : [];
    for (const k of need) if (typeof params[k] !== 'number') throw invalidField(`body.params.${k}`, `is required for a ${rule.kind} rule`);
    const patch = { params_json: JSON.stringify(params), enabled: (body.enabled ?? rule.enabled) ? 1 : 0, updated_at: nowIso(this.clock) };
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.updateRule(trx, id, rule.version, patch))) throw conflict('the rule changed since you loaded it');
      await this.deps.audit.record(trx, caller, { action: 'air.alert_rule.update', targetType: 'air_alert_rule', targetId: id, before: { enabled: rule.enabled, params: rule.params }, after: { enabled: !!patch.enabled, params } });
    });
    return parseRule((await this.deps.repo.rule(id))!);
  }

  // ---- evaluation

  /** Evaluates every enabled rule over complete hours; concurrent callers share one run. */
  evaluate(caller: Caller = SYSTEM_CALLER): Promise<EvaluationResult> {
    this.running ??= this.run(caller).finally(() => (this.running = null));
    return this.running;
  }

  private async run(caller: Caller): Promise<EvaluationResult> {
    // The hour in progress is not judged: its mean is not complete.
    const toHour = Math.floor(this.clock() / HOUR_MS);
    const out: EvaluationResult = { raised: 0, verifying: 0, closed: 0, returned: 0, evaluatedTo: new Date(toHour * HOUR_MS).toISOString() };
    const open = await this.deps.repo.open();
    for (const rule of await this.rules()) {
      const openOfRule = open.filter((a) => a.rule_id === rule.id);
      if (!rule.enabled && openOfRule.length === 0) continue;
      await this.runRule(caller, rule, openOfRule, toHour, out);
    }
    out.verifying = (await this.deps.repo.open()).filter((a) => a.status === 'verifying').length;
    return out;
  }

  /**
   * The verdicts of a rule for its devices (or only `only`) over hours [fromHour, toHour): values, verdict
   * per hour, and for hotspots the neighbours' medians.
   */
  private async judge(rule: Rule, fromHour: number, toHour: number, only?: number[]) {
    const p = rule.params;
    const types = new Set(rule.deviceTypes);
    // Hotspots compare with every located micro-sensor and station around.
    const poolTypes = rule.kind === 'hotspot' ? new Set([...types, 'micro', 'station']) : types;
    const pool = new Map<number, DeviceWithNetwork>();
    for (const t of poolTypes) for (const d of await this.deps.sensing.devicesOfType(t as 'micro')) pool.set(d.id, d);
    const subjects = [...pool.values()].filter((d) => types.has(d.type) && (!only || only.includes(d.id)));
    const out = new Map<number, { device: DeviceWithNetwork; values: Float64Array; verdicts: Verdicts; medians: Float64Array | null }>();
    if (subjects.length === 0) return out;
    const needed = rule.kind === 'hotspot' ? [...pool.keys()] : subjects.map((d) => d.id);
    const rows = await this.deps.sensing.hourlyOfMany(needed, fromHour, toHour);
    const series = seriesOf(rows, pool, rule.pollutant, fromHour, toHour);
    const empty = new Float64Array(toHour - fromHour).fill(Number.NaN);
    const status = rule.kind === 'gap' ? await this.deps.sensing.statusOf(subjects.map((d) => d.id)) : null;
    const located = [...pool.values()].filter((d) => d.lng !== null && d.lat !== null).map((d) => ({ d, lng: Number(d.lng), lat: Number(d.lat) }));
    const near = rule.kind === 'hotspot' ? neighboursWithin(located, (p as HotspotParams).radiusKm) : null;
    const byDevice = new Map(located.map((x) => [x.d.id, x]));
    for (const d of subjects) {
      const values = series.get(d.id) ?? empty;
      if (rule.kind === 'threshold') out.set(d.id, { device: d, values, verdicts: thresholdVerdicts(values, (p as ThresholdParams).threshold), medians: null });
      else if (rule.kind === 'gap') {
        const first = status!.get(d.id)?.first;
        if (first === undefined) continue; // never reported: not installed yet rather than a gap
        out.set(d.id, { device: d, values, verdicts: gapVerdicts(values, Math.max(0, Math.ceil(first / HOUR_MS) - fromHour)), medians: null });
      } else {
        const me = byDevice.get(d.id);
        if (!me) continue;
        const r = hotspotVerdicts(values, near!.get(me)!.map((n) => series.get(n.d.id) ?? empty), p as HotspotParams);
        out.set(d.id, { device: d, values, ...r });
      }
    }
    return out;
  }

  private async runRule(caller: Caller, rule: Rule, openOfRule: AlertRow[], toHour: number, out: EvaluationResult): Promise<void> {
    const fromHour = Math.max(toHour - MAX_TRACK_HOURS, Math.min(toHour - LOOKBACK_HOURS, ...openOfRule.map((a) => a.first_hour)));
    const judged = await this.judge(rule, fromHour, toHour, rule.enabled ? undefined : openOfRule.map((a) => a.device_id));
    const latest = await this.deps.repo.latestByDevice(rule.id);
    for (const { device: d, values, verdicts, medians } of judged.values()) {
      let alert = openOfRule.find((a) => a.device_id === d.id) ?? null;
      if (!alert) {
        if (!rule.enabled) continue;
        const prev = latest.get(d.id);
        const after = prev ? Math.max(prev.last_bad_hour, prev.last_hour) + 1 - fromHour : 0;
        const run = firstRun(verdicts, rule.params.hours, after);
        if (!run) continue;
        alert = await this.raise(caller, rule, d, fromHour + run.start, fromHour + run.end);
        out.raised++;
      }
      const change = await this.track(alert, rule, verdicts, values, medians, fromHour);
      if (change === 'closed') out.closed++;
      if (change === 'returned') out.returned++;
    }
  }

  /** The unit that gets the task: the device's 属地 unit, its street, or the district's 生态环境局. */
  private async responsible(rule: Rule, d: DeviceWithNetwork): Promise<{ unit: string; issuer: string; district: string | null }> {
    const district = d.district_code;
    const parent = district ?? this.deps.cityCode;
    const agency = (await this.deps.agencyOf(parent, 'ecology')) ?? parent;
    let unit = agency;
    if (rule.params.dispatchTo === 'street') unit = (await this.deps.repo.duty([d.code])).get(d.code) ?? d.street_code ?? agency;
    return { unit, issuer: agency, district };
  }

  private async raise(caller: Caller, rule: Rule, d: DeviceWithNetwork, first: number, last: number): Promise<AlertRow> {
    const { unit, issuer, district } = await this.responsible(rule, d);
    const now = nowIso(this.clock);
    const id = randomUUID();
    const row: AlertRow = {
      id, rule_id: rule.id, kind: rule.kind, pollutant: rule.pollutant, device_id: d.id, device_code: d.code, device_type: d.type,
      lng: d.lng === null ? null : Number(d.lng), lat: d.lat === null ? null : Number(d.lat),
      district_code: district, district_path: (await this.deps.unitPath(district ?? this.deps.cityCode))!, unit_code: unit, status: 'dispatched',
      first_hour: first, last_bad_hour: last, last_hour: last, bad_hours: last - first + 1, clean_hours: 0, peak: null, peak_baseline: null,
      task_id: null, assignment_id: null, report_json: null, reported_at: null, reported_hour: null, returns: 0, raised_at: now, closed_at: null, note: null, version: 0, updated_at: now,
    };
    const place = d.name ? `${d.name}（${d.code}）` : d.code;
    const pollutant = POLLUTANT_NAMES[rule.pollutant] ?? rule.pollutant;
    const when = new Date(first * HOUR_MS).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    // The task is issued by the system on the bureau's behalf (whoever triggered the evaluation).
    await inTransaction(this.deps.db, async (trx) => {
      const t = await this.deps.supervision.createInTransaction(trx, SYSTEM_CALLER, issuer, {
        title: `一微克：${place} ${pollutant}${KIND_NAMES[rule.kind]}`,
        description: `监测设备 ${place}${d.street_name ? `（${d.street_name}）` : ''} 自 ${when} 起连续 ${last - first + 1} 小时${rule.kind === 'gap' ? '无有效数据' : `${pollutant}${KIND_NAMES[rule.kind]}`}。请现场核查、处置并报告发现和采取的措施（附照片）；数据连续 ${rule.params.clearHours} 小时恢复正常后自动销号。详见 /ban/air/alerts/${id}`,
        source: 'alert',
        sourceRef: id,
        dueAt: new Date(this.clock() + rule.params.dueDays * 86_400_000).toISOString(),
        units: [unit],
      });
      row.task_id = t.taskId;
      row.assignment_id = t.assignments[unit] ?? null;
      await this.deps.repo.insertAlert(trx, row);
      await this.deps.audit.record(trx, caller, { action: 'air.alert.raise', targetType: 'air_alert', targetId: id, unitCode: unit, after: { rule: rule.id, device: d.code, firstHour: new Date(first * HOUR_MS).toISOString(), task: t.taskId } });
    });
    return row;
  }

  /**
   * Re-judges an open alert from its first hour: the evidence, and the state it leads to. Closing and
   * returning go through the 督办 task in the same transaction.
   */
  private async track(a: AlertRow, rule: Rule, v: Verdicts, values: Float64Array, medians: Float64Array | null, fromHour: number): Promise<'closed' | 'returned' | null> {
    const from = Math.max(0, a.first_hour - fromHour);
    const st = alertState(v, from);
    let peak: number | null = a.peak;
    let peakBaseline: number | null = a.peak_baseline;
    for (let i = from; i < v.length; i++) {
      if (v[i] !== BAD || Number.isNaN(values[i]!)) continue;
      if (peak === null || values[i]! > peak) (peak = values[i]!), (peakBaseline = medians && !Number.isNaN(medians[i]!) ? medians[i]! : null);
    }
    const patch: Partial<AlertRow> = {
      last_bad_hour: st.lastBad >= 0 ? fromHour + st.lastBad : a.last_bad_hour,
      bad_hours: a.first_hour >= fromHour ? st.badHours : Math.max(a.bad_hours, st.badHours),
      clean_hours: st.cleanSince,
      last_hour: st.lastJudged >= 0 ? fromHour + st.lastJudged : a.last_hour,
      peak,
      peak_baseline: peakBaseline,
      updated_at: nowIso(this.clock),
    };
    let change: 'closed' | 'returned' | null = null;
    let step: { action: 'close' | 'return'; text: string } | null = null;
    if (a.status === 'verifying') {
      const again = a.reported_hour === null ? null : firstRun(v, rule.params.hours, a.reported_hour + 1 - fromHour);
      if (again) {
        change = 'returned';
        const text = `数据核验未通过：报告后自 ${new Date((fromHour + again.start) * HOUR_MS).toISOString()} 起又连续 ${again.end - again.start + 1} 小时不符合规则，请继续处置。`;
        Object.assign(patch, { status: 'dispatched', returns: a.returns + 1, reported_hour: null, note: text });
        step = { action: 'return', text };
      } else if (st.cleanSince >= rule.params.clearHours) {
        change = 'closed';
        const text = `数据核验通过：最后一次异常后已连续 ${st.cleanSince} 小时符合规则，自动销号。`;
        Object.assign(patch, { status: 'closed', closed_at: nowIso(this.clock), note: text });
        step = { action: 'close', text };
      }
    }
    const write = async (trx: Transaction<any>) => {
      if (!(await this.deps.repo.updateAlert(trx, a.id, a.version, patch))) throw conflict('the alert changed meanwhile');
      if (change) await this.deps.audit.record(trx, SYSTEM_CALLER, { action: `air.alert.${change === 'closed' ? 'close' : 'return'}`, targetType: 'air_alert', targetId: a.id, unitCode: a.unit_code, before: { status: a.status }, after: { status: patch.status, note: patch.note } });
    };
    const assignment = step && a.task_id && a.assignment_id ? await this.assignmentOf(a) : null;
    try {
      await inTransaction(this.deps.db, async (trx) => {
        if (step && assignment && assignment.status === 'reported') {
          await this.deps.supervision.actInTransaction(trx, SYSTEM_CALLER, assignment.id, step.action, { version: assignment.version, ...(step.action === 'close' ? { comment: step.text } : { reason: step.text }) });
        }
        await write(trx);
      });
    } catch (err) {
      // Someone acted meanwhile (the unit, or the supervisor on the task): the next round sees it.
      if (err instanceof DomainError && err.code === 'conflict') return null;
      throw err;
    }
    Object.assign(a, patch, { version: a.version + 1 });
    return change;
  }

  private async assignmentOf(a: AlertRow) {
    const task = await this.deps.supervision.get(SYSTEM_CALLER, a.task_id!).catch(() => null);
    return task?.assignments.find((x) => x.id === a.assignment_id) ?? null;
  }

  // ---- reading and reporting

  private canManage(caller: Caller, a: AlertRow): boolean {
    return !caller.auth || covers(caller.auth, 'air.manage', a.district_path) || covers(caller.auth, 'supervision.manage', a.district_path);
  }
  private isResponsible(caller: Caller, a: AlertRow): boolean {
    const me = caller.auth?.principal;
    return !!me && me.kind === 'staff' && me.unitCode === a.unit_code;
  }
  private async visible(caller: Caller, id: string): Promise<AlertRow> {
    const a = await this.deps.repo.alert(id);
    if (!a || !(this.canManage(caller, a) || this.isResponsible(caller, a))) throw notFound('alert', id);
    return a;
  }

  async list(caller: Caller, q: { status: 'open' | 'closed' | 'all'; limit: number }): Promise<AlertView[]> {
    const scopes = [...new Set([...scopePaths(caller.auth, 'air.manage'), ...scopePaths(caller.auth, 'supervision.manage')])];
    const unit = caller.auth?.principal.kind === 'staff' ? caller.auth.principal.unitCode : null;
    const rows = await this.deps.repo.list(scopes, unit, q.status, q.limit);
    const rules = new Map((await this.rules()).map((r) => [r.id, r]));
    return Promise.all(rows.map((r) => this.view(r, rules.get(r.rule_id))));
  }

  async get(caller: Caller, id: string): Promise<AlertDetailView> {
    const a = await this.visible(caller, id);
    const rule = (await this.rules()).find((r) => r.id === a.rule_id);
    const toHour = Math.floor(this.clock() / HOUR_MS);
    const fromHour = Math.max(a.first_hour - 6, toHour - MAX_TRACK_HOURS);
    const hours: AlertDetailView['hours'] = [];
    const judged = rule ? (await this.judge(rule, fromHour, toHour, [a.device_id])).get(a.device_id) : undefined;
    if (judged) {
      const names = { [BAD]: 'bad', [OK]: 'ok' } as Record<number, 'bad' | 'ok'>;
      for (let i = 0; i < toHour - fromHour; i++) {
        const value = Number.isNaN(judged.values[i]!) ? null : judged.values[i]!;
        const verdict = names[judged.verdicts[i]!] ?? 'unknown';
        // Hours with neither a value nor a verdict carry no evidence.
        if (value === null && verdict === 'unknown') continue;
        const baseline = judged.medians && !Number.isNaN(judged.medians[i]!) ? judged.medians[i]! : null;
        hours.push({ time: new Date((fromHour + i) * HOUR_MS).toISOString(), value, baseline, verdict });
      }
    }
    const task = a.task_id ? await this.deps.supervision.get(SYSTEM_CALLER, a.task_id).catch(() => null) : null;
    const asg = task?.assignments.find((x) => x.id === a.assignment_id) ?? null;
    return {
      ...(await this.view(a, rule)),
      hours,
      task: task ? { id: task.id, title: task.title, dueAt: task.dueAt, assignment: asg ? { id: asg.id, status: asg.status, dueAt: asg.dueAt, version: asg.version, unit: asg.unit } : null } : null,
    };
  }

  /**
   * The responsible unit reports what it found and did: the 督办 assignment is accepted (if need be) and
   * reported, a measure is registered, and the alert waits for the data (核验中).
   */
  async report(caller: Caller, id: string, body: ReportBody): Promise<AlertView> {
    const a = await this.visible(caller, id);
    if (!this.isResponsible(caller, a)) throw forbidden('only the responsible unit can report on the alert');
    if (a.version !== body.version) throw conflict('the alert changed since you loaded it', { current: a.version });
    if (a.status !== 'dispatched') throw new DomainError('conflict', `cannot report on an alert that is ${a.status}`, { status: a.status });
    await this.deps.ownFiles(caller, body.photos, 'body.photos');
    const now = nowIso(this.clock);
    const date = new Date(this.clock() + 8 * HOUR_MS).toISOString().slice(0, 10);
    const write = async (trx: Transaction<any>) => {
      const measure = await this.deps.measures.create(
        caller,
        {
          category: CATEGORY_OF[body.measureType],
          type: body.measureType,
          title: `${body.action.slice(0, 60)}`,
          description: `一微克告警处置：${body.found}`,
          place: a.lng !== null && a.lat !== null ? { kind: 'point', lng: a.lng, lat: a.lat } : { kind: 'unit', unitCode: a.unit_code },
          startDate: date,
          endDate: null,
          responsibleUnitCode: a.unit_code,
        },
        trx,
        // The street registers this measure by reporting on its alert, without air.manage of its own.
        { alertId: a.id, trusted: true },
      );
      const report = { found: body.found, action: body.action, measureType: body.measureType, photos: body.photos, measureId: measure.id, by: caller.auth?.actor.id ?? null, at: now };
      const ok = await this.deps.repo.updateAlert(trx, a.id, a.version, { status: 'verifying', report_json: JSON.stringify(report), reported_at: now, reported_hour: a.last_hour, note: null, updated_at: now });
      if (!ok) throw conflict('the alert changed since you loaded it');
      await this.deps.repo.addFiles(trx, a.id, body.photos);
      await this.deps.audit.record(trx, caller, { action: 'air.alert.report', targetType: 'air_alert', targetId: a.id, unitCode: a.unit_code, before: { status: a.status }, after: { status: 'verifying', measureType: body.measureType, photos: body.photos.length, measure: measure.id } });
    };
    let asg = await this.assignmentOf(a);
    if (asg && (asg.status === 'assigned' || asg.status === 'returned')) asg = await this.deps.supervision.act(caller, asg.id, 'accept', { version: asg.version });
    const accepted = asg && asg.status === 'accepted' ? asg : null;
    await inTransaction(this.deps.db, async (trx) => {
      if (accepted) await this.deps.supervision.actInTransaction(trx, caller, accepted.id, 'report', { version: accepted.version, text: `现场发现：${body.found}\n处置措施：${body.action}` });
      await write(trx);
    });
    // The data may already agree (the unit acted before reporting): verify at once, in a fresh round.
    await this.running?.catch(() => {});
    await this.evaluate();
    const rules = new Map((await this.rules()).map((r) => [r.id, r]));
    const after = (await this.deps.repo.alert(a.id))!;
    return this.view(after, rules.get(after.rule_id));
  }

  /** Sets the unit responsible for a device's surroundings (属地). */
  async setDuty(caller: Caller, code: string, unitCode: string) {
    const d = await this.deps.sensing.findDevice(code);
    if (!d) throw notFound('device', code);
    const path = await this.deps.unitPath(unitCode);
    if (!path) throw invalidField('body.unitCode', `no unit ${unitCode}`);
    if (caller.auth && !covers(caller.auth, 'air.manage', path)) throw invalidField('body.unitCode', `${unitCode} is not a unit within your air.manage scope`);
    await inTransaction(this.deps.db, async (trx) => {
      const before = await this.deps.repo.setDuty(trx, code, unitCode, nowIso(this.clock));
      await this.deps.audit.record(trx, caller, { action: 'air.device.duty', targetType: 'sensing_device', targetId: code, unitCode, before: { unit: before }, after: { unit: unitCode } });
    });
    return { device: code, unit: { code: unitCode, name: await this.deps.unitName(unitCode) } };
  }

  /** Files attached to an alert report are readable by whoever may see the alert. */
  async mayReadFile(caller: Caller, fileId: string): Promise<boolean> {
    for (const a of await this.deps.repo.alertsOfFile(fileId)) if (this.canManage(caller, a) || this.isResponsible(caller, a)) return true;
    return false;
  }

  private async view(a: AlertRow, rule: Rule | undefined): Promise<AlertView> {
    const report = a.report_json ? JSON.parse(a.report_json) : null;
    return {
      id: a.id,
      ruleId: a.rule_id,
      kind: a.kind as AlertView['kind'],
      pollutant: a.pollutant,
      device: { code: a.device_code, type: a.device_type, lng: a.lng, lat: a.lat },
      district: a.district_code ? { code: a.district_code, name: await this.deps.unitName(a.district_code) } : null,
      unit: { code: a.unit_code, name: await this.deps.unitName(a.unit_code) },
      status: a.status,
      firstHour: new Date(a.first_hour * HOUR_MS).toISOString(),
      lastBadHour: new Date(a.last_bad_hour * HOUR_MS).toISOString(),
      badHours: a.bad_hours,
      peak: a.peak,
      peakBaseline: a.peak_baseline,
      cleanHours: a.clean_hours,
      clearHours: rule?.params.clearHours ?? 0,
      taskId: a.task_id,
      assignmentId: a.assignment_id,
      report: report ? { ...report, photos: (report.photos as string[]).map((fid) => ({ id: fid, url: `/api/v1/files/${fid}` })) } : null,
      returns: a.returns,
      raisedAt: a.raised_at,
      closedAt: a.closed_at,
      note: a.note,
      version: a.version,
    };
  }
}
