import type { Transaction } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import type { AssignmentStatus } from '@jing/contracts';
import type { Caller } from '../../platform/auth/context.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { sortableId } from '../../platform/ids.ts';
import type { RatingRow } from './ratings.repository.ts';
import { ratingLink, type RatingService } from './ratings.service.ts';

const OUTCOME_ZH = { fixed_now: '立行立改', fix_by_date: '限期整改', explained: '解释说明' } as const;

/**
 * 差评整改: the responsible unit logs callbacks (回访) to the rater, records
 * an outcome (which reports its 督办 assignment in the same transaction), or
 * appeals (申诉) once; the service administration (`ratings.review` in scope)
 * upholds an appeal — voiding the review, which then leaves the statistics —
 * or rejects it. Every step is audited with the real actor.
 */
export class RectificationService {
  constructor(private readonly ratings: RatingService) {}

  private get deps() {
    return this.ratings.deps;
  }

  /** A bad review the caller's unit answers for, at `version`. */
  private async ofMyUnit(caller: Caller, id: string, version: number): Promise<RatingRow> {
    const r = await this.ratings.visible(caller, id);
    if (r.bad !== 1) throw conflict('only bad reviews (差评) are rectified', { reason: 'not_bad' });
    if (!this.ratings.isUnit(caller, r)) throw forbidden('only the responsible unit answers a bad review');
    if (r.version !== version) throw conflict('the rating changed since you loaded it', { current: r.version });
    if (r.voided === 1) throw conflict('the review was voided on appeal', { reason: 'voided' });
    return r;
  }

