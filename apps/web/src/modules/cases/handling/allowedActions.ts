import type { CaseStatus, CaseView } from '../api.ts';

/** The things staff do to a case in 京办, each a button on the case page. */
export type HandlingAction =
  | 'sign'
  | 'return'
  | 'contact'
  | 'reply'
  | 'extension'
  | 'whistle'
  | 'checkin'
  | 'note'
  | 'score'
  | 'dispatch'
  | 'decideExtension'
  | 'assist'
  | 'answer'
  | 'merge'
  | 'split';

/** Who is looking: their unit and permissions (from `GET /api/v1/auth/me`). */
export interface Viewer {
  unitCode: string | null;
  permissions: readonly string[];
}

const OPEN: readonly CaseStatus[] = ['dispatched', 'signed', 'contacted'];
const IN_HAND: readonly CaseStatus[] = ['signed', 'contacted'];
// 合并/拆分 apply to cases not yet answered, including those back at the dispatch centre.
const MERGEABLE: readonly CaseStatus[] = [...OPEN, 'returned'];

/**
 * The actions the viewer may take on the case as it is now. This mirrors the
 * server's rules so the page offers only what will work; the server still
 * decides (and answers 403/409 if the page is out of date).
 *
 * @example
 * allowedActions(dispatchedCase, { unitCode: dispatchedCase.handler.code, permissions: [] }) // ['sign', 'return', 'note', 'assist']
 */
export function allowedActions(c: CaseView, viewer: Viewer): HandlingAction[] {
  const lead = viewer.unitCode !== null && viewer.unitCode === c.handler?.code;
  const mine = c.participants.find((p) => p.unit.code === viewer.unitCode);
  const dispatcher = viewer.permissions.includes('cases.dispatch');
  const operator = viewer.permissions.includes('cases.intake');
  // Streets and towns have 9-digit codes; agencies' codes (`110105A03`) are 9 characters too.
  const street = /^[0-9]{9}$/.test(c.handler?.code ?? '');
  const s = c.status;
  const out: HandlingAction[] = [];
  const add = (action: HandlingAction, when: boolean) => {
    if (when) out.push(action);
  };
  add('sign', lead && s === 'dispatched');
  add('contact', lead && s === 'signed');
  add('reply', lead && s === 'contacted');
  add('checkin', mine?.role === 'summoned' && mine.checkedInAt === null && OPEN.includes(s));
  add('whistle', lead && street && IN_HAND.includes(s));
  add('note', (lead || !!mine) && OPEN.includes(s));
  add('extension', lead && IN_HAND.includes(s) && c.extension === null);
  add('score', lead && (s === 'replied' || s === 'closed') && c.participants.some((p) => p.role === 'summoned' && p.score === null));
  add('return', lead && (s === 'dispatched' || s === 'signed'));
  add('dispatch', dispatcher && s === 'returned');
  add('decideExtension', dispatcher && c.extension !== null && IN_HAND.includes(s));
  add('assist', (lead || dispatcher) && OPEN.includes(s));
  add('answer', operator && s === 'dispatched' && c.type === 'consult');
  add('merge', dispatcher && MERGEABLE.includes(s));
  add('split', dispatcher && MERGEABLE.includes(s));
  return out;
}
