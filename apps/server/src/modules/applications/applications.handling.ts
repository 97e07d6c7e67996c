import type { Transaction } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import type { ServiceItemDefinition } from '@jing/contracts';
import { covers, holds, type Caller } from '../../platform/auth/context.ts';
import { conflict, DomainError, forbidden, invalid, invalidField, notFound } from '../../platform/errors.ts';
import { sortableId } from '../../platform/ids.ts';
import type { ApplicationRow, CountersignRow, MaterialRow } from './applications.repository.ts';
import { applicationLink, parentFromPath, stepsOf, type ApplicationService, type Step } from './applications.service.ts';
import type { Submission } from './applications.submission.ts';
import { checkForm } from './validation.ts';

export type Action = 'accept' | 'refuse' | 'correction' | 'resubmit' | 'review' | 'special' | 'countersign' | 'decide';

export interface ActionInput {
  version: number;
  opinion?: string;
  reason?: string;
  items?: { target: 'material' | 'field'; code: string; note: string }[];
  form?: Record<string, string | number>;
  materials?: Submission['materials'];
  action?: 'start' | 'end';
  index?: number;
  note?: string;
  agree?: boolean;
  approve?: boolean;
}

interface Correction {
  requestedAt: string;
  items: { target: 'material' | 'field'; code: string; note: string }[];
  resolvedAt: string | null;
  /** The status to return to on resubmission (before or after acceptance). */
  resume: 'submitted' | 'processing';
}

/** Short Chinese labels for notices and the timeline. */
const SAID: Record<string, string> = {
  accept: '已受理，开始计算办理时限',
  refuse: '不予受理',
  correction: '需要补正材料，请一次性补齐后重新提交（补正期间暂停计时）',
  resubmit: '补正材料已提交',
  review: '审查通过',
  countersign_open: '进入会签',
  countersign: '会签完成',
  approve: '准予办理，电子证照已发放至“我的证照”',
  approve_plain: '准予办理',
  deny: '不予许可',
  special_start: '进入特殊环节',
  special_end: '特殊环节结束',
};

/**
 * 受理/不予受理/一次性告知补正/补正提交/审查/特殊环节/会签/决定 on an
 * application. Every action takes the version the actor saw (409 when stale),
 * checks who may act at this step, and in one transaction updates the record,
 * its clock and inbox items, the timeline, the applicant's notifications and the audit log.
 */
export class ApplicationHandling {
  constructor(private readonly s: ApplicationService) {}

  private get deps() {
    return this.s.deps;
  }