  /** 回访: who called back (the caller), when, how, whether the rater was reached, what was said. */
  async callback(caller: Caller, id: string, input: { version: number; at?: string; channel: 'phone' | 'sms' | 'visit' | 'online'; reached: boolean; text: string }) {
    const r = await this.ofMyUnit(caller, id, input.version);
    const now = nowIso(this.ratings.clock);
    const at = input.at ? new Date(Date.parse(input.at)).toISOString() : now;
    if (at > now) throw invalidField('body.at', 'a callback cannot be in the future');
    if (at < r.created_at) throw invalidField('body.at', 'a callback cannot be before the rating');
    const actor = caller.auth!.actor;
    const row = { id: sortableId(), rating_id: id, at, logged_at: now, by_id: actor.id, by_name: actor.displayName, channel: input.channel, reached: input.reached ? 1 : 0, text: input.text };
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.update(trx, id, r.version, {}))) throw conflict('the rating changed since you loaded it');
      await this.deps.repo.insertCallback(trx, row);
      await this.deps.audit.record(trx, caller, { action: 'ratings.callback', targetType: 'rating', targetId: id, unitCode: r.unit_code, after: { at, channel: input.channel, reached: input.reached } });
    });
    return this.ratings.get(caller, id);
  }

  /**
   * 整改结果: needs at least one logged callback; 限期整改 needs the date. The
   * 督办 assignment is accepted (if need be) and reported with the outcome in
   * the same transaction. A unit may answer again when 督办 returned the task.
   */
  async outcome(caller: Caller, id: string, input: { version: number; kind: 'fixed_now' | 'fix_by_date' | 'explained'; text: string; fixBy?: string }) {
    const r = await this.ofMyUnit(caller, id, input.version);
    if (r.appeal_status === 'pending') throw conflict('the appeal is under review: wait for the decision', { reason: 'appeal_pending' });
    const assignment = r.assignment_id ? await this.deps.supervision.assignmentState(r.assignment_id) : null;
    const again = r.rect_status === 'rectified' && assignment?.status === 'returned';
    if (r.rect_status !== 'open' && !again) throw conflict('the outcome is recorded already', { reason: 'already_rectified' });
    if ((await this.deps.repo.callbacksOf([id])).length === 0) throw conflict('log the callback (回访) to the rater first', { reason: 'callback_required' });
    const now = nowIso(this.ratings.clock);
    let fixBy: string | null = null;
    if (input.kind === 'fix_by_date') {
      if (!input.fixBy) throw invalidField('body.fixBy', 'is required for 限期整改');
      fixBy = new Date(Date.parse(input.fixBy)).toISOString();
      if (fixBy <= now) throw invalidField('body.fixBy', 'must be in the future');
    } else if (input.fixBy) throw invalidField('body.fixBy', 'only 限期整改 takes a date');
    const actor = caller.auth!.actor;
    const patch: Partial<RatingRow> = { rect_status: 'rectified', outcome_kind: input.kind, outcome_text: input.text, outcome_fix_by: fixBy, outcome_at: now, outcome_by_id: actor.id, outcome_by_name: actor.displayName };
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.update(trx, id, r.version, patch))) throw conflict('the rating changed since you loaded it');
      if (r.assignment_id) await this.drive(trx, caller, r.assignment_id, ['accepted', 'reported'], `【${OUTCOME_ZH[input.kind]}】${input.text}`);
      await this.deps.audit.record(trx, caller, { action: 'ratings.outcome', targetType: 'rating', targetId: id, unitCode: r.unit_code, before: { status: r.rect_status }, after: { status: 'rectified', kind: input.kind, fixBy } });
    });
    return this.ratings.get(caller, id);
  }

  /** 申诉: once, by the responsible unit; the district's service administration gets it in its inbox. */
  async appeal(caller: Caller, id: string, input: { version: number; reason: string }) {
    const r = await this.ofMyUnit(caller, id, input.version);
    if (r.appeal_status) throw conflict('the review was appealed already: one appeal each', { reason: 'already_appealed' });
    const now = nowIso(this.ratings.clock);
    const actor = caller.auth!.actor;
    const district = r.unit_path.split('/').filter(Boolean)[1] ?? r.unit_code;
    const reviewUnit = (await this.deps.org.agencyOf(district, 'gov_services'))?.code ?? district;
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.update(trx, id, r.version, { appeal_status: 'pending', appeal_reason: input.reason, appeal_at: now, appeal_by_id: actor.id, appeal_by_name: actor.displayName }))) {
        throw conflict('the rating changed since you loaded it');
      }
      await this.deps.inbox.post(trx, { module: 'ratings', kind: 'ratings.appeal', sourceId: id, title: `【差评申诉】${await this.deps.org.unitName(r.unit_code)}`, summary: input.reason.slice(0, 200), link: ratingLink(id), unitCode: reviewUnit });
      await this.deps.audit.record(trx, caller, { action: 'ratings.appeal', targetType: 'rating', targetId: id, unitCode: r.unit_code, after: { appeal: 'pending' } });
    });
    return this.ratings.get(caller, id);
  }

  /**
   * 申诉审核 by the service administration in scope (not the appellant).
   * Upheld: the review is voided (it leaves the statistics) and its 督办 task
   * is closed; rejected: the rectification goes on.
   */
  async decide(caller: Caller, id: string, input: { version: number; uphold: boolean; comment: string }) {
    const r = await this.deps.repo.get(id);
    if (!r || !this.ratings.isReviewer(caller, r)) throw notFound('rating', id);
    if (r.version !== input.version) throw conflict('the rating changed since you loaded it', { current: r.version });
    if (r.appeal_status !== 'pending') throw conflict('no appeal awaits a decision', { reason: 'no_pending_appeal' });
    const actor = caller.auth!.actor;
    if (actor.id === r.appeal_by_id) throw forbidden('the appellant cannot decide their own appeal');
    const now = nowIso(this.ratings.clock);
    const patch: Partial<RatingRow> = {
      appeal_status: input.uphold ? 'upheld' : 'rejected', appeal_decided_at: now, appeal_decided_by_id: actor.id, appeal_decided_by_name: actor.displayName, appeal_comment: input.comment,
      ...(input.uphold ? { voided: 1, rect_status: 'voided' as const } : {}),
    };
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.update(trx, id, r.version, patch))) throw conflict('the rating changed since you loaded it');
      if (input.uphold && r.assignment_id) await this.drive(trx, caller, r.assignment_id, ['accepted', 'reported', 'closed'], `【申诉成立，差评作废】${input.comment}`, true);
      await this.deps.inbox.complete(trx, 'ratings', id, 'ratings.appeal');
      await this.deps.audit.record(trx, caller, { action: input.uphold ? 'ratings.void' : 'ratings.appeal_rejected', targetType: 'rating', targetId: id, unitCode: r.unit_code, before: { appeal: 'pending', voided: r.voided === 1 }, after: { appeal: patch.appeal_status, voided: input.uphold } });
    });
    return this.ratings.get(caller, id);
  }

  /**
   * Moves the 督办 assignment along `path` (accept → report → close) as far as
   * its state allows, inside the transaction. An extension request is withdrawn
   * only when the review is voided (`onBehalf`); otherwise it must be decided in 督办 first.
   */
  private async drive(trx: Transaction<any>, caller: Caller, assignmentId: string, path: AssignmentStatus[], text: string, onBehalf = false): Promise<void> {
    for (let step = 0; step < 4; step++) {
      const s = await this.deps.supervision.assignmentState(assignmentId, trx);
      if (!s) return;
      const act = (action: 'accept' | 'report' | 'close' | 'extension_decision', extra: object = {}) =>
        this.deps.supervision.actInTransaction(trx, caller, assignmentId, action, { version: s.version, ...extra }, onBehalf);
      if ((s.status === 'assigned' || s.status === 'returned') && path.includes('accepted')) await act('accept');
      else if (s.status === 'extension_requested') {
        if (!onBehalf) throw conflict('an extension request of the 督办 task awaits its decision', { reason: 'extension_pending' });
        await act('extension_decision', { approve: false, comment: text });
      } else if (s.status === 'accepted' && path.includes('reported')) await act('report', { text });
      else if (s.status === 'reported' && path.includes('closed')) await act('close', { comment: text });
      else return;
    }
  }
}
