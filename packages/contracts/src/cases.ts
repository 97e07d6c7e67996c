import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, Latitude, Longitude, UnitCode } from './common.ts';

export const CaseType = z.enum(['consult', 'help', 'complaint', 'report', 'suggestion']).describe('咨询 consult | 求助 help | 投诉 complaint | 举报 report | 建议 suggestion');
export const CaseChannel = z.enum(['tong', 'hotline', 'open311']);
export const CaseStatus = z
  .enum(['dispatched', 'signed', 'contacted', 'replied', 'closed', 'returned', 'answered', 'merged'])
  .describe('dispatched 已派单 → signed 已签收 → contacted 已联系 → replied 已答复 → closed 已办结 (rated); returned 已退单 (back at the dispatch centre); answered 直接答复 (a consultation closed on the spot); merged 已合并 (handled as part of another case)');
export type CaseStatus = z.infer<typeof CaseStatus>;
export const Satisfaction = z.enum(['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied']).describe('非常满意 | 满意 | 基本满意 | 不满意 | 非常不满意');
export type Satisfaction = z.infer<typeof Satisfaction>;

const Named = z.object({ 'zh-CN': z.string(), en: z.string() });
export const Limit = z.union([z.object({ hours: z.number().positive() }), z.object({ calendarDays: z.number().int().positive() }), z.object({ workingDays: z.number().int().positive() })]);

export const CaseCategory = z
  .object({
    code: z.string(),
    name: Named,
    parent: z.string().nullable(),
    handler: z.string().nullable().describe('`street` (where it happened) or `agency:<type>` (the district’s agency of that type)'),
    urgency: z.enum(['emergency', 'urgent', 'general', 'complex']).nullable(),
    limits: z.object({ sign: Limit, contact: Limit, resolve: Limit }).nullable(),
  })
  .meta({ id: 'CaseCategory' });

export const CaseEvent = z.object({
  at: Instant,
  type: z.string(),
  actorId: z.string().nullable(),
  unitCode: z.string().nullable(),
  text: z.string().nullable(),
});

const Ref = z.object({ code: z.string(), name: z.string() });

export const CaseView = z
  .object({
    id: z.string(),
    number: z.string().describe('Tracking number, e.g. 12345-20261128-000042'),
    type: CaseType,
    channel: CaseChannel,
    category: z.object({ code: z.string(), name: Named }),
    description: z.string(),
    location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
    address: z.string().nullable(),
    district: Ref.nullable(),
    street: Ref.nullable(),
    status: CaseStatus,
    handler: Ref.nullable().describe('The unit handling it now'),
    anonymous: z.boolean().describe('The reporter asked to stay anonymous to the handling unit'),
    reporter: z.object({ name: z.string().nullable(), phoneMasked: z.string().nullable() }).nullable().describe('Hidden from the handling unit when anonymous'),
    signDueAt: Instant.nullable(),
    contactDueAt: Instant.nullable(),
    resolveDueAt: Instant.nullable(),
    contactedAt: Instant.nullable(),
    repliedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    duplicateOf: z.string().nullable().describe('A case this one may duplicate (same category nearby, recently)'),
    mergedInto: z.object({ id: z.string(), number: z.string() }).nullable().describe('The case this one was merged into'),
    related: z.array(z.object({ id: z.string(), number: z.string(), relation: z.enum(['merged_from', 'split_from', 'split_into']) })).describe('Cases merged into this one, or split from / into it'),
    attachments: z.array(z.object({ fileId: z.string(), kind: z.enum(['photo', 'evidence']), contentType: z.string(), url: z.string() })).describe('Photos from the reporter and evidence from the units'),
    rating: z.object({ contacted: z.boolean(), resolved: z.boolean(), satisfaction: Satisfaction }).nullable(),
    extension: z.object({ requestedDueAt: Instant, reason: z.string() }).nullable().describe('A pending request for more time (延期)'),
    participants: z
      .array(
        z.object({
          unit: Ref,
          role: z.enum(['assist', 'summoned']).describe('assist 协办 | summoned 吹哨报到'),
          invitedAt: Instant,
          checkinDueAt: Instant.nullable(),
          checkedInAt: Instant.nullable(),
          score: z.number().int().nullable(),
        }),
      )
      .describe('Units working on the case beside the lead (handler)'),
    version: z.number().int(),
    createdAt: Instant,
    events: z.array(CaseEvent),
  })
  .meta({ id: 'Case' });

