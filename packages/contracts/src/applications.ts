/**
 * 办件: applications for 政务服务事项, one record whichever channel started it
 * (online in 京通, or a window clerk at a hall), processed in 京办 on the
 * working-day clock. See ADR 0015 and ADR 0017.
 */
import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, UnitCode } from './common.ts';
import { StoredFile } from './files.ts';
import { TrafficLight } from './inbox.ts';

export const ApplicationStatus = z
  .enum(['submitted', 'correction', 'processing', 'approved', 'denied', 'refused'])
  .describe('submitted 待受理 | correction 待补正 | processing 办理中 (受理后: 审查/会签/决定) | approved 准予 (办结) | denied 不予许可 (办结) | refused 不予受理 (办结)');
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const Channel = z.enum(['online', 'hall']).describe('online 网上办 | hall 窗口办');

/** A form value: text, a number, or a date as YYYY-MM-DD. */
export const FormValue = z.union([z.string().max(5000), z.number()]);

export const MaterialInput = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9_]{1,40}$/).describe('Material code of the chosen situation'),
    fileIds: z.array(z.string().min(1).max(64)).max(20).optional().describe('Uploaded files (POST /api/v1/files), type and size checked against the material'),
    certificateId: z.string().min(1).max(64).optional().describe('免提交: an e-certificate of the material’s `heldByGovernment` type from the applicant’s wallet'),
  })
  .meta({ id: 'MaterialInput' });

export const CorrectionItem = z
  .strictObject({
    target: z.enum(['material', 'field']),
    code: z.string().min(1).max(40).describe('Material code or form field key'),
    note: z.string().min(1).max(1000).describe('What to fix'),
  })
  .meta({ id: 'CorrectionItem' });

const Unit = z.object({ code: z.string(), name: z.string() });

export const ApplicationClock = z
  .object({
    acceptedAt: Instant.nullable().describe('受理: the limits run from here in working days'),
    promisedDays: z.number().int(),
    statutoryDays: z.number().int(),
    promisedDueAt: Instant.nullable().describe('End of the promised limit; null before acceptance or while paused'),
    statutoryDueAt: Instant.nullable(),
    state: z.enum(['not_started', 'running', 'paused', 'overdue', 'stopped']),
    remainingWorkingDays: z.number().int().nullable().describe('Working days of the promised limit not yet used'),
    light: TrafficLight,
    pauses: z.array(z.object({ from: Instant, to: Instant.nullable(), reason: z.string() })),
  })
  .meta({ id: 'ApplicationClock' });

export const ApplicationEvent = z.object({
  at: Instant,
  type: z.string().describe('submit | accept | refuse | correction | resubmit | review | special_start | special_end | countersign_open | countersign | decide | certificate | deliver'),
  actor: z.string().nullable().describe('Who acted (display name), null for the system'),
  unit: z.string().nullable().describe('Unit that acted, for staff'),
  channel: Channel.nullable(),
  text: z.string().nullable(),
  data: z.unknown().nullable(),
});

export const ApplicationMaterial = z.object({
  code: z.string(),
  name: z.string(),
  source: z.enum(['upload', 'certificate']),
  files: z.array(StoredFile),
  certificate: z.object({ id: z.string(), type: z.string(), title: z.string(), number: z.string() }).nullable(),
});

