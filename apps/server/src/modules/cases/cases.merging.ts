import { nowIso } from '@jing/db';
import { holds, type Caller } from '../../platform/auth/context.ts';
import { conflict, DomainError, forbidden, invalidField } from '../../platform/errors.ts';
import type { CaseService } from './cases.service.ts';
import { commitCaseChange } from './cases.handling.ts';
import type { CaseRow } from './cases.repository.ts';

const OPEN = ['dispatched', 'signed', 'contacted', 'returned'];

/**
 * 合并 and 拆分 at the dispatch centre. A merged case closes as `merged` and
 * points to the case that carries on; a split case spawns new cases for its
 * other problems. Links are rows, so every case keeps its whole history.
 */
export class CaseMerging {
  constructor(private readonly cases: CaseService) {}

  async merge(caller: Caller, id: string, input: { version: number; into: string }) {
    if (!holds(caller.auth, 'cases.dispatch')) throw forbidden('only the dispatch centre merges cases');
    const { deps } = this.cases;
    const b = await this.cases.load(caller, id);
    if (b.version !== input.version) throw conflict('the case changed since you loaded it', { current: b.version });
    const a = await this.cases.load(caller, input.into).catch(() => null);
    if (!a) throw invalidField('body.into', `no case ${input.into}`);
    if (a.id === b.id) throw invalidField('body.into', 'a case cannot be merged into itself');
    if (!OPEN.includes(b.status)) throw new DomainError('conflict', `cannot merge a case that is ${b.status}`);
    if (!OPEN.includes(a.status) && a.status !== 'replied') throw invalidField('body.into', `the target case is ${a.status}`);
    const now = nowIso(this.cases.clock);
    return commitCaseChange(this.cases, caller, b, { status: 'merged', closed_at: now, updated_at: now }, { type: 'merge', unit: a.handler_unit_code, text: `并入 ${a.number}` }, [
      (trx) => deps.repo.link(trx, b.id, a.id, 'merge', now),
      (trx) => this.cases.event(trx, caller, a.id, 'merged', b.handler_unit_code, `${b.number} 并入本件`),
      (trx) => deps.inbox.complete(trx, 'cases', b.id),
      // The merged case no longer counts for its unit; the surviving case does.
      ...(b.status !== 'returned' && b.handler_unit_code ? [(trx: Parameters<typeof deps.inbox.complete>[0]) => deps.repo.bump(trx, b.month, b.handler_unit_code!, b.handler_unit_path!, { cases: -1 })] : []),
    ]);
  }

  async split(caller: Caller, id: string, input: { version: number; parts: { categoryCode: string; description: string; streetCode?: string }[] }) {
    if (!holds(caller.auth, 'cases.dispatch')) throw forbidden('only the dispatch centre splits cases');
    const { deps } = this.cases;
    const x = await this.cases.load(caller, id);
    if (x.version !== input.version) throw conflict('the case changed since you loaded it', { current: x.version });
    if (!OPEN.includes(x.status)) throw new DomainError('conflict', `cannot split a case that is ${x.status}`);
    // Check every part before creating any, so a bad part leaves nothing half-done.
    for (const [i, p] of input.parts.entries()) {
      const category = deps.catalogue.leaf(p.categoryCode);
      if (!category) throw invalidField(`body.parts.${i}.categoryCode`, `unknown category ${p.categoryCode}`);
      await this.cases.handlerFor(category, x.district_code, p.streetCode ?? x.street_code, `body.parts.${i}.streetCode`);
    }
    const phone = x.reporter_phone_enc ? deps.crypto.decrypt(x.reporter_phone_enc) : null;
    const created: CaseRow[] = [];
    for (const p of input.parts) {
      created.push(
        await this.cases.intake(
          caller,
          {
            type: x.type,
            categoryCode: p.categoryCode,
            description: p.description,
            location: x.lng !== null && x.lat !== null ? { lng: x.lng, lat: x.lat } : undefined,
            streetCode: p.streetCode ?? x.street_code ?? undefined,
            address: x.address ?? undefined,
            anonymous: x.anonymous === 1,
          },
          { channel: x.channel as 'tong', reporterId: x.reporter_id, name: x.reporter_name, phone, keyOwner: `split:${x.id}` },
        ),
      );
    }
    const now = nowIso(this.cases.clock);
    return commitCaseChange(this.cases, caller, x, { updated_at: now }, { type: 'split', unit: x.handler_unit_code, text: `拆分出 ${created.map((c) => c.number).join('、')}` }, [
      async (trx) => {
        for (const c of created) {
          await deps.repo.link(trx, x.id, c.id, 'split', now);
          await this.cases.event(trx, caller, c.id, 'split_from', c.handler_unit_code, `由 ${x.number} 拆分`);
        }
      },
    ]);
  }
}
