import type { Transaction } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import type { CaseStatus, Satisfaction } from '@jing/contracts';
import { covers, holds, type Caller } from '../../platform/auth/context.ts';
import { conflict, DomainError, forbidden, invalidField } from '../../platform/errors.ts';
import { caseLink, type CaseService } from './cases.service.ts';
import type { CaseRow, RollupCounter } from './cases.repository.ts';

type Who = 'handler' | 'dispatcher' | 'operator' | 'reporter_or_operator';

/** Each action: who may take it, from which states, and to which state. */
const RULES: Record<string, { who: Who; from: CaseStatus[]; to: CaseStatus | null }> = {
  sign: { who: 'handler', from: ['dispatched'], to: 'signed' },
  return: { who: 'handler', from: ['dispatched', 'signed'], to: 'returned' },
  dispatch: { who: 'dispatcher', from: ['returned'], to: 'dispatched' },
  contact: { who: 'handler', from: ['signed'], to: 'contacted' },
  reply: { who: 'handler', from: ['contacted'], to: 'replied' },
  answer: { who: 'operator', from: ['dispatched'], to: 'answered' },
  rate: { who: 'reporter_or_operator', from: ['replied'], to: 'closed' },
  extension_request: { who: 'handler', from: ['signed', 'contacted'], to: null },
  extension_decision: { who: 'dispatcher', from: ['signed', 'contacted'], to: null },
};

export interface ActionInput {
  version: number;
  reason?: string;
  unitCode?: string;
  comment?: string;
  method?: string;
  note?: string;
  text?: string;
  resolved?: boolean;
  contacted?: boolean;
  satisfaction?: Satisfaction;
  newResolveDueAt?: string;
  approve?: boolean;
  knowledgeId?: string;
}

const SAT_COUNTER: Record<Satisfaction, RollupCounter> = {
  very_satisfied: 'sat_very_satisfied',
  satisfied: 'sat_satisfied',
  basically_satisfied: 'sat_basically_satisfied',
  dissatisfied: 'sat_dissatisfied',
  very_dissatisfied: 'sat_very_dissatisfied',
};

/**
 * Handling a case: 签收 sign, 退单 return, 派单 re-dispatch, 联系 contact (the
 * response), 答复 reply, 直接答复 answer, 回访 rate — with the rule that an
 * unsatisfied, unresolved first rating reopens the case once.
 */
export class CaseHandling {
  constructor(private readonly cases: CaseService) {}

  private allowed(caller: Caller, c: CaseRow, who: Who): boolean {
    const me = caller.auth?.principal;
    if (!me) return false;
    switch (who) {
      case 'handler':
        return me.kind === 'staff' && me.unitCode === c.handler_unit_code;
      case 'dispatcher':
        return holds(caller.auth, 'cases.dispatch');
      case 'operator':
        return holds(caller.auth, 'cases.intake');
      case 'reporter_or_operator':
        return (!!c.reporter_id && c.reporter_id === me.id) || holds(caller.auth, 'cases.intake');
    }
  }

