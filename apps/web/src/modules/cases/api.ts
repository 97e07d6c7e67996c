import type { BodyOf, caseRoutes, CaseStatus, knowledgeRoutes, QueryOf, ResponseOf, Satisfaction } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type Routes = typeof caseRoutes;
export type { CaseStatus, Satisfaction };
/** One case with its timeline, as `GET /api/v1/cases/{id}` answers. */
export type CaseView = ResponseOf<Routes['get']>;
/** A case in a list (no timeline). */
export type CaseSummary = ResponseOf<Routes['list']>['items'][number];
export type CaseCategory = ResponseOf<Routes['categories']>['items'][number];
export type CaseType = CaseView['type'];
export type CaseEvent = CaseView['events'][number];
export type Participant = CaseView['participants'][number];
export type SubmitCaseInput = BodyOf<Routes['submit']>;
export type CaseListQuery = Partial<QueryOf<Routes['list']>>;
export type RatesTable = ResponseOf<Routes['rates']>;
export type RatesRow = RatesTable['items'][number];
export type RatesLevel = QueryOf<Routes['rates']>['level'];
/** An answer of the 12345 knowledge base (知识库). */
export type KnowledgeEntry = ResponseOf<typeof knowledgeRoutes.search>['items'][number];

/** The five request types, in the order a resident reads them. */
export const CASE_TYPES: readonly CaseType[] = ['consult', 'help', 'complaint', 'report', 'suggestion'];

/** What a report's photos may be: the images `POST /api/v1/files` takes (checked there by their first bytes). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** What a unit's evidence may be: photos or PDF documents. */
export const EVIDENCE_TYPES = [...PHOTO_TYPES, 'application/pdf'] as const;

// The catalogue changes with a deployment, not while a page is open: fetch it once.
let categories: Promise<CaseCategory[]> | null = null;

/** 派单目录: groups (no handler) and their leaves, fetched once per page load. */
export function listCategories(): Promise<CaseCategory[]> {
  categories ??= api.get<ResponseOf<Routes['categories']>>('/api/v1/cases/categories').then(
    (res) => res.items,
    (err: unknown) => {
      categories = null;
      throw err;
    },
  );
  return categories;
}

/**
 * 接诉: submits a request. The idempotency key is made once per form fill, so
 * a double click or a retry after a lost answer returns the first case instead of a second one.
 */
export function submitCase(input: SubmitCaseInput, idempotencyKey: string): Promise<CaseView> {
  return api.post<CaseView>('/api/v1/cases', input, { headers: { 'Idempotency-Key': idempotencyKey } });
}

/** My cases (resident), my unit's cases (`scope: 'unit'`), or a caller's earlier cases (operators, `callerPhone`). */
export async function listCases(query: CaseListQuery, signal?: AbortSignal): Promise<CaseSummary[]> {
  const res = await api.get<ResponseOf<Routes['list']>>('/api/v1/cases', { query, signal });
  return res.items;
}

/** One case with its timeline; `not_found` also when the caller may not see it. */
export function getCase(id: string, signal?: AbortSignal): Promise<CaseView> {
  return api.get<CaseView>(`/api/v1/cases/${seg(id)}`, { signal });
}

/** The body of each case action, by its path under `/api/v1/cases/{id}/`. Every body carries the case `version`. */
export interface CaseActionBodies {
  sign: BodyOf<Routes['sign']>;
  return: BodyOf<Routes['return']>;
  dispatch: BodyOf<Routes['dispatch']>;
  contact: BodyOf<Routes['contact']>;
  reply: BodyOf<Routes['reply']>;
  answer: BodyOf<Routes['answer']>;
  rate: BodyOf<Routes['rate']>;
  extension: BodyOf<Routes['requestExtension']>;
  'extension/decision': BodyOf<Routes['decideExtension']>;
  assist: BodyOf<Routes['assist']>;
  whistle: BodyOf<Routes['whistle']>;
  checkin: BodyOf<Routes['checkin']>;
  note: BodyOf<Routes['note']>;
  'whistle/score': BodyOf<Routes['scoreAgency']>;
  merge: BodyOf<Routes['merge']>;
  split: BodyOf<Routes['split']>;
}
export type CaseActionPath = keyof CaseActionBodies;

/** Takes one action on a case; answers the case as it is afterwards. A stale `version` fails with `conflict` (409). */
export function actOnCase<P extends CaseActionPath>(id: string, path: P, body: CaseActionBodies[P]): Promise<CaseView> {
  return api.post<CaseView>(`/api/v1/cases/${seg(id)}/${path}`, body);
}

/** 知识库: the answers best matching the words of a question (`GET /api/v1/knowledge?q=`). */
export async function searchKnowledge(q: string, limit: number, signal?: AbortSignal): Promise<KnowledgeEntry[]> {
  return (await api.get<ResponseOf<typeof knowledgeRoutes.search>>('/api/v1/knowledge', { query: { q, limit }, signal })).items;
}

/** 三率 league table of a month (`YYYY-MM`, city time) at one level, optionally within a subtree. */
export function getRates(month: string, level: RatesLevel, within: string | undefined, signal?: AbortSignal): Promise<RatesTable> {
  return api.get<RatesTable>('/api/v1/cases/rates', { query: { month, level, within }, signal });
}
