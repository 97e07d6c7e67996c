import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inTransaction, nowIso, type DialectHelper } from '@jing/db';
import type { FieldIssue, ServiceItemDefinition, ServiceItemVersion, TrafficLight } from '@jing/contracts';
import { covers, holds, scopePaths, type Caller } from '../../platform/auth/context.ts';
import { conflict, DomainError, forbidden, invalid, invalidField, notFound } from '../../platform/errors.ts';
import { sortableId } from '../../platform/ids.ts';
import type { AuditLog } from '../audit/index.ts';
import type { InboxService } from '../inbox/index.ts';
import { Deadline, toLocalDate, type WorkingCalendar } from '../calendar/index.ts';
import type { AccountProfile } from '../identity/index.ts';
import type { CertificateService } from '../certificates/index.ts';
import type { NotificationService, Reachability } from '../notifications/index.ts';
import { DONE, type ApplicationRepository, type ApplicationRow, type EventRow, type MaterialRow, type PauseRow } from './applications.repository.ts';
import { checkForm, FORMAT_TYPES } from './validation.ts';

export interface ApplicationDeps {
  db: Kysely<any>;
  dialect: DialectHelper;
  repo: ApplicationRepository;
  audit: AuditLog;
  inbox: InboxService;
  calendar: WorkingCalendar;
  timeZone: string;
  cityCode: string;
  catalogue: { get(code: string): Promise<ServiceItemVersion>; version(code: string, v: number): Promise<ServiceItemVersion> };
  certificates: CertificateService;
  notifications: NotificationService;
  files: { get(id: string): Promise<{ id: string; content_type: string; size: number; sha256: string; name: string | null; owner_id: string | null; created_at: string } | undefined> };
  accounts: { profile(id: string, trx?: Transaction<any>, opts?: { secrets?: boolean }): Promise<AccountProfile | null>; findApplicant(by: { idNumber: string } | { creditCode: string }): Promise<string | null> };
  org: {
    unitPath(code: string, trx?: Transaction<any>): Promise<string | null>;
    unitName(code: string): Promise<string>;
    agencyOf(parent: string, type: string): Promise<{ code: string } | null>;
  };
  clock?: () => number;
}

export interface Submission {
  itemCode: string;
  itemVersion?: number;
  situation: string;
  districtCode?: string;
  streetCode?: string;
  form: Record<string, string | number>;
  materials: { code: string; fileIds?: string[]; certificateId?: string }[];
  onBehalfOf?: { idNumber: string } | { creditCode: string };
}

export type Step = ServiceItemDefinition['steps'][number];
type FileRow = NonNullable<Awaited<ReturnType<ApplicationDeps['files']['get']>>>;
type CertRow = NonNullable<Awaited<ReturnType<CertificateService['row']>>>;
/** Rows already in hand (from checking materials), by id. */
interface Loaded {
  files: Map<string, FileRow>;
  certs: Map<string, CertRow>;
}
/** Everything a fresh application's view needs, known without reading it back. */
interface Preload extends Loaded {
  materials: MaterialRow[];
  events: EventRow[];
  unitName: string;
}
type Situation = ServiceItemDefinition['situations'][number];

/** Working days between acceptance and the acceptance decision (行政许可法 第三十二条: 五日内). */
const ACCEPT_WITHIN_DAYS = 5;
export const applicationLink = (id: string) => `/ban/applications/${id}`;
export const tongLink = (id: string) => `/applications/${id}`;

/** The procedure an application follows: the item's steps, optional ones only when its situation lists them. */
export function stepsOf(def: ServiceItemDefinition, situation: string): Step[] {
  const s = def.situations.find((x) => x.code === situation);
  return def.steps.filter((st) => !st.optional || (s?.extraSteps ?? []).includes(st.code));
}

/** The parent of a unit from its materialised path (`/110000/110105/110105A06/` → 110105). */
export const parentFromPath = (path: string) => path.split('/').filter(Boolean).at(-2) ?? null;

