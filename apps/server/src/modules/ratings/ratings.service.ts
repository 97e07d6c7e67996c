import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inTransaction, nowIso, type DialectHelper } from '@jing/db';
import { BAD_LEVELS, RATING_DIMENSIONS, RATING_LEVELS, type RatingLevel, type SubjectKind } from '@jing/contracts';
import { covers, scopePaths, type Caller } from '../../platform/auth/context.ts';
import { conflict, invalidField, notFound, unauthenticated } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { InboxService } from '../inbox/index.ts';
import type { SupervisionService } from '../supervision/index.ts';
import type { CallbackRow, RatingRepository, RatingRow, RectFilter } from './ratings.repository.ts';

/**
 * What a rating needs to know about the thing rated. The applications module
 * answers this for `application` (`applications.ratingSubject(id)`), the halls
 * module for `hall_visit`.
 */
export interface RatingSubject {
  completed: boolean;
  /** The person (or business) served: the only one who may rate. */
  applicantAccountId: string;
  itemCode: string | null;
  /** The responsible unit (谁办理、谁负责). */
  unitCode: string;
  completedAt: string | null;
  hallId?: string | null;
}

export type SubjectResolver = (id: string) => Promise<RatingSubject | null>;

export interface RatingDeps {
  db: Kysely<any>;
  dialect: DialectHelper;
  repo: RatingRepository;
  audit: AuditLog;
  calendar: WorkingCalendar;
  timeZone: string;
  supervision: SupervisionService;
  inbox: InboxService;
  org: {
    unitPath(code: string, trx?: Transaction<any>): Promise<string | null>;
    unitName(code: string): Promise<string>;
    agencyOf(parentCode: string, type: string): Promise<{ code: string } | null>;
  };
  itemName(code: string): Promise<string | null>;
  hallName(id: string): Promise<string | null>;
  /** Working days a unit has to rectify a bad review (default 5). */
  rectifyDays: number;
  clock?: () => number;
}