const IdParams = z.object({ id: z.string().min(1).max(64).describe('The case id, or its tracking number') });
const Version = z.number().int().min(0).describe('The case version you acted on; a stale one gets 409');

const caseAction = <B extends z.ZodObject>(name: string, path: string, summary: string, body: B) =>
  defineRoute({ id: `cases.${name}`, method: 'POST', path: `/api/v1/cases/:id/${path}`, summary, tag: 'cases', access: 'session', params: IdParams, body, response: CaseView });

export const caseRoutes = {
  categories: defineRoute({
    id: 'cases.categories',
    method: 'GET',
    path: '/api/v1/cases/categories',
    summary: '派单目录: the dispatch catalogue (categories, who handles each, urgency and limits)',
    tag: 'cases',
    access: 'public',
    response: z.object({ items: z.array(CaseCategory) }),
  }),
  submit: defineRoute({
    id: 'cases.submit',
    method: 'POST',
    path: '/api/v1/cases',
    summary: '接诉: submit a request (residents and businesses in Tong; operators for callers on the hotline)',
    description: 'Send an `Idempotency-Key` header to make retries safe: a repeated key returns the first case.',
    tag: 'cases',
    access: 'session',
    body: z.strictObject({
      type: CaseType,
      categoryCode: z.string().min(1).max(64).describe('A leaf of the dispatch catalogue'),
      description: z.string().min(5, 'must say what happened (at least 5 characters)').max(4000),
      location: z.strictObject({ lng: Longitude, lat: Latitude }).optional().describe('Where it happened (WGS84)'),
      streetCode: UnitCode.optional().describe('The street, when no location is given or no street boundary is loaded'),
      address: z.string().max(200).optional(),
      anonymous: z.boolean().default(false).describe('Hide the reporter from the handling unit'),
      photos: z.array(z.string().min(1).max(64)).max(9).default([]).describe('Ids of uploaded photos (POST /api/v1/files), at most 9'),
      caller: z
        .strictObject({ name: z.string().min(1).max(50), phone: z.string().regex(/^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/, 'must be a mobile or landline number') })
        .optional()
        .describe('Hotline: who called (operators only)'),
    }),
    response: CaseView,
    status: 201,
  }),
  get: defineRoute({ id: 'cases.get', method: 'GET', path: '/api/v1/cases/:id', summary: 'One case with its timeline', tag: 'cases', access: 'session', params: IdParams, response: CaseView }),
  list: defineRoute({
    id: 'cases.list',
    method: 'GET',
    path: '/api/v1/cases',
    summary: 'My cases (as reporter), my unit’s cases (staff) or another unit’s (cases.read), or a caller’s earlier cases (operators)',
    tag: 'cases',
    access: 'session',
    query: z.strictObject({
      scope: z.enum(['mine', 'unit']).default('mine'),
      unit: UnitCode.optional().describe('With scope=unit: the cases handled by this unit (default: your own). Another unit needs cases.read covering it; one outside your scope answers 404'),
      status: CaseStatus.optional(),
      callerPhone: z.string().max(20).optional().describe('Operators: the caller’s earlier cases'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(CaseView.omit({ events: true })) }),
  }),
  sign: caseAction('sign', 'sign', '签收: the handling unit signs for the case', z.strictObject({ version: Version })),
  return: caseAction('return', 'return', '退单: the handling unit returns a case that is not its duty, with a reason', z.strictObject({ version: Version, reason: z.string().min(2).max(2000) })),
  dispatch: caseAction(
    'dispatch',
    'dispatch',
    '派单: the dispatch centre sends a returned case to a unit',
    z.strictObject({ version: Version, unitCode: UnitCode, comment: z.string().max(2000).optional() }),
  ),
  contact: caseAction('contact', 'contact', '联系诉求人: log the contact with the requester (the response)', z.strictObject({ version: Version, method: z.enum(['phone', 'visit', 'message']), note: z.string().min(1).max(2000) })),
  reply: caseAction('reply', 'reply', '答复: reply with the outcome', z.strictObject({ version: Version, text: z.string().min(2).max(4000), resolved: z.boolean().describe('Whether the unit considers it solved') })),
  answer: caseAction(
    'answer',
    'answer',
    '直接答复: an operator answers a consultation on the spot and closes it',
    z.strictObject({ version: Version, text: z.string().min(2).max(4000), knowledgeId: z.string().max(64).optional().describe('The knowledge-base entry used') }),
  ),
  rate: caseAction(
    'rate',
    'rate',
    '回访评价: the requester (or the 12345 callback) answers: contacted? resolved? satisfied?',
    z.strictObject({ version: Version, contacted: z.boolean(), resolved: z.boolean(), satisfaction: Satisfaction, comment: z.string().max(2000).optional() }),
  ),
  requestExtension: caseAction(
    'requestExtension',
    'extension',
    '申请延期: the handling unit asks the dispatch centre for a later deadline',
    z.strictObject({ version: Version, reason: z.string().min(2).max(2000), newResolveDueAt: z.iso.datetime({ offset: true }) }),
  ),
  decideExtension: caseAction('decideExtension', 'extension/decision', 'The dispatch centre approves or rejects an extension', z.strictObject({ version: Version, approve: z.boolean(), comment: z.string().max(2000).optional() })),
  assist: caseAction(
    'assist',
    'assist',
    '协办: name assisting units beside the lead unit (dispatch centre or the lead unit)',
    z.strictObject({ version: Version, units: z.array(UnitCode).min(1).max(20) }),
  ),
  whistle: caseAction(
    'whistle',
    'whistle',
    '吹哨: a street summons agencies to the case; each must check in within the limit and stays until it is done',
    z.strictObject({ version: Version, agencies: z.array(UnitCode).min(1).max(20), note: z.string().min(1).max(2000) }),
  ),
  checkin: caseAction('checkin', 'checkin', '报到: a summoned agency checks in', z.strictObject({ version: Version, note: z.string().max(2000).optional() })),
  note: caseAction(
    'note',
    'note',
    '办理记录: the lead or a participating unit records a visit, a finding or evidence',
    z.strictObject({ version: Version, text: z.string().min(1).max(4000), attachments: z.array(z.string().min(1).max(64)).max(9).default([]).describe('Ids of uploaded evidence files') }),
  ),
  scoreAgency: caseAction(
    'scoreAgency',
    'whistle/score',
    '评价: after the reply, the street scores a summoned agency 1–5',
    z.strictObject({ version: Version, agency: UnitCode, score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }),
  ),
  merge: caseAction('merge', 'merge', '合并: the dispatch centre merges this (duplicate) case into another; both keep their history', z.strictObject({ version: Version, into: z.string().min(1).max(64).describe('Id or tracking number of the case to merge into') })),
  split: caseAction(
    'split',
    'split',
    '拆分: the dispatch centre splits a case raising several problems; each new part is dispatched on its own',
    z.strictObject({
      version: Version,
      parts: z
        .array(z.strictObject({ categoryCode: z.string().min(1).max(64), description: z.string().min(5).max(4000), streetCode: UnitCode.optional() }))
        .min(1)
        .max(10),
    }),
  ),
  rates: defineRoute({
    id: 'cases.rates',
    method: 'GET',
    path: '/api/v1/cases/rates',
    summary: '三率: monthly league table of response, resolution and satisfaction rates',
    tag: 'cases',
    access: 'public',
    query: z.strictObject({
      month: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM').describe('Month, city time'),
      level: z.enum(['district', 'street', 'agency']).default('district'),
      within: UnitCode.optional().describe('Only units within this subtree (drill-down)'),
    }),
    response: z.object({
      month: z.string(),
      weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
      items: z.array(
        z.object({
          rank: z.number().int(),
          unit: Ref,
          cases: z.number().int(),
          responseRate: z.number().nullable(),
          resolutionRate: z.number().nullable(),
          satisfactionRate: z.number().nullable(),
          score: z.number().nullable(),
        }),
      ),
    }),
  }),
} as const;
