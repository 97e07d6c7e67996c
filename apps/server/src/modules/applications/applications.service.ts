import type { Kysely, Transaction } from 'kysely';
import { nowIso, type DialectHelper } from '@jing/db';
import type { ServiceItemDefinition, ServiceItemVersion, TrafficLight } from '@jing/contracts';
import { covers, scopePaths, type Caller } from '../../platform/auth/context.ts';
import { notFound } from '../../platform/errors.ts';
import { sortableId } from '../../platform/ids.ts';
import type { AuditLog } from '../audit/index.ts';
import type { InboxService } from '../inbox/index.ts';
import { Deadline, type WorkingCalendar } from '../calendar/index.ts';
import type { AccountProfile } from '../identity/index.ts';
import type { CertificateService } from '../certificates/index.ts';
import type { NotificationService, Reachability } from '../notifications/index.ts';
import { DONE, type ApplicationRepository, type ApplicationRow, type EventRow, type MaterialRow, type PauseRow } from './applications.repository.ts';
import { ApplicationLists } from './applications.lists.ts';
import { ApplicationSubmission } from './applications.submission.ts';

export interface ApplicationDeps {
  db: Kysely<any>;
  dialect: DialectHelper;
  repo: ApplicationRepository;
  audit: AuditLog;
  inbox: InboxService;
  calendar: WorkingCalendar;
  timeZone: string;
  cityCode: string;
  catalogue: {
    get(code: string): Promise<ServiceItemVersion>;
    version(code: string, v: number): Promise<ServiceItemVersion>;
    published(code: string): Promise<{ version: number; definition: ServiceItemDefinition } | null>;
  };
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

export type Step = ServiceItemDefinition['steps'][number];
type FileRow = NonNullable<Awaited<ReturnType<ApplicationDeps['files']['get']>>>;
type CertRow = NonNullable<Awaited<ReturnType<CertificateService['row']>>>;
/** Rows already in hand (from checking materials), by id. */
export interface Loaded {
  files: Map<string, FileRow>;
  certs: Map<string, CertRow>;
}
/** Everything a fresh application's view needs, known without reading it back. */
export interface Preload extends Loaded {
  materials: MaterialRow[];
  events: EventRow[];
  unitName: string;
}
export type Situation = ServiceItemDefinition['situations'][number];

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
 * 办件: who may see an application, its view, its clock and timeline, and
 * what every part shares. Submission (online or at a hall window) is in
 * `applications.submission.ts`, lists in `applications.lists.ts`, the handling
 * actions (受理, 补正, 审查, 会签, 决定) in `applications.handling.ts`.
 */
export class ApplicationService {
  clock: () => number;
  private readonly versions = new Map<string, ServiceItemDefinition>();
  /** 申报 and pre-filling. */
  readonly submission: ApplicationSubmission;
  /** 我的办件, a unit's applications, overdue per unit. */
  readonly lists: ApplicationLists;

  constructor(readonly deps: ApplicationDeps) {
    this.clock = deps.clock ?? Date.now;
    this.submission = new ApplicationSubmission(this);
    this.lists = new ApplicationLists(this);
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

  /** For 好差评 一事一评: is the application finished, whose is it, which item and unit. */
  async ratingSubject(id: string): Promise<{ completed: boolean; applicantAccountId: string; itemCode: string; unitCode: string; completedAt: string | null } | null> {
    const a = await this.deps.repo.get(id);
    if (!a) return null;
    return { completed: DONE.includes(a.status), applicantAccountId: a.applicant_id, itemCode: a.item_code, unitCode: a.unit_code, completedAt: a.completed_at };
  }

  /**
   * An application named at a hall window — by id, or by the number its applicant shows in 我的办件 —
   * with its item and applicant; null when there is none.
   */
  async forVisit(idOrNumber: string): Promise<{ id: string; itemCode: string; applicantAccountId: string } | null> {
    const a = (await this.deps.repo.get(idOrNumber)) ?? (await this.deps.repo.byNumber(idOrNumber));
    return a ? { id: a.id, itemCode: a.item_code, applicantAccountId: a.applicant_id } : null;
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