  async act(caller: Caller, id: string, action: keyof typeof RULES, input: ActionInput) {
    const { deps } = this.cases;
    const c = await this.cases.load(caller, id);
    const rule = RULES[action]!;
    if (!this.allowed(caller, c, rule.who)) throw forbidden(`you cannot ${action} this case`);
    if (c.version !== input.version) throw conflict('the case changed since you loaded it', { current: c.version });
    if (!rule.from.includes(c.status)) throw new DomainError('conflict', `cannot ${action} a case that is ${c.status}`, { status: c.status });
    if (action === 'answer' && c.type !== 'consult') throw invalidField('body.text', 'only consultations are answered on the spot');

    const now = nowIso(this.cases.clock);
    const patch: Partial<CaseRow> = { ...(rule.to ? { status: rule.to } : {}), updated_at: now };
    const after: ((trx: Transaction<any>) => Promise<unknown>)[] = [];
    const category = deps.catalogue.get(c.category_code)!;
    const centre = (await deps.agencyOf(deps.cityCode, 'hotline_12345'))?.code ?? deps.cityCode;
    let eventText: string | null = input.comment ?? input.reason ?? input.note ?? input.text ?? null;
    let eventUnit = c.handler_unit_code;

    switch (action) {
      case 'sign':
        patch.signed_at = now;
        break;
      case 'return':
        patch.handler_unit_code = centre;
        patch.handler_unit_path = await deps.unitPath(centre);
        after.push((trx) => deps.inbox.complete(trx, 'cases', c.id, 'case.handle'));
        after.push((trx) => deps.inbox.post(trx, { module: 'cases', kind: 'case.redispatch', sourceId: c.id, title: `【退单】${category.name['zh-CN']}（${c.number}）`, summary: input.reason ?? null, link: caseLink(c.id), unitCode: centre }));
        // The returning unit no longer counts the case; the next handler will.
        after.push((trx) => deps.repo.bump(trx, c.month, c.handler_unit_code!, c.handler_unit_path!, { cases: -1 }));
        break;
      case 'dispatch': {
        const path = await deps.unitPath(input.unitCode!);
        if (!path || !covers(caller.auth, 'cases.dispatch', path)) throw invalidField('body.unitCode', `${input.unitCode} is not a unit you can dispatch to`);
        if (input.unitCode === c.handler_unit_code) throw invalidField('body.unitCode', 'the case is already there');
        patch.handler_unit_code = input.unitCode!;
        patch.handler_unit_path = path;
        eventUnit = input.unitCode!;
        after.push((trx) => deps.inbox.complete(trx, 'cases', c.id, 'case.redispatch'));
        after.push((trx) => deps.inbox.post(trx, { module: 'cases', kind: 'case.handle', sourceId: c.id, title: `【派单】${category.name['zh-CN']}（${c.number}）`, summary: c.description.slice(0, 200), link: caseLink(c.id), unitCode: input.unitCode!, dueAt: c.resolve_due_at }));
        after.push((trx) => deps.repo.bump(trx, c.month, input.unitCode!, path, { cases: 1 }));
        break;
      }
      case 'contact': {
        const onTime = !!c.contact_due_at && now <= c.contact_due_at;
        patch.contacted_at = now;
        eventText = `${input.method}: ${input.note}`;
        // The response is the first contact: contacting again after a reopen counts nothing twice.
        if (c.contacted_on_time === null) {
          patch.contacted_on_time = onTime ? 1 : 0;
          if (onTime) after.push((trx) => deps.repo.bump(trx, c.month, c.handler_unit_code!, c.handler_unit_path!, { responded: 1 }));
        }
        break;
      }
      case 'reply':
        patch.replied_at = now;
        eventText = `${input.resolved ? '已解决' : '未解决'}：${input.text}`;
        after.push((trx) => deps.inbox.complete(trx, 'cases', c.id, 'case.handle'));
        break;
      case 'answer':
        eventText = `${input.text}${input.knowledgeId ? ` [知识库 ${input.knowledgeId}]` : ''}`;
        patch.replied_at = now;
        patch.closed_at = now;
        after.push((trx) => deps.inbox.complete(trx, 'cases', c.id));
        break;
      case 'extension_request': {
        const due = Date.parse(input.newResolveDueAt!);
        if (c.extension_due_at) throw new DomainError('conflict', 'an extension is already waiting for a decision');
        if (!(due > Date.parse(c.resolve_due_at ?? now))) throw invalidField('body.newResolveDueAt', 'must be later than the current deadline');
        if (c.resolve_due_at && c.resolve_due_at < now) throw invalidField('body.newResolveDueAt', 'the deadline has passed: ask before it does');
        patch.extension_due_at = new Date(due).toISOString();
        patch.extension_reason = input.reason!;
        after.push((trx) => deps.inbox.post(trx, { module: 'cases', kind: 'case.extension', sourceId: c.id, title: `【延期申请】${category.name['zh-CN']}（${c.number}）`, summary: input.reason ?? null, link: caseLink(c.id), unitCode: centre }));
        break;
      }
      case 'extension_decision':
        if (!c.extension_due_at) throw new DomainError('conflict', 'no extension is waiting for a decision');
        if (input.approve) patch.resolve_due_at = c.extension_due_at;
        patch.extension_due_at = null;
        patch.extension_reason = null;
        eventText = `${input.approve ? 'approved' : 'rejected'}${input.comment ? `：${input.comment}` : ''}`;
        after.push((trx) => deps.inbox.complete(trx, 'cases', c.id, 'case.extension'));
        break;
      case 'rate': {
        const reopen = !input.resolved && (input.satisfaction === 'dissatisfied' || input.satisfaction === 'very_dissatisfied') && c.reopened === 0;
        patch.rating_contacted = input.contacted ? 1 : 0;
        patch.rating_resolved = input.resolved ? 1 : 0;
        patch.rating_satisfaction = input.satisfaction!;
        eventText = `${input.satisfaction}${input.resolved ? ' / resolved' : ' / not resolved'}${input.comment ? `：${input.comment}` : ''}`;
        if (reopen) {
          // By rule: unresolved and unsatisfied the first time → back to the unit to handle again.
          patch.status = 'signed';
          patch.reopened = 1;
          patch.contacted_at = null;
          patch.replied_at = null;
          after.push((trx) => deps.inbox.post(trx, { module: 'cases', kind: 'case.handle', sourceId: c.id, title: `【重办】${category.name['zh-CN']}（${c.number}）`, summary: input.comment ?? null, link: caseLink(c.id), unitCode: c.handler_unit_code!, dueAt: c.resolve_due_at }));
        } else {
          patch.closed_at = now;
          after.push((trx) =>
            deps.repo.bump(trx, c.month, c.handler_unit_code!, c.handler_unit_path!, { rated: 1, resolved: input.resolved ? 1 : 0, [SAT_COUNTER[input.satisfaction!]]: 1 }),
          );
        }
        break;
      }
    }

    const type = patch.reopened && action === 'rate' ? 'reopen' : action;
    return commitCaseChange(this.cases, caller, c, patch, { type, unit: eventUnit, text: eventText }, after);
  }
}

/**
 * Writes one change to a case: the versioned update, its timeline event, the
 * follow-up steps (inbox, rollups) and the audit entry, in one transaction.
 */
export async function commitCaseChange(
  cases: CaseService,
  caller: Caller,
  c: CaseRow,
  patch: Partial<CaseRow>,
  event: { type: string; unit: string | null; text: string | null },
  after: ((trx: Transaction<any>) => Promise<unknown>)[],
) {
  const { deps } = cases;
  await inTransaction(deps.db, async (trx) => {
    if (!(await deps.repo.update(trx, c.id, c.version, patch))) throw conflict('the case changed since you loaded it');
    await cases.event(trx, caller, c.id, event.type, event.unit, event.text);
    for (const step of after) await step(trx);
    await deps.audit.record(trx, caller, { action: `cases.${event.type}`, targetType: 'case', targetId: c.id, unitCode: c.handler_unit_code, before: { status: c.status, handler: c.handler_unit_code }, after: patch });
  });
  return cases.view(caller, (await deps.repo.get(c.id))!);
}
