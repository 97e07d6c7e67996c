import { nowIso } from '@jing/db';
import { holds, type Caller } from '../../platform/auth/context.ts';
import { conflict, DomainError, forbidden, invalidField } from '../../platform/errors.ts';
import { caseLink, type CaseService } from './cases.service.ts';
import { commitCaseChange } from './cases.handling.ts';
import type { CaseRow, ParticipantRow } from './cases.repository.ts';

const OPEN = ['dispatched', 'signed', 'contacted'];

/**
 * Working a case together: 协办 assisting units beside the lead, 吹哨报到
 * (a street summons agencies, which check in within the limit and stay until
 * the case is done, and are scored afterwards), and the handling record.
 */
export class CaseCollaboration {
  constructor(
    private readonly cases: CaseService,
    /** Minutes a summoned agency has to check in (default 30). */
    private readonly checkinMinutes = 30,
  ) {}

  private async load(caller: Caller, id: string, version: number) {
    const c = await this.cases.load(caller, id);
    if (c.version !== version) throw conflict('the case changed since you loaded it', { current: c.version });
    const participants = await this.cases.deps.repo.participants(c.id);
    const me = caller.auth!.principal;
    const isLead = me.kind === 'staff' && me.unitCode === c.handler_unit_code;
    const mine = participants.find((p) => me.kind === 'staff' && p.unit_code === me.unitCode);
    return { c, participants, isLead, mine };
  }

  private async units(codes: string[], field: string, check: (code: string) => Promise<string | null>) {
    const out: { code: string; path: string }[] = [];
    for (const [i, code] of [...new Set(codes)].entries()) {
      const problem = await check(code);
      if (problem) throw invalidField(`${field}.${i}`, problem);
      out.push({ code, path: (await this.cases.deps.unitPath(code))! });
    }
    return out;
  }

  async assist(caller: Caller, id: string, input: { version: number; units: string[] }) {
    const { c, isLead } = await this.load(caller, id, input.version);
    if (!isLead && !holds(caller.auth, 'cases.dispatch')) throw forbidden('only the lead unit or the dispatch centre names assisting units');
    if (!OPEN.includes(c.status)) throw new DomainError('conflict', `cannot add units to a case that is ${c.status}`);
    const units = await this.units(input.units, 'body.units', async (code) =>
      code === c.handler_unit_code ? 'is already the lead unit' : (await this.cases.deps.unitPath(code)) ? null : `unknown unit ${code}`,
    );
    return this.invite(caller, c, units, 'assist', null, `协办：${units.map((u) => u.code).join(', ')}`);
  }

  async whistle(caller: Caller, id: string, input: { version: number; agencies: string[]; note: string }) {
    const { c, isLead } = await this.load(caller, id, input.version);
    if (!isLead) throw forbidden('only the lead unit blows the whistle');
    // Streets and towns have 9-digit codes; agencies end in A00–A99 (110105A03 is 9 characters too).
    if (!/^[0-9]{9}$/.test(c.handler_unit_code ?? '')) throw forbidden('吹哨 is for streets and towns');
    if (!['signed', 'contacted'].includes(c.status)) throw new DomainError('conflict', `sign for the case before summoning agencies (it is ${c.status})`);
    const units = await this.units(input.agencies, 'body.agencies', async (code) => (/A[0-9]{2}$/.test(code) && (await this.cases.deps.unitPath(code)) ? null : `${code} is not an agency`));
    const due = new Date(this.cases.clock() + this.checkinMinutes * 60_000).toISOString();
    return this.invite(caller, c, units, 'summoned', due, input.note);
  }

