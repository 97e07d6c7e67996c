import { nowIso } from '@jing/db';
import { covers, holds, scopePaths, type Caller } from '../../platform/auth/context.ts';
import { forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { DONE, type ApplicationRow } from './applications.repository.ts';
import { stepsOf, type ApplicationService } from './applications.service.ts';

/** 我的办件, a unit's applications with their clocks and traffic lights, and the overdue count per unit. */
export class ApplicationLists {
  constructor(private readonly s: ApplicationService) {}

  private get deps() {
    return this.s.deps;
  }

  private async summaries(rows: ApplicationRow[]) {
    const pauses = await this.deps.repo.pausesOf(rows.map((r) => r.id));
    const now = nowIso(this.s.clock);
    const out = [];
    for (const a of rows) {
      const def = await this.s.definition(a.item_code, a.item_version);
      const clock = this.s.clockOf(a, def, pauses.filter((p) => p.application_id === a.id), now);
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
    const overdueAt = q.overdue === 'true' ? nowIso(this.s.clock) : undefined;
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
    const now = nowIso(this.s.clock);
    const rows = await this.deps.repo.perUnit(root, now);
    const units = await Promise.all(rows.map(async (r) => ({ unit: { code: r.unit_code, name: await this.deps.org.unitName(r.unit_code) }, open: Number(r.open), overdue: Number(r.overdue), paused: Number(r.paused) })));
    const items = await this.summaries(await this.deps.repo.list({ paths: [root], status: 'open', overdueAt: now, limit: 200 }));
    return { units, items };
  }

}