const LEVEL_ZH: Record<RatingLevel, string> = { very_satisfied: '非常满意', satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', very_dissatisfied: '非常不满意' };
export const ratingLink = (id: string) => `/ban/ratings/${id}`;

/**
 * 好差评: ratings of completed applications (一事一评) and hall visits (一次一评).
 * Subjects are resolved through a registry so any module can be rated; a bad
 * review opens a rectification 督办 task in the same transaction. Rectification
 * steps live in `RectificationService`.
 */
export class RatingService {
  readonly clock: () => number;
  private readonly subjects = new Map<SubjectKind, SubjectResolver>();

  constructor(readonly deps: RatingDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  /** Registers who answers for a subject kind (the lead wires `application` to the applications module). */
  registerSubject(kind: SubjectKind, resolve: SubjectResolver): void {
    this.subjects.set(kind, resolve);
  }

  /** Why the caller may or may not rate a subject. */
  private async check(caller: Caller, kind: SubjectKind, id: string): Promise<{ reason: 'ok' | 'not_found' | 'not_yours' | 'not_completed' | 'already_rated'; subject: RatingSubject | null; existing: RatingRow | null }> {
    const resolve = this.subjects.get(kind);
    const subject = resolve ? await resolve(id) : null;
    const existing = (await this.deps.repo.bySubject(kind, id)) ?? null;
    if (!subject) return { reason: 'not_found', subject, existing };
    if (subject.applicantAccountId !== caller.auth?.principal.id) return { reason: 'not_yours', subject, existing };
    if (existing) return { reason: 'already_rated', subject, existing };
    if (!subject.completed) return { reason: 'not_completed', subject, existing };
    return { reason: 'ok', subject, existing };
  }

  async forSubject(caller: Caller, kind: SubjectKind, id: string) {
    const c = await this.check(caller, kind, id);
    const mine = c.existing && c.existing.rater_id === caller.auth?.principal.id ? c.existing : null;
    return { ratable: c.reason === 'ok', reason: c.reason, dimensions: [...RATING_DIMENSIONS[kind]], rating: mine ? await this.view(caller, mine) : null };
  }

  /**
   * 评价: only the person served, once, after completion. Dimensions must be
   * the channel's standard ones. A 差评 opens the rectification task.
   */
  async create(caller: Caller, input: { subjectKind: SubjectKind; subjectId: string; level: RatingLevel; dimensions: Record<string, RatingLevel>; comment?: string }) {
    const auth = caller.auth;
    if (!auth) throw unauthenticated();
    const allowed: readonly string[] = RATING_DIMENSIONS[input.subjectKind];
    for (const [key, level] of Object.entries(input.dimensions)) {
      if (!allowed.includes(key)) throw invalidField(`body.dimensions.${key}`, `not a dimension of ${input.subjectKind} ratings; use ${allowed.join(', ')}`);
      if (!RATING_LEVELS.includes(level)) throw invalidField(`body.dimensions.${key}`, `must be one of ${RATING_LEVELS.join(', ')}`);
    }
    const c = await this.check(caller, input.subjectKind, input.subjectId);
    if (c.reason === 'not_found' || c.reason === 'not_yours') throw notFound(input.subjectKind.replace('_', ' '), input.subjectId);
    if (c.reason === 'already_rated') throw conflict('you have rated this already: one rating each', { reason: 'already_rated', ratingId: c.existing!.id });
    if (c.reason === 'not_completed') throw conflict(`the ${input.subjectKind.replace('_', ' ')} is not finished yet: rate it once it is`, { reason: 'not_completed' });
    const subject = c.subject!;
    const unitPath = await this.deps.org.unitPath(subject.unitCode);
    if (!unitPath) throw notFound('org unit', subject.unitCode);
    const now = nowIso(this.clock);
    const bad = BAD_LEVELS.includes(input.level);
    const row: RatingRow = {
      id: randomUUID(), subject_kind: input.subjectKind, subject_id: input.subjectId, rater_id: auth.principal.id, rater_name: auth.principal.displayName, actor_id: auth.actor.id,
      level: input.level, dimensions_json: JSON.stringify(input.dimensions), comment: input.comment?.trim() || null, bad: bad ? 1 : 0,
      item_code: subject.itemCode, unit_code: subject.unitCode, unit_path: unitPath, hall_id: subject.hallId ?? null, created_at: now,
      rect_status: bad ? 'open' : null, due_at: bad ? this.deps.calendar.addWorkingDays(now, this.deps.rectifyDays, this.deps.timeZone) : null, task_id: null, assignment_id: null,
      outcome_kind: null, outcome_text: null, outcome_fix_by: null, outcome_at: null, outcome_by_id: null, outcome_by_name: null,
      appeal_status: null, appeal_reason: null, appeal_at: null, appeal_by_id: null, appeal_by_name: null, appeal_decided_at: null, appeal_decided_by_id: null, appeal_decided_by_name: null, appeal_comment: null,
      voided: 0, version: 0,
    };
    const what = (subject.itemCode && (await this.deps.itemName(subject.itemCode))) || (subject.hallId && (await this.deps.hallName(subject.hallId))) || input.subjectId;
    try {
      await inTransaction(this.deps.db, async (trx) => {
        if (bad) {
          // The task is issued in the name of the district (or the city) the unit belongs to, whose 督查 office verifies it.
          const issuer = unitPath.split('/').filter(Boolean)[1] ?? unitPath.split('/').filter(Boolean)[0]!;
          const task = await this.deps.supervision.createInTransaction(trx, caller, issuer, {
            title: `差评整改：${what}`,
            description: `【${LEVEL_ZH[input.level]}】${row.comment ?? '（未填写评价内容）'}\n请在时限内回访评价人，并登记整改结果（立行立改、限期整改或解释说明）。`,
            source: 'rating',
            sourceRef: row.id,
            dueAt: row.due_at!,
            units: [subject.unitCode],
          });
          row.task_id = task.taskId;
          row.assignment_id = task.assignments[subject.unitCode]!;
        }
        await this.deps.repo.insert(trx, row);
        await this.deps.audit.record(trx, caller, { action: 'ratings.create', targetType: 'rating', targetId: row.id, unitCode: row.unit_code, after: { subject: `${row.subject_kind}:${row.subject_id}`, level: row.level, bad, dueAt: row.due_at } });
      });
    } catch (err) {
      if (this.deps.dialect.isUniqueViolation(err)) throw conflict('you have rated this already: one rating each', { reason: 'already_rated' });
      throw err;
    }
    return this.view(caller, row);
  }

  async mine(caller: Caller) {
    const rows = await this.deps.repo.byRater(caller.auth!.principal.id, 100);
    return this.views(caller, rows);
  }

  async get(caller: Caller, id: string) {
    return this.view(caller, await this.visible(caller, id));
  }

  /** A rating the caller may see (the rater, the responsible unit, reviewers in scope), or 404. */
  async visible(caller: Caller, id: string, trx?: Transaction<any>): Promise<RatingRow> {
    const r = await this.deps.repo.get(id, trx);
    if (!r || !(this.isRater(caller, r) || this.isUnit(caller, r) || this.isReviewer(caller, r))) throw notFound('rating', id);
    return r;
  }

  isRater(caller: Caller, r: RatingRow): boolean {
    return caller.auth?.principal.id === r.rater_id;
  }
  isUnit(caller: Caller, r: RatingRow): boolean {
    const p = caller.auth?.principal;
    return !!p && p.kind === 'staff' && p.unitCode === r.unit_code;
  }
  isReviewer(caller: Caller, r: RatingRow): boolean {
    return covers(caller.auth, 'ratings.review', r.unit_path);
  }

  async rectifications(caller: Caller, q: { role: 'unit' | 'review'; status: RectFilter; limit: number }) {
    const p = caller.auth!.principal;
    const rows =
      q.role === 'unit'
        ? p.kind === 'staff' && p.unitCode ? await this.deps.repo.bad({ unitCode: p.unitCode }, q.status, q.limit) : []
        : await this.deps.repo.bad({ paths: scopePaths(caller.auth, 'ratings.review') }, q.status, q.limit);
    return this.views(caller, rows);
  }

  async stats(q: { by: 'item' | 'unit' | 'hall'; within?: string; kind?: SubjectKind }) {
    const path = q.within ? await this.deps.org.unitPath(q.within) : null;
    if (q.within && !path) throw notFound('org unit', q.within);
    const rows = await this.deps.repo.stats(q.by, path, q.kind ?? null);
    const name = (key: string) => (q.by === 'item' ? this.deps.itemName(key) : q.by === 'unit' ? this.deps.org.unitName(key) : this.deps.hallName(key));
    const items = await Promise.all(rows.map(async (r) => ({ key: r.key, name: (await name(r.key)) ?? r.key, ...figures(r) })));
    const sum = (k: keyof (typeof rows)[number]) => rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
    const total = figures({ count: sum('count'), satisfied: sum('satisfied'), bad: sum('bad'), rectified: sum('rectified'), very_satisfied: sum('very_satisfied'), l_satisfied: sum('l_satisfied'), basically_satisfied: sum('basically_satisfied'), dissatisfied: sum('dissatisfied'), very_dissatisfied: sum('very_dissatisfied') });
    return { by: q.by, total, items };
  }

  async views(caller: Caller, rows: RatingRow[]) {
    const callbacks = await this.deps.repo.callbacksOf(rows.filter((r) => r.bad === 1).map((r) => r.id));
    return Promise.all(rows.map((r) => this.view(caller, r, callbacks.filter((c) => c.rating_id === r.id))));
  }

  async view(caller: Caller, r: RatingRow, callbacks?: CallbackRow[]) {
    const staffSide = this.isUnit(caller, r) || this.isReviewer(caller, r);
    const cbs = r.bad === 1 ? (callbacks ?? (await this.deps.repo.callbacksOf([r.id]))) : [];
    const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);
    return {
      id: r.id,
      subject: { kind: r.subject_kind, id: r.subject_id },
      level: r.level,
      dimensions: JSON.parse(r.dimensions_json) as Record<string, RatingLevel>,
      comment: r.comment,
      bad: r.bad === 1,
      itemCode: r.item_code,
      unit: { code: r.unit_code, name: await this.deps.org.unitName(r.unit_code) },
      hall: r.hall_id ? { id: r.hall_id, name: (await this.deps.hallName(r.hall_id)) ?? r.hall_id } : null,
      createdAt: r.created_at,
      mine: this.isRater(caller, r),
      rater: staffSide ? { name: r.rater_name } : null,
      rectification:
        r.bad === 1
          ? {
              status: r.rect_status!,
              dueAt: r.due_at!,
              overdue: r.rect_status === 'open' && r.due_at! < nowIso(this.clock),
              supervisionTaskId: staffSide ? r.task_id : null,
              callbacks: cbs.map((c) => ({ id: c.id, at: c.at, loggedAt: c.logged_at, by: { id: c.by_id, name: c.by_name }, channel: c.channel, reached: c.reached === 1, text: c.text })),
              outcome: r.outcome_kind ? { kind: r.outcome_kind, text: r.outcome_text!, fixBy: r.outcome_fix_by, at: r.outcome_at!, by: person(r.outcome_by_id, r.outcome_by_name)! } : null,
              appeal:
                staffSide && r.appeal_status
                  ? { status: r.appeal_status, reason: r.appeal_reason!, at: r.appeal_at!, by: person(r.appeal_by_id, r.appeal_by_name)!, decidedAt: r.appeal_decided_at, decidedBy: person(r.appeal_decided_by_id, r.appeal_decided_by_name), comment: r.appeal_comment }
                  : null,
            }
          : null,
      voided: r.voided === 1,
      version: r.version,
    };
  }
}

function figures(r: { count: unknown; satisfied: unknown; bad: unknown; rectified: unknown; very_satisfied: unknown; l_satisfied: unknown; basically_satisfied: unknown; dissatisfied: unknown; very_dissatisfied: unknown }) {
  const count = Number(r.count);
  const bad = Number(r.bad ?? 0);
  const satisfied = Number(r.satisfied ?? 0);
  const rectified = Number(r.rectified ?? 0);
  return {
    count,
    satisfied,
    satisfactionRate: count > 0 ? satisfied / count : null,
    bad,
    rectified,
    rectifiedShare: bad > 0 ? rectified / bad : null,
    levels: {
      very_satisfied: Number(r.very_satisfied ?? 0),
      satisfied: Number(r.l_satisfied ?? 0),
      basically_satisfied: Number(r.basically_satisfied ?? 0),
      dissatisfied: Number(r.dissatisfied ?? 0),
      very_dissatisfied: Number(r.very_dissatisfied ?? 0),
    },
  };
}