  private async invite(caller: Caller, c: CaseRow, units: { code: string; path: string }[], role: 'assist' | 'summoned', checkinDue: string | null, text: string) {
    const { deps } = this.cases;
    const now = nowIso(this.cases.clock);
    const category = deps.catalogue.get(c.category_code)!;
    return commitCaseChange(this.cases, caller, c, { updated_at: now }, { type: role === 'summoned' ? 'whistle' : 'assist', unit: c.handler_unit_code, text }, [
      async (trx) => {
        for (const u of units) {
          const row: ParticipantRow = { case_id: c.id, unit_code: u.code, unit_path: u.path, role, invited_at: now, checkin_due_at: checkinDue, checked_in_at: null, score: null, comment: null };
          if (!(await deps.repo.addParticipant(trx, row))) throw invalidField('body', `${u.code} is already on the case`);
          await deps.inbox.post(trx, {
            module: 'cases',
            kind: role === 'summoned' ? 'case.checkin' : 'case.assist',
            sourceId: c.id,
            title: `${role === 'summoned' ? '【吹哨报到】' : '【协办】'}${category.name['zh-CN']}（${c.number}）`,
            summary: text,
            link: caseLink(c.id),
            unitCode: u.code,
            dueAt: checkinDue ?? c.resolve_due_at,
          });
        }
      },
    ]);
  }

  async checkin(caller: Caller, id: string, input: { version: number; note?: string }) {
    const { c, mine } = await this.load(caller, id, input.version);
    if (!mine || mine.role !== 'summoned') throw forbidden('only a summoned agency checks in');
    if (mine.checked_in_at) throw new DomainError('conflict', 'already checked in');
    const { deps } = this.cases;
    const now = nowIso(this.cases.clock);
    const onTime = !!mine.checkin_due_at && now <= mine.checkin_due_at;
    return commitCaseChange(this.cases, caller, c, { updated_at: now }, { type: 'checkin', unit: mine.unit_code, text: `${onTime ? 'on time' : 'late'}${input.note ? `：${input.note}` : ''}` }, [
      (trx) => deps.repo.updateParticipant(trx, c.id, mine.unit_code, { checked_in_at: now }),
      // Checked in: the agency now stays on the case with an item that runs to the case's deadline.
      (trx) => deps.inbox.complete(trx, 'cases', c.id, 'case.checkin'),
      (trx) => deps.inbox.post(trx, { module: 'cases', kind: 'case.assist', sourceId: c.id, title: `【报到后协办】${c.number}`, link: caseLink(c.id), unitCode: mine.unit_code, dueAt: c.resolve_due_at }),
    ]);
  }

  async note(caller: Caller, id: string, input: { version: number; text: string; attachments?: string[] }) {
    const { c, isLead, mine } = await this.load(caller, id, input.version);
    if (!isLead && !mine) throw forbidden('only units working on the case add to its record');
    if (!OPEN.includes(c.status)) throw new DomainError('conflict', `the case is ${c.status}`);
    const { deps } = this.cases;
    const files = input.attachments?.length ? await deps.ownFiles(caller, input.attachments, 'body.attachments') : [];
    const now = nowIso(this.cases.clock);
    return commitCaseChange(this.cases, caller, c, { updated_at: now }, { type: 'note', unit: caller.auth!.principal.unitCode, text: input.text }, [
      (trx) => deps.repo.attach(trx, files.map((f) => ({ case_id: c.id, file_id: f.id, kind: 'evidence', content_type: f.content_type, added_by: caller.auth?.actor.id ?? null, added_at: now }))),
    ]);
  }

  async scoreAgency(caller: Caller, id: string, input: { version: number; agency: string; score: number; comment?: string }) {
    const { c, isLead, participants } = await this.load(caller, id, input.version);
    if (!isLead) throw forbidden('only the lead street scores the agencies it summoned');
    if (!['replied', 'closed'].includes(c.status)) throw new DomainError('conflict', 'score agencies after the reply');
    const p = participants.find((x) => x.unit_code === input.agency && x.role === 'summoned');
    if (!p) throw invalidField('body.agency', `${input.agency} was not summoned to this case`);
    const { deps } = this.cases;
    return commitCaseChange(this.cases, caller, c, { updated_at: nowIso(this.cases.clock) }, { type: 'score', unit: input.agency, text: `${input.score}${input.comment ? `：${input.comment}` : ''}` }, [
      (trx) => deps.repo.updateParticipant(trx, c.id, input.agency, { score: input.score, comment: input.comment ?? null }),
      // Only the scored agency is done; other participants keep their items.
      (trx) => deps.inbox.complete(trx, 'cases', c.id, 'case.assist', input.agency),
    ]);
  }
}