export const ApplicationView = z
  .object({
    id: z.string(),
    number: z.string().describe('办件编号'),
    item: z.object({ code: z.string(), version: z.number().int(), name: z.string() }),
    situation: z.object({ code: z.string(), name: z.string() }),
    channel: Channel,
    status: ApplicationStatus,
    step: z.object({ code: z.string(), name: z.string(), kind: z.string() }).nullable().describe('Current procedure step'),
    applicant: z.object({ id: z.string(), kind: z.string(), name: z.string() }),
    submittedBy: z.string().nullable().describe('Who submitted (the clerk at a hall, or the person acting for a business)'),
    unit: Unit.describe('实施机关: the implementing unit'),
    form: z.record(z.string(), FormValue),
    materials: z.array(ApplicationMaterial),
    correction: z
      .object({ requestedAt: Instant, items: z.array(CorrectionItem), resolvedAt: Instant.nullable() })
      .nullable()
      .describe('一次性告知补正: every item to fix, asked once'),
    countersigns: z.array(z.object({ unit: Unit, signedAt: Instant.nullable(), agree: z.boolean().nullable(), opinion: z.string().nullable() })),
    specialStep: z.object({ index: z.number().int(), name: z.string(), countsInLimit: z.boolean(), startedAt: Instant }).nullable(),
    clock: ApplicationClock,
    decision: z.object({ approve: z.boolean(), reason: z.string(), at: Instant }).nullable(),
    certificateId: z.string().nullable(),
    events: z.array(ApplicationEvent),
    version: z.number().int().describe('Send back as `version` on every action: a stale version gets 409'),
    submittedAt: Instant,
    completedAt: Instant.nullable(),
  })
  .meta({ id: 'Application' });

export const ApplicationSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    item: z.object({ code: z.string(), version: z.number().int(), name: z.string() }),
    situation: z.string(),
    channel: Channel,
    status: ApplicationStatus,
    step: z.string().nullable(),
    applicantName: z.string(),
    unit: Unit,
    promisedDueAt: Instant.nullable(),
    remainingWorkingDays: z.number().int().nullable(),
    light: TrafficLight,
    paused: z.boolean(),
    version: z.number().int(),
    submittedAt: Instant,
    completedAt: Instant.nullable(),
  })
  .meta({ id: 'ApplicationSummary' });

const IdParams = z.object({ id: z.string().min(1).max(64) });
const Versioned = { version: z.number().int().min(0).describe('The application version you acted on') };

const action = <B extends z.ZodObject>(name: string, path: string, summary: string, body: B) =>
  defineRoute({
    id: `applications.${name}`,
    method: 'POST',
    path: `/api/v1/applications/:id/${path}`,
    summary,
    tag: 'applications',
    access: 'session',
    params: IdParams,
    body,
    response: ApplicationView,
  });