/**
 * 办件: submission (online or at a hall window), reading, lists and the clock.
 * The handling actions (受理, 补正, 审查, 会签, 决定) are in `applications.handling.ts`.
 */
export class ApplicationService {
  clock: () => number;
  private readonly versions = new Map<string, ServiceItemDefinition>();

  constructor(readonly deps: ApplicationDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  private acceptDues = new Map<string, string>();
  /** When acceptance is due for a submission on local `day`: the same for the whole day, so kept per day. */
  acceptDue(now: string, day: string): string {
    let due = this.acceptDues.get(day);
    if (!due) {
      due = this.deps.calendar.addWorkingDays(now, ACCEPT_WITHIN_DAYS, this.deps.timeZone);
      if (this.acceptDues.size > 30) this.acceptDues.clear();
      this.acceptDues.set(day, due);
    }
    return due;
  }

  /** A pinned version's definition; published and retired versions never change, so they are kept in memory. */
  async definition(code: string, version: number): Promise<ServiceItemDefinition> {
    const key = `${code}@${version}`;
    let d = this.versions.get(key);
    if (!d) {
      const v = await this.deps.catalogue.version(code, version);
      if (v.status === 'draft') return v.definition;
      d = v.definition;
      this.versions.set(key, d);
    }
    return d;
  }

  /** Who applies: the principal online, or the visitor a window clerk names. */
  private async applicantOf(caller: Caller, input: Pick<Submission, 'onBehalfOf'>, secrets = false): Promise<{ profile: AccountProfile; channel: 'online' | 'hall' }> {
    const auth = caller.auth!;
    if (input.onBehalfOf) {
      if (auth.principal.kind !== 'staff' || !holds(auth, 'halls.operate')) throw forbidden('only window clerks start applications for visitors');
      const id = await this.deps.accounts.findApplicant(input.onBehalfOf);
      const field = 'idNumber' in input.onBehalfOf ? 'body.onBehalfOf.idNumber' : 'body.onBehalfOf.creditCode';
      if (!id) throw invalidField(field, 'no resident or business with this number is registered in 京通');
      return { profile: (await this.deps.accounts.profile(id, undefined, { secrets }))!, channel: 'hall' };
    }
    if (auth.principal.kind === 'staff') throw invalidField('body.onBehalfOf', 'is required when staff start an application (whose is it?)');
    return { profile: (await this.deps.accounts.profile(auth.principal.id, undefined, { secrets }))!, channel: 'online' };
  }

  /** The implementing unit: `implementedBy.unitType` at the chosen district or street, or the city's. */
  private async unitFor(def: ServiceItemDefinition, input: Pick<Submission, 'districtCode' | 'streetCode'>): Promise<{ code: string; path: string }> {
    const { level, unitType } = def.implementedBy;
    let parent: string;
    if (level === 'municipal') parent = this.deps.cityCode;
    else if (level === 'district') {
      if (!input.districtCode) throw invalidField('body.districtCode', `is required: ${def.name.zh} is handled by a district`);
      const path = await this.deps.org.unitPath(input.districtCode);
      if (!path || input.districtCode.length !== 6 || !path.includes(`/${this.deps.cityCode}/`) || input.districtCode === this.deps.cityCode) throw invalidField('body.districtCode', 'is not a district of the city');
      parent = input.districtCode;
    } else {
      if (!input.streetCode) throw invalidField('body.streetCode', `is required: ${def.name.zh} is handled by a street`);
      const path = await this.deps.org.unitPath(input.streetCode);
      if (!path || input.streetCode.length !== 9 || !path.includes(`/${this.deps.cityCode}/`)) throw invalidField('body.streetCode', 'is not a street of the city');
      if (unitType === 'street') return { code: input.streetCode, path };
      parent = input.streetCode;
    }
    const agency = await this.deps.org.agencyOf(parent, unitType);
    if (!agency) throw new DomainError('unavailable', `no ${unitType} unit is set up under ${parent} to handle ${def.code}`);
    return { code: agency.code, path: (await this.deps.org.unitPath(agency.code))! };
  }

  /**
   * Checks the materials supplied for a situation: each an upload (type per
   * the material's formats, size per maxBytes, the caller's own file, content
   * already sniffed by the files module) or a wallet certificate of the
   * material's `heldByGovernment` type (免提交). `codes` limits the check to
   * those materials (a resubmission); required ones must then all be given.
   */
  async checkMaterials(caller: Caller, situation: Situation, inputs: Submission['materials'], applicantId: string, opts: { base?: string; only?: Set<string>; present?: Set<string>; trx?: Transaction<any> } = {}): Promise<{ rows: Omit<MaterialRow, 'application_id'>[]; issues: FieldIssue[]; loaded: Loaded }> {
    const base = opts.base ?? 'body.materials';
    const loaded: Loaded = { files: new Map(), certs: new Map() };
    const issues: FieldIssue[] = [];
    const rows: Omit<MaterialRow, 'application_id'>[] = [];
    const seen = new Set<string>();
    const owner = caller.auth!.principal.id;
    for (const [i, m] of inputs.entries()) {
      const path = `${base}.${i}`;
      const spec = situation.materials.find((x) => x.code === m.code);
      if (!spec) {
        issues.push({ path: `${path}.code`, message: `${m.code} is not a material of ${situation.name.zh}` });
        continue;
      }
      if (seen.has(m.code)) {
        issues.push({ path: `${path}.code`, message: `${m.code} is given twice` });
        continue;
      }
      seen.add(m.code);
      const files = m.fileIds ?? [];
      if (m.certificateId && files.length) {
        issues.push({ path, message: 'give either files or a certificate, not both' });
        continue;
      }
      if (m.certificateId) {
        if (!spec.heldByGovernment) {
          issues.push({ path: `${path}.certificateId`, message: `${spec.name.zh} must be uploaded: the government does not hold it` });
          continue;
        }
        const cert = await this.deps.certificates.row(m.certificateId, opts.trx);
        if (!cert || cert.holder_id !== applicantId) issues.push({ path: `${path}.certificateId`, message: 'is not a certificate in the applicant’s wallet' });
        else if (cert.type !== spec.heldByGovernment) issues.push({ path: `${path}.certificateId`, message: `must be a ${spec.heldByGovernment} certificate, not ${cert.type}` });
        else if (this.deps.certificates.statusOf(cert) !== 'valid') issues.push({ path: `${path}.certificateId`, message: `the certificate is ${this.deps.certificates.statusOf(cert)}` });
        else {
          rows.push({ code: m.code, position: 0, file_id: null, certificate_id: cert.id });
          loaded.certs.set(cert.id, cert);
        }
        continue;
      }
      if (files.length === 0) {
        issues.push({ path, message: `upload ${spec.name.zh}${spec.heldByGovernment ? ' or choose it from the wallet' : ''}` });
        continue;
      }
      const allowed = spec.formats.map((f) => FORMAT_TYPES[f]);
      for (const [j, id] of files.entries()) {
        const f = await this.deps.files.get(id);
        if (!f || f.owner_id !== owner) issues.push({ path: `${path}.fileIds.${j}`, message: `no file ${id} of yours` });
        else if (!allowed.includes(f.content_type)) issues.push({ path: `${path}.fileIds.${j}`, message: `${spec.name.zh} must be ${spec.formats.join('/')}, not ${f.content_type}` });
        else if (f.size > spec.maxBytes) issues.push({ path: `${path}.fileIds.${j}`, message: `is ${f.size} bytes; ${spec.name.zh} may be at most ${spec.maxBytes}` });
        else {
          rows.push({ code: m.code, position: j, file_id: f.id, certificate_id: null });
          loaded.files.set(f.id, f);
        }
      }
    }
    for (const spec of situation.materials) {
      if (!spec.required || seen.has(spec.code) || opts.present?.has(spec.code)) continue;
      if (opts.only && !opts.only.has(spec.code)) continue;
      issues.push({ path: base, message: `${spec.code} (${spec.name.zh}) is required` });
    }
    return { rows, issues, loaded };
  }

  /** 申报 and its view; a fresh application's view is made from what submitting already loaded. */
  async submitAndView(caller: Caller, input: Submission, idempotencyKey?: string) {
    const { row, preload } = await this.apply(caller, input, idempotencyKey);
    return this.view(caller, row, preload);
  }

  /** 申报: one application, validated whole; a repeated idempotency key returns the first. */
  async submit(caller: Caller, input: Submission, idempotencyKey?: string): Promise<ApplicationRow> {
    return (await this.apply(caller, input, idempotencyKey)).row;
  }

  private async apply(caller: Caller, input: Submission, idempotencyKey?: string): Promise<{ row: ApplicationRow; preload?: Preload }> {
    const auth = caller.auth!;
    const key = idempotencyKey ? `${auth.principal.id}:${idempotencyKey}` : null;
    if (key) {
      const first = await this.deps.repo.byIdempotencyKey(key);
      if (first) return { row: first };
    }
    const { profile, channel } = await this.applicantOf(caller, input);
    const item = input.itemVersion ? await this.deps.catalogue.version(input.itemCode, input.itemVersion) : await this.deps.catalogue.get(input.itemCode);
    if (item.status !== 'published') {
      const current = await this.deps.catalogue.get(input.itemCode).catch(() => null);
      throw conflict(`version ${item.version} of ${item.code} is ${item.status}: apply for the published version${current ? ` (${current.version})` : ''}`, {
        issues: [{ path: 'body.itemVersion', message: `is ${item.status}` }],
        published: current?.version ?? null,
      });
    }
    const def = item.definition;
    if (channel === 'online' && !def.channels.online) throw invalidField('body.itemCode', 'this item cannot be applied for online: visit a service hall');
    const audience = profile.kind === 'business' ? 'business' : 'person';
    if (!def.audience.includes(audience)) throw invalidField('body.itemCode', `is not for ${audience === 'business' ? 'businesses' : 'individuals'}`);
    const situation = def.situations.find((s) => s.code === input.situation);
    if (!situation) throw invalidField('body.situation', `must be one of ${def.situations.map((s) => s.code).join(', ')}`);
    const form = checkForm(def.formFields, input.form, 'body.form');
    const materials = await this.checkMaterials(caller, situation, input.materials, profile.id);
    const issues = [...form.issues, ...materials.issues];
    if (issues.length) throw invalid(issues);
    const unit = await this.unitFor(def, input);

    const now = nowIso(this.clock);
    const steps = stepsOf(def, situation.code);
    const row: ApplicationRow = {
      id: randomUUID(),
      number: '',
      item_code: def.code,
      item_version: item.version,
      item_name: def.name.zh,
      situation: situation.code,
      channel,
      status: 'submitted',
      step_index: 0,
      applicant_id: profile.id,
      applicant_kind: profile.kind,
      applicant_name: profile.name,
      submitted_by: auth.actor.id,
      submitted_by_name: auth.actor.displayName,
      unit_code: unit.code,
      unit_path: unit.path,
      form_json: JSON.stringify(form.values),
      correction_json: null,
      special_json: null,
      decision_json: null,
      certificate_id: null,
      accepted_at: null,
      promised_due_at: null,
      statutory_due_at: null,
      paused: 0,
      idempotency_key: key,
      version: 0,
      submitted_at: now,
      updated_at: now,
      completed_at: null,
    };
    const day = toLocalDate(now, this.deps.timeZone);
    try {
      await inTransaction(this.deps.db, async (trx) => {
        row.number = `${day.replaceAll('-', '')}${String(await this.deps.repo.nextNumber(trx, day)).padStart(6, '0')}`;
        await this.deps.repo.insert(trx, row, materials.rows.map((m) => ({ ...m, application_id: row.id })));
        await this.event(trx, caller, row, 'submit', null, { item: `${def.code}@${item.version}`, situation: situation.code, materials: materials.rows.length }, channel);
        await this.deps.inbox.post(trx, {
          module: 'applications', kind: 'application.accept', sourceId: row.id,
          title: `【待受理】${def.name.zh}`, summary: `${row.applicant_name} · ${situation.name.zh}${channel === 'hall' ? ' · 窗口' : ''}`,
          link: applicationLink(row.id), unitCode: unit.code,
          dueAt: this.acceptDue(now, day),
        });
        await this.notify(trx, row, 'submit', `已提交，办件编号 ${row.number}，等待受理`, { phoneMasked: profile.phoneMasked, emailMasked: null });
        await this.deps.audit.record(trx, caller, { action: 'applications.submit', targetType: 'application', targetId: row.id, unitCode: unit.code, after: { number: row.number, item: `${def.code}@${item.version}`, situation: situation.code, channel, applicant: profile.id } });
      });
    } catch (err) {
      // The same key twice at once: the loser returns the winner's application.
      if (key && this.deps.dialect.isUniqueViolation(err)) {
        const first = await this.deps.repo.byIdempotencyKey(key);
        if (first) return { row: first };
      }
      throw err;
    }
    return {
      row,
      preload: {
        materials: materials.rows.map((m) => ({ ...m, application_id: row.id })),
        ...materials.loaded,
        events: [{ id: '', application_id: row.id, at: now, type: 'submit', actor_id: auth.actor.id, actor_name: auth.actor.displayName, unit_code: auth.actor.unitCode, channel, text: null, data_json: JSON.stringify({ item: `${def.code}@${item.version}`, situation: situation.code, materials: materials.rows.length }) }],
        unitName: await this.deps.org.unitName(unit.code),
      },
    };
  }

  /** Pre-fill values from the applicant's account and the wallet certificates usable as held materials. */
  async prefill(caller: Caller, q: { itemCode: string; idNumber?: string; creditCode?: string }) {
    const by = q.idNumber ? { idNumber: q.idNumber } : q.creditCode ? { creditCode: q.creditCode } : undefined;
    const { profile } = await this.applicantOf(caller, { onBehalfOf: by }, true).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'validation_failed' && by) throw invalidField(q.idNumber ? 'query.idNumber' : 'query.creditCode', 'no resident or business with this number is registered in 京通');
      throw err;
    });
    const def = (await this.deps.catalogue.get(q.itemCode)).definition;
    const source: Record<string, string | null> = {
      name: profile.kind === 'business' ? null : profile.name,
      phone: profile.phone ?? (profile.kind === 'business' && caller.auth!.actor.id !== caller.auth!.principal.id ? (await this.deps.accounts.profile(caller.auth!.actor.id))?.phone ?? null : null),
      id_number: profile.idNumber,
      business_name: profile.kind === 'business' ? profile.name : null,
      credit_code: profile.uscc,
    };
    const values: Record<string, string> = {};
    for (const f of def.formFields) if (f.prefill && source[f.prefill]) values[f.key] = source[f.prefill]!;
    const held: Record<string, { id: string; type: string; title: string; number: string; validUntil: string | null }[]> = {};
    for (const s of def.situations) {
      for (const m of s.materials) {
        if (!m.heldByGovernment || held[m.code]) continue;
        held[m.code] = (await this.deps.certificates.usable(profile.id, m.heldByGovernment)).map((c) => ({ id: c.id, type: c.type, title: c.title, number: c.number, validUntil: c.valid_until }));
      }
    }
    return { applicant: { id: profile.id, kind: profile.kind, name: profile.name }, values, held };
  }

  /** Who may see an application: the applicant, staff whose scope covers its unit, and countersigning units. */
  async canSee(caller: Caller, a: ApplicationRow): Promise<boolean> {
    const auth = caller.auth;
    if (!auth) return false;
    if (a.applicant_id === auth.principal.id) return true;
    if (covers(auth, 'applications.read', a.unit_path) || covers(auth, 'applications.process', a.unit_path)) return true;
    const paths = scopePaths(auth, 'applications.process');
    return paths.length > 0 && this.deps.repo.countersignedWithin(a.id, paths);
  }

  async load(caller: Caller, id: string): Promise<ApplicationRow> {
    const a = await this.deps.repo.get(id);
    if (!a || !(await this.canSee(caller, a))) throw notFound('application', id);
    return a;
  }

  /** For the files module: may the caller read a file attached to an application? */
  mayReadFile(caller: Caller, fileId: string): Promise<boolean> {
    const auth = caller.auth;
    if (!auth) return Promise.resolve(false);
    return this.deps.repo.holdsFile(fileId, [...scopePaths(auth, 'applications.read'), ...scopePaths(auth, 'applications.process')], auth.principal.id);
  }

  /** The clock of an application at `now`: limits in working days from acceptance, paused by corrections and special steps. */
  clockOf(a: ApplicationRow, def: ServiceItemDefinition, pauses: PauseRow[], now = nowIso(this.clock)) {
    const base = {
      acceptedAt: a.accepted_at,
      promisedDays: def.promisedLimitDays,
      statutoryDays: def.statutoryLimitDays,
      pauses: pauses.map((p) => ({ from: p.from_at, to: p.to_at, reason: p.reason })),
    };
    if (!a.accepted_at) return { ...base, promisedDueAt: null, statutoryDueAt: null, state: 'not_started' as const, remainingWorkingDays: null, light: 'none' as TrafficLight };
    const input = (days: number) => ({ start: a.accepted_at!, limit: { workingDays: Math.max(1, days) }, tz: this.deps.timeZone, pauses: base.pauses });
    const promised = new Deadline(this.deps.calendar, input(def.promisedLimitDays));
    const statutory = new Deadline(this.deps.calendar, input(def.statutoryLimitDays));
    const done = DONE.includes(a.status);
    const at = done ? a.completed_at! : now;
    const s = promised.statusAt(at);
    return {
      ...base,
      promisedDueAt: promised.due,
      statutoryDueAt: statutory.due,
      state: done ? ('stopped' as const) : s.state,
      remainingWorkingDays: s.remaining.value,
      light: (done ? 'none' : (s.light ?? 'none')) as TrafficLight,
    };
  }

  /** The due instants to store (null while paused): what lists and the overdue count read. */
  dueColumns(a: Pick<ApplicationRow, 'accepted_at'>, def: ServiceItemDefinition, pauses: { from_at: string; to_at: string | null }[]) {
    if (!a.accepted_at) return { promised_due_at: null, statutory_due_at: null };
    const ps = pauses.map((p) => ({ from: p.from_at, to: p.to_at }));
    const due = (days: number) => new Deadline(this.deps.calendar, { start: a.accepted_at!, limit: { workingDays: Math.max(1, days) }, tz: this.deps.timeZone, pauses: ps }).due;
    return { promised_due_at: due(def.promisedLimitDays), statutory_due_at: due(def.statutoryLimitDays) };
  }

  async view(caller: Caller, a: ApplicationRow, preload?: Preload) {
    const def = await this.definition(a.item_code, a.item_version);
    const situation = def.situations.find((s) => s.code === a.situation)!;
    const steps = stepsOf(def, a.situation);
    const [materialRows, pauses, countersigns, events] = preload
      ? [preload.materials, [], [], preload.events]
      : await Promise.all([this.deps.repo.materials(a.id), this.deps.repo.pauses(a.id), this.deps.repo.countersigns(a.id), this.deps.repo.events(a.id)]);
    const materials = [];
    for (const spec of situation.materials) {
      const mine = materialRows.filter((m) => m.code === spec.code);
      if (mine.length === 0) continue;
      const certId = mine[0]!.certificate_id;
      const cert = certId ? (preload?.certs.get(certId) ?? (await this.deps.certificates.row(certId))) : undefined;
      const files = [];
      for (const m of mine) {
        const f = m.file_id ? (preload?.files.get(m.file_id) ?? (await this.deps.files.get(m.file_id))) : undefined;
        if (f) files.push({ id: f.id, contentType: f.content_type as 'application/pdf', size: f.size, sha256: f.sha256, name: f.name, createdAt: f.created_at });
      }
      materials.push({ code: spec.code, name: spec.name.zh, source: cert ? ('certificate' as const) : ('upload' as const), files, certificate: cert ? { id: cert.id, type: cert.type, title: cert.title, number: cert.number } : null });
    }
    const step = a.step_index !== null && steps[a.step_index] && !DONE.includes(a.status) ? steps[a.step_index]! : null;
    const correction = a.correction_json ? (JSON.parse(a.correction_json) as { requestedAt: string; items: { target: 'material' | 'field'; code: string; note: string }[]; resolvedAt: string | null }) : null;
    return {
      id: a.id,
      number: a.number,
      item: { code: a.item_code, version: a.item_version, name: a.item_name },
      situation: { code: situation.code, name: situation.name.zh },
      channel: a.channel,
      status: a.status,
      step: step ? { code: step.code, name: step.name.zh, kind: step.kind } : null,
      applicant: { id: a.applicant_id, kind: a.applicant_kind, name: a.applicant_name },
      submittedBy: a.submitted_by_name,
      unit: { code: a.unit_code, name: preload?.unitName ?? (await this.deps.org.unitName(a.unit_code)) },
      form: JSON.parse(a.form_json) as Record<string, string | number>,
      materials,
      correction: correction ? { requestedAt: correction.requestedAt, items: correction.items, resolvedAt: correction.resolvedAt } : null,
      countersigns: await Promise.all(
        countersigns.map(async (c) => ({ unit: { code: c.unit_code, name: await this.deps.org.unitName(c.unit_code) }, signedAt: c.signed_at, agree: c.agree === null ? null : c.agree === 1, opinion: c.opinion })),
      ),
      specialStep: a.special_json ? (JSON.parse(a.special_json) as { index: number; name: string; countsInLimit: boolean; startedAt: string }) : null,
      clock: this.clockOf(a, def, pauses),
      decision: a.decision_json ? (JSON.parse(a.decision_json) as { approve: boolean; reason: string; at: string }) : null,
      certificateId: a.certificate_id,
      events: events.map((e) => ({ at: e.at, type: e.type, actor: e.actor_name, unit: e.unit_code, channel: (e.channel as 'online' | 'hall' | null) ?? null, text: e.text, data: e.data_json ? JSON.parse(e.data_json) : null })),
      version: a.version,
      submittedAt: a.submitted_at,
      completedAt: a.completed_at,
    };
  }

  private async summaries(rows: ApplicationRow[]) {
    const pauses = await this.deps.repo.pausesOf(rows.map((r) => r.id));
    const now = nowIso(this.clock);
    const out = [];
    for (const a of rows) {
      const def = await this.definition(a.item_code, a.item_version);
      const clock = this.clockOf(a, def, pauses.filter((p) => p.application_id === a.id), now);
      const step = a.step_index !== null && !DONE.includes(a.status) ? stepsOf(def, a.situation)[a.step_index] : undefined;
      out.push({
        id: a.id,
        number: a.number,
        item: { code: a.item_code, version: a.item_version, name: a.item_name },
        situation: def.situations.find((s) => s.code === a.situation)?.name.zh ?? a.situation,
        channel: a.channel,
        status: a.status,
        step: step?.name.zh ?? null,
        applicantName: a.applicant_name,
        unit: { code: a.unit_code, name: await this.deps.org.unitName(a.unit_code) },
        promisedDueAt: clock.promisedDueAt,
        remainingWorkingDays: clock.remainingWorkingDays,
        light: clock.light,
        paused: a.paused === 1,
        version: a.version,
        submittedAt: a.submitted_at,
        completedAt: a.completed_at,
      });
    }
    return out;
  }

  /** 我的办件, or a unit's applications (staff), or one visitor's (window clerks). */
  async list(caller: Caller, q: { box: 'mine' | 'unit'; status: 'open' | 'done' | 'all'; overdue?: 'true' | 'false'; applicant?: string; limit: number }) {
    const auth = caller.auth!;
    const overdueAt = q.overdue === 'true' ? nowIso(this.clock) : undefined;
    if (q.box === 'mine') {
      if (q.applicant) throw invalidField('query.applicant', 'only with box=unit');
      return this.summaries(await this.deps.repo.list({ applicantId: auth.principal.id, status: q.status, overdueAt, limit: q.limit }));
    }
    if (auth.principal.kind !== 'staff') throw forbidden('the unit list is for staff');
    const paths = [...new Set([...scopePaths(auth, 'applications.read'), ...scopePaths(auth, 'applications.process')])];
    let applicantId: string | undefined;
    if (q.applicant) {
      if (!holds(auth, 'halls.operate')) throw forbidden('only window clerks look applicants up');
      // ID numbers are 17 digits and a check character and never start with 9; credit codes of businesses do (91…, 92…, 93…) or hold letters.
      const v = q.applicant.toUpperCase();
      const by = /^\d{17}[\dX]$/.test(v) && !v.startsWith('9') ? { idNumber: v } : { creditCode: v };
      applicantId = (await this.deps.accounts.findApplicant(by)) ?? '#none';
    }
    return this.summaries(await this.deps.repo.list({ paths, applicantId, status: q.status, overdueAt, limit: q.limit }));
  }

  /** Overdue applications per implementing unit within a subtree, and the overdue ones themselves. */
  async overdue(caller: Caller, within?: string) {
    const auth = caller.auth!;
    const paths = scopePaths(auth, 'applications.read');
    let root: string | null = within ? await this.deps.org.unitPath(within) : (paths[0] ?? null);
    if (within && (!root || !covers(auth, 'applications.read', root))) throw notFound('org unit', within);
    if (!root) throw notFound('org unit', within ?? '');
    const now = nowIso(this.clock);
    const rows = await this.deps.repo.perUnit(root, now);
    const units = await Promise.all(rows.map(async (r) => ({ unit: { code: r.unit_code, name: await this.deps.org.unitName(r.unit_code) }, open: Number(r.open), overdue: Number(r.overdue), paused: Number(r.paused) })));
    const items = await this.summaries(await this.deps.repo.list({ paths: [root], status: 'open', overdueAt: now, limit: 200 }));
    return { units, items };
  }

  /** For 好差评 一事一评: is the application finished, whose is it, which item and unit. */
  async ratingSubject(id: string): Promise<{ completed: boolean; applicantAccountId: string; itemCode: string; unitCode: string; completedAt: string | null } | null> {
    const a = await this.deps.repo.get(id);
    if (!a) return null;
    return { completed: DONE.includes(a.status), applicantAccountId: a.applicant_id, itemCode: a.item_code, unitCode: a.unit_code, completedAt: a.completed_at };
  }

  /** A timeline entry, with who acted and through which channel. */
  async event(trx: Transaction<any>, caller: Caller, a: Pick<ApplicationRow, 'id'>, type: string, text: string | null, data: unknown, channel?: 'online' | 'hall') {
    const actor = caller.auth?.actor;
    await this.deps.repo.insertEvent(trx, {
      // Real time, not the (settable) clock: ids keep the order events happened in.
      id: sortableId(),
      application_id: a.id,
      at: nowIso(this.clock),
      type,
      actor_id: actor?.id ?? null,
      actor_name: actor?.displayName ?? null,
      unit_code: actor?.unitCode ?? null,
      channel: channel ?? (actor && actor.kind !== 'staff' ? 'online' : null),
      text,
      data_json: data ? JSON.stringify(data) : null,
    });
  }

  /** Tells the applicant: in-app, SMS and e-mail (through the notification adapters). */
  notify(trx: Transaction<any>, a: Pick<ApplicationRow, 'id' | 'applicant_id' | 'item_name' | 'number'>, type: string, body: string, to?: Reachability) {
    return this.deps.notifications.notify(trx, { accountId: a.applicant_id, kind: `application.${type}`, title: `${a.item_name}（${a.number}）`, body, link: tongLink(a.id) }, to);
  }
}