  async act(caller: Caller, id: string, action: Action, input: ActionInput) {
    const a = await this.s.load(caller, id);
    const def = await this.s.definition(a.item_code, a.item_version);
    const steps = stepsOf(def, a.situation);
    const step = a.step_index !== null ? steps[a.step_index] : undefined;
    const auth = caller.auth!;
    const processor = covers(auth, 'applications.process', a.unit_path);
    const isApplicant = auth.principal.id === a.applicant_id;
    const clerk = holds(auth, 'halls.operate') && processor;

    if (action === 'resubmit') {
      if (!isApplicant && !clerk) throw forbidden('only the applicant, or a window clerk for them, resubmits');
    } else if (action !== 'countersign' && !processor) {
      throw forbidden(`only staff of ${a.unit_code} processing applications can ${action}`);
    }
    if (a.version !== input.version) throw conflict('the application changed since you loaded it', { current: a.version });

    const now = nowIso(this.s.clock);
    const patch: Partial<ApplicationRow> = { updated_at: now };
    const work: ((trx: Transaction<any>) => Promise<unknown>)[] = [];
    let event: { type: string; text: string | null; data?: unknown; channel?: 'online' | 'hall' } = { type: action, text: input.opinion ?? input.reason ?? null };
    let notice: string | null = null;
    const state = (...ok: ApplicationRow['status'][]) => {
      if (!ok.includes(a.status)) throw conflict(`cannot ${action} an application that is ${a.status}`, { status: a.status });
    };
    const atStep = (kind: Step['kind']) => {
      if (step?.kind !== kind) throw conflict(`the application is at ${step?.code ?? 'no step'}, not a ${kind} step`, { step: step?.code ?? null });
      if (a.special_json) throw conflict('a special step is under way: end it first');
    };

    switch (action) {
      case 'accept': {
        state('submitted');
        atStep('accept');
        patch.status = 'processing';
        patch.accepted_at = now;
        Object.assign(patch, await this.advance(a, def, steps, a.step_index!, now, work));
        work.push((trx) => this.deps.inbox.complete(trx, 'applications', a.id, 'application.accept'));
        notice = SAID.accept!;
        break;
      }
      case 'refuse': {
        state('submitted');
        patch.status = 'refused';
        patch.completed_at = now;
        patch.decision_json = JSON.stringify({ approve: false, reason: input.reason, at: now });
        work.push((trx) => this.deps.inbox.complete(trx, 'applications', a.id));
        notice = `${SAID.refuse}：${input.reason}`;
        break;
      }
      case 'correction': {
        state('submitted', 'processing');
        if (a.correction_json) throw conflict('corrections were already asked for once (一次性告知): the applicant has had the full list');
        const situation = def.situations.find((x) => x.code === a.situation)!;
        const issues = (input.items ?? []).flatMap((it, i) => {
          const known = it.target === 'material' ? situation.materials.some((m) => m.code === it.code) : def.formFields.some((f) => f.key === it.code);
          return known ? [] : [{ path: `body.items.${i}.code`, message: `${it.code} is not a ${it.target === 'material' ? 'material of this situation' : 'form field of this item'}` }];
        });
        if (issues.length) throw invalid(issues);
        const correction: Correction = { requestedAt: now, items: input.items!, resolvedAt: null, resume: a.status as 'submitted' | 'processing' };
        patch.status = 'correction';
        patch.correction_json = JSON.stringify(correction);
        if (a.accepted_at) {
          patch.paused = 1;
          patch.promised_due_at = null;
          patch.statutory_due_at = null;
          work.push((trx) => this.deps.repo.insertPause(trx, { id: sortableId(this.s.clock()), application_id: a.id, from_at: now, to_at: null, reason: '补正材料' }));
        }
        work.push((trx) => this.deps.inbox.complete(trx, 'applications', a.id));
        event = { type: 'correction', text: null, data: { items: input.items } };
        notice = `${SAID.correction}：${input.items!.map((x) => x.note).join('；')}`;
        break;
      }
      case 'resubmit': {
        state('correction');
        const c = JSON.parse(a.correction_json!) as Correction;
        const situation = def.situations.find((x) => x.code === a.situation)!;
        const form = { ...(JSON.parse(a.form_json) as Record<string, string | number>), ...(input.form ?? {}) };
        const checked = checkForm(def.formFields, form, 'body.form');
        const fixedFields = c.items.filter((x) => x.target === 'field' && !(x.code in (input.form ?? {})));
        const given = new Set((input.materials ?? []).map((m) => m.code));
        const missing = c.items.filter((x) => x.target === 'material' && !given.has(x.code));
        const existing = await this.deps.repo.materials(a.id);
        const present = new Set(existing.filter((m) => !given.has(m.code)).map((m) => m.code));
        const mats = await this.s.submission.checkMaterials(caller, situation, input.materials ?? [], a.applicant_id, { present });
        const issues = [
          ...checked.issues,
          ...fixedFields.map((x) => ({ path: `body.form.${x.code}`, message: `must be corrected: ${x.note}` })),
          ...missing.map((x) => ({ path: 'body.materials', message: `${x.code} must be supplied again: ${x.note}` })),
          ...mats.issues,
        ];
        if (issues.length) throw invalid(issues);
        patch.form_json = JSON.stringify(checked.values);
        patch.status = c.resume;
        patch.correction_json = JSON.stringify({ ...c, resolvedAt: now });
        const rows: MaterialRow[] = mats.rows.map((m) => ({ ...m, application_id: a.id }));
        work.push((trx) => this.deps.repo.replaceMaterials(trx, a.id, [...given], rows));
        if (a.accepted_at) {
          patch.paused = 0;
          const pauses = (await this.deps.repo.pauses(a.id)).map((p) => ({ ...p, to_at: p.to_at ?? now }));
          Object.assign(patch, this.s.dueColumns(a, def, pauses));
          work.push((trx) => this.deps.repo.endPauses(trx, a.id, now));
        }
        work.push((trx) =>
          c.resume === 'submitted'
            ? this.deps.inbox.post(trx, { module: 'applications', kind: 'application.accept', sourceId: a.id, title: `【补正已提交】${a.item_name}`, summary: a.applicant_name, link: applicationLink(a.id), unitCode: a.unit_code, dueAt: this.deps.calendar.addWorkingDays(now, 5, this.deps.timeZone) })
            : this.deps.inbox.post(trx, { module: 'applications', kind: 'application.process', sourceId: a.id, title: `【补正已提交】${a.item_name}`, summary: a.applicant_name, link: applicationLink(a.id), unitCode: a.unit_code, dueAt: patch.promised_due_at ?? null }),
        );
        event = { type: 'resubmit', text: null, data: { fields: Object.keys(input.form ?? {}), materials: [...given] }, channel: isApplicant ? 'online' : 'hall' };
        notice = SAID.resubmit!;
        break;
      }
      case 'review': {
        state('processing');
        atStep('review');
        Object.assign(patch, await this.advance(a, def, steps, a.step_index!, now, work));
        event = { type: 'review', text: input.opinion ?? null, data: { step: step!.code } };
        notice = `${step!.name.zh}：${SAID.review}`;
        break;
      }
      case 'special': {
        state('processing');
        const index = input.index ?? 0;
        const spec = def.specialSteps[index];
        if (!spec) throw invalidField('body.index', `the item has ${def.specialSteps.length} special step(s)`);
        const running = a.special_json ? (JSON.parse(a.special_json) as { index: number }) : null;
        if (input.action === 'start') {
          if (running) throw conflict('a special step is already under way');
          patch.special_json = JSON.stringify({ index, name: spec.name.zh, countsInLimit: spec.countsInLimit, startedAt: now });
          if (!spec.countsInLimit) {
            patch.paused = 1;
            patch.promised_due_at = null;
            patch.statutory_due_at = null;
            work.push((trx) => this.deps.repo.insertPause(trx, { id: sortableId(this.s.clock()), application_id: a.id, from_at: now, to_at: null, reason: `特殊环节：${spec.name.zh}` }));
          }
          event = { type: 'special_start', text: input.note ?? null, data: { name: spec.name.zh, countsInLimit: spec.countsInLimit } };
          notice = `${SAID.special_start}：${spec.name.zh}${spec.countsInLimit ? '' : '（不计入办理时限）'}`;
        } else {
          if (!running || running.index !== index) throw conflict('that special step is not under way');
          patch.special_json = null;
          if (!spec.countsInLimit) {
            patch.paused = 0;
            const pauses = (await this.deps.repo.pauses(a.id)).map((p) => ({ ...p, to_at: p.to_at ?? now }));
            Object.assign(patch, this.s.dueColumns(a, def, pauses));
            work.push((trx) => this.deps.repo.endPauses(trx, a.id, now));
          }
          event = { type: 'special_end', text: input.note ?? null, data: { name: spec.name.zh } };
          notice = `${SAID.special_end}：${spec.name.zh}`;
        }
        break;
      }
      case 'countersign': {
        state('processing');
        atStep('countersign');
        const rows = (await this.deps.repo.countersigns(a.id)).filter((r) => r.step_index === a.step_index);
        const mine = rows.find((r) => r.signed_at === null && covers(auth, 'applications.process', r.unit_path));
        if (!mine) throw forbidden('your unit has nothing to countersign on this application');
        work.push(async (trx) => {
          if (!(await this.deps.repo.sign(trx, a.id, a.step_index!, mine.unit_code, { signed_at: now, signed_by: auth.actor.id, agree: input.agree ? 1 : 0, opinion: input.opinion ?? null }))) throw conflict('your unit has already signed');
        });
        work.push((trx) => this.deps.inbox.complete(trx, 'applications', a.id, 'application.countersign', mine.unit_code));
        const last = rows.every((r) => r === mine || r.signed_at !== null);
        if (last) {
          Object.assign(patch, await this.advance(a, def, steps, a.step_index!, now, work));
          notice = SAID.countersign!;
        }
        event = { type: 'countersign', text: input.opinion ?? null, data: { unit: mine.unit_code, agree: input.agree, complete: last } };
        break;
      }
      case 'decide': {
        state('processing');
        atStep('decide');
        patch.status = input.approve ? 'approved' : 'denied';
        patch.completed_at = now;
        patch.decision_json = JSON.stringify({ approve: input.approve, reason: input.reason, at: now });
        patch.step_index = null;
        work.push((trx) => this.deps.inbox.complete(trx, 'applications', a.id));
        const certType = def.result.certificateType;
        if (input.approve && certType) {
          const profile = (await this.deps.accounts.profile(a.applicant_id))!;
          const issuerName = await this.deps.org.unitName(a.unit_code);
          work.push(async (trx) => {
            const form = JSON.parse(patch.form_json ?? a.form_json) as Record<string, string | number>;
            const cert = await this.deps.certificates.issue(trx, caller, {
              type: certType,
              title: def.result.name.zh,
              holder: { id: profile.id, kind: profile.kind, name: profile.name, identifier: profile.kind === 'business' ? (profile.uscc ?? '') : (profile.idNumberMasked ?? '') },
              issuerCode: a.unit_code,
              issuerName,
              data: Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'phone' && k !== 'idNumber').map(([k, v]) => [k, String(v)])),
              validityYears: def.result.validityYears,
              applicationId: a.id,
            });
            await this.deps.repo.update(trx, a.id, a.version + 1, { certificate_id: cert.id });
            await this.s.event(trx, caller, a, 'certificate', cert.title, { certificateId: cert.id, number: cert.number });
          });
        }
        const deliver = steps.slice((a.step_index ?? 0) + 1).find((x) => x.kind === 'deliver');
        if (input.approve && deliver) work.push((trx) => this.s.event(trx, caller, a, 'deliver', certType ? '电子证照已送达“我的证照”' : '结果已送达', { step: deliver.code }));
        event = { type: 'decide', text: input.reason ?? null, data: { approve: input.approve } };
        notice = input.approve ? (certType ? SAID.approve! : SAID.approve_plain!) : `${SAID.deny}：${input.reason}`;
        break;
      }
    }

    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.update(trx, a.id, a.version, patch))) throw conflict('the application changed since you loaded it');
      await this.s.event(trx, caller, a, event.type, event.text, event.data ?? null, event.channel);
      for (const w of work) await w(trx);
      if (notice) await this.s.notify(trx, a, event.type, notice);
      await this.deps.audit.record(trx, caller, {
        action: `applications.${event.type}`,
        targetType: 'application',
        targetId: a.id,
        unitCode: a.unit_code,
        before: { status: a.status, step: step?.code ?? null, version: a.version },
        after: { status: patch.status ?? a.status, step: patch.step_index === undefined ? (step?.code ?? null) : patch.step_index === null ? null : (steps[patch.step_index]?.code ?? null) },
      });
    });
    return this.s.view(caller, (await this.deps.repo.get(a.id))!);
  }

  /**
   * Moves past step `from`: the next step is entered (a countersign step
   * posts a to-do to each named unit), and the unit's processing item is
   * (re)posted with the deadline. Returns the fields to change.
   */
  private async advance(a: ApplicationRow, def: ServiceItemDefinition, steps: Step[], from: number, now: string, work: ((trx: Transaction<any>) => Promise<unknown>)[]): Promise<Partial<ApplicationRow>> {
    const next = from + 1;
    const step = steps[next];
    if (!step) throw new DomainError('conflict', 'the procedure has no further step');
    const accepted = a.accepted_at ?? now;
    const pauses = await this.deps.repo.pauses(a.id);
    const due = this.s.dueColumns({ accepted_at: accepted }, def, pauses);
    const patch: Partial<ApplicationRow> = { step_index: next, ...due };
    work.push(async (trx) => {
      await this.deps.inbox.complete(trx, 'applications', a.id, 'application.process');
      await this.deps.inbox.post(trx, { module: 'applications', kind: 'application.process', sourceId: a.id, title: `【${step.name.zh}】${a.item_name}`, summary: `${a.applicant_name} · ${a.number}`, link: applicationLink(a.id), unitCode: a.unit_code, dueAt: due.promised_due_at });
    });
    if (step.kind === 'countersign') {
      const parent = parentFromPath(a.unit_path) ?? this.deps.cityCode;
      const rows: CountersignRow[] = [];
      for (const type of step.countersignUnits) {
        const unit = (await this.deps.org.agencyOf(parent, type)) ?? (await this.deps.org.agencyOf(this.deps.cityCode, type));
        if (!unit) throw new DomainError('unavailable', `no ${type} unit is set up to countersign`);
        if (rows.some((r) => r.unit_code === unit.code)) continue;
        rows.push({ application_id: a.id, step_index: next, unit_code: unit.code, unit_path: (await this.deps.org.unitPath(unit.code))!, signed_at: null, signed_by: null, agree: null, opinion: null });
      }
      if (rows.length === 0) throw notFound('countersign units of step', step.code);
      work.push(async (trx) => {
        await this.deps.repo.insertCountersigns(trx, rows);
        for (const r of rows) {
          await this.deps.inbox.post(trx, { module: 'applications', kind: 'application.countersign', sourceId: a.id, title: `【会签】${a.item_name}`, summary: `${a.applicant_name} · ${a.number}`, link: applicationLink(a.id), unitCode: r.unit_code, dueAt: due.promised_due_at });
        }
      });
    }
    return patch;
  }
}