export const applicationRoutes = {
  submit: defineRoute({
    id: 'applications.submit',
    method: 'POST',
    path: '/api/v1/applications',
    summary: '申报: apply for the published version of a service item (online), or start one for a visitor at a hall window',
    description:
      'Send an `Idempotency-Key` header: a repeated key returns the first application. Form values are checked against the item’s formFields, materials against the situation’s list (uploads by type and size, or wallet certificates by reference). A clerk with halls.operate names the visitor in `onBehalfOf`.',
    tag: 'applications',
    access: 'session',
    body: z.strictObject({
      itemCode: z.string().min(3).max(64),
      itemVersion: z.number().int().min(1).optional().describe('The version the form was made from; a retired one is refused (409)'),
      situation: z.string().regex(/^[a-z0-9_]{1,40}$/).describe('办理情形 code'),
      districtCode: UnitCode.optional().describe('District whose unit should handle it (items implemented at district level); default 朝阳区 for the demo city'),
      streetCode: UnitCode.optional().describe('Street (items implemented at street level)'),
      form: z.record(z.string(), FormValue).default({}),
      materials: z.array(MaterialInput).max(40).default([]),
      onBehalfOf: z
        .union([z.strictObject({ idNumber: z.string().min(15).max(18) }), z.strictObject({ creditCode: z.string().length(18) })])
        .optional()
        .describe('Hall window: the visitor, by ID number or unified social credit code'),
    }),
    response: ApplicationView,
    status: 201,
  }),
  prefill: defineRoute({
    id: 'applications.prefill',
    method: 'GET',
    path: '/api/v1/applications/prefill',
    summary: 'Values to pre-fill an item’s form from the applicant’s account, and wallet certificates usable as held materials',
    tag: 'applications',
    access: 'session',
    query: z.strictObject({
      itemCode: z.string().min(3).max(64),
      idNumber: z.string().min(15).max(18).optional().describe('Hall window: the visitor'),
      creditCode: z.string().length(18).optional().describe('Hall window: the visiting business'),
    }),
    response: z.object({
      applicant: z.object({ id: z.string(), kind: z.string(), name: z.string() }),
      values: z.record(z.string(), z.string()),
      held: z.record(z.string(), z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), number: z.string(), validUntil: Instant.nullable() }))).describe('Material code → usable certificates'),
    }),
  }),
  list: defineRoute({
    id: 'applications.list',
    method: 'GET',
    path: '/api/v1/applications',
    summary: '我的办件 (applicants), or the applications of units in scope (staff), optionally only overdue ones or one visitor’s',
    tag: 'applications',
    access: 'session',
    query: z.strictObject({
      box: z.enum(['mine', 'unit']).default('mine'),
      status: z.enum(['open', 'done', 'all']).default('all'),
      overdue: z.enum(['true', 'false']).optional().describe('Only applications past their promised limit'),
      applicant: z.string().min(15).max(18).optional().describe('Hall window: a visitor’s ID number or credit code'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(ApplicationSummary) }),
  }),
  overdue: defineRoute({
    id: 'applications.overdue',
    method: 'GET',
    path: '/api/v1/applications/overdue',
    summary: 'Overdue applications counted per implementing unit within a subtree',
    tag: 'applications',
    access: { permission: 'applications.read' },
    query: z.strictObject({ within: UnitCode.optional().describe('Subtree root (default: where your applications.read applies)') }),
    response: z.object({
      units: z.array(z.object({ unit: Unit, open: z.number().int(), overdue: z.number().int(), paused: z.number().int() })),
      items: z.array(ApplicationSummary),
    }),
  }),
  get: defineRoute({ id: 'applications.get', method: 'GET', path: '/api/v1/applications/:id', summary: 'One application with its timeline', tag: 'applications', access: 'session', params: IdParams, response: ApplicationView }),
  accept: action('accept', 'accept', '受理: the implementing unit accepts; the limits start', z.strictObject({ ...Versioned, opinion: z.string().max(2000).optional() })),
  refuse: action('refuse', 'refuse', '不予受理: refuse with a reason', z.strictObject({ ...Versioned, reason: z.string().min(1).max(2000) })),
  requestCorrection: action(
    'requestCorrection',
    'correction',
    '一次性告知补正: ask once for every correction; the clock pauses until the applicant resubmits',
    z.strictObject({ ...Versioned, items: z.array(CorrectionItem).min(1).max(60) }),
  ),
  resubmit: action(
    'resubmit',
    'resubmit',
    '补正提交: the applicant (or a window clerk) sends the corrected fields and materials',
    z.strictObject({ ...Versioned, form: z.record(z.string(), FormValue).default({}), materials: z.array(MaterialInput).max(40).default([]) }),
  ),
  review: action('review', 'review', '审查: complete the current review step with an opinion', z.strictObject({ ...Versioned, opinion: z.string().min(1).max(2000) })),
  special: action(
    'special',
    'special',
    '特殊环节: start or end a special step (e.g. 现场核查); one outside the limit pauses the clock',
    z.strictObject({ ...Versioned, action: z.enum(['start', 'end']), index: z.number().int().min(0).default(0).describe('Index in the item’s specialSteps'), note: z.string().max(2000).optional() }),
  ),
  countersign: action(
    'countersign',
    'countersign',
    '会签: a named unit signs its opinion; the step completes when every unit has signed',
    z.strictObject({ ...Versioned, agree: z.boolean(), opinion: z.string().min(1).max(2000) }),
  ),
  decide: action('decide', 'decide', '决定: approve (the e-certificate is issued) or deny with a reason', z.strictObject({ ...Versioned, approve: z.boolean(), reason: z.string().min(1).max(2000) })),
} as const;
