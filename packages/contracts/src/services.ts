/**
 * 政务服务事项: the standard service catalogue of 京通. One item carries the six
 * basic elements unified across levels (name, code, type, competent department,
 * implementing body, legal basis) and the implementation elements (conditions,
 * situations with their materials, procedure, limits, fees, visits, result, FAQ).
 * Items are versioned (draft → published → retired, see ADR 0015); an
 * application keeps the version it started on.
 */
import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant } from './common.ts';

/** Bilingual text: zh-CN is required, English optional (the UI falls back to zh-CN). */
export const Text = z.object({ zh: z.string().min(1).max(2000), en: z.string().max(2000).optional() }).meta({ id: 'Text' });

export const ItemType = z
  .enum(['licence', 'confirmation', 'payment', 'adjudication', 'reward', 'filing', 'other_power', 'public_service'])
  .describe('行政许可 licence | 行政确认 confirmation | 行政给付 payment | 行政裁决 adjudication | 行政奖励 reward | 行政备案 filing | 其他行政权力 other_power | 公共服务 public_service');

export const Audience = z.enum(['person', 'business']).describe('服务对象: person 自然人 | business 法人');

/** Agency types of the org tree (apps/server/data/agencies.json), or `street` for the 街道/乡镇 office itself. */
export const UnitType = z.string().regex(/^[a-z_]{2,40}$/).describe('Agency type such as public_security, market_regulation; `street` for the sub-district office');

export const ImplementingLevel = z.enum(['municipal', 'district', 'street']).describe('Level whose unit implements the item (实施机关层级)');

export const Material = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,40}$/),
    name: Text,
    form: z.enum(['original', 'copy', 'original_and_copy', 'electronic']).describe('原件 | 复印件 | 原件和复印件 | 电子件'),
    count: z.number().int().min(1).max(20),
    formats: z.array(z.enum(['pdf', 'jpg', 'png'])).min(1).describe('Accepted upload types'),
    maxBytes: z.number().int().min(1024).max(50 * 1024 * 1024).default(10 * 1024 * 1024),
    required: z.boolean(),
    heldByGovernment: z
      .string()
      .regex(/^[a-z_]{2,40}$/)
      .nullable()
      .default(null)
      .describe('免提交: a certificate type the government already holds; when the applicant has one, it is attached by reference instead of uploaded'),
    note: Text.optional(),
  })
  .meta({ id: 'Material' });

/** A guide question (a few questions pick the 办理情形). */
export const GuideQuestion = z
  .object({
    id: z.string().regex(/^[a-z0-9_]{1,40}$/),
    text: Text,
    options: z.array(z.object({ value: z.string().regex(/^[a-z0-9_]{1,40}$/), label: Text })).min(2).max(10),
  })
  .meta({ id: 'GuideQuestion' });

/** 办理情形: a situation with its own materials; `when` lists the answers that select it. */
export const Situation = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,40}$/),
    name: Text,
    when: z.record(z.string(), z.string()).describe('question id → option value; a situation matches when every listed answer matches'),
    materials: z.array(Material).max(40),
    extraSteps: z.array(z.string()).default([]).describe('Codes of procedure steps that apply only in this situation'),
  })
  .meta({ id: 'Situation' });

export const FormField = z
  .object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
    label: Text,
    type: z.enum(['text', 'textarea', 'number', 'date', 'select', 'phone', 'id_number', 'credit_code']),
    required: z.boolean(),
    options: z.array(z.object({ value: z.string(), label: Text })).optional(),
    maxLength: z.number().int().min(1).max(5000).optional(),
    prefill: z.enum(['name', 'phone', 'id_number', 'business_name', 'credit_code']).optional().describe('Filled from the applicant\'s account'),
  })
  .meta({ id: 'FormField' });

export const ProcedureStep = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,40}$/),
    name: Text,
    kind: z.enum(['accept', 'review', 'countersign', 'decide', 'deliver']).describe('受理 | 审查 | 会签 | 决定 | 送达'),
    countersignUnits: z.array(UnitType).default([]).describe('For countersign: the agency types that must each sign'),
    optional: z.boolean().default(false).describe('Only when a situation lists it in extraSteps'),
  })
  .meta({ id: 'ProcedureStep' });

/** 特殊环节: e.g. 听证, 专家评审, 现场勘验 — excluded from the limit when `countsInLimit` is false. */
export const SpecialStep = z
  .object({
    name: Text,
    maxDays: z.number().int().min(1).max(365),
    countsInLimit: z.boolean(),
    legalBasis: z.string().max(500).optional(),
  })
  .meta({ id: 'SpecialStep' });

export const ServiceItemDefinition = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9-]{3,64}$/).describe('事项编码'),
    name: Text.describe('事项名称'),
    itemType: ItemType,
    audience: z.array(Audience).min(1),
    department: z.object({ type: UnitType, name: Text }).describe('主管部门 competent department'),
    implementedBy: z.object({ level: ImplementingLevel, unitType: UnitType }).describe('实施机关: which unit type at which level handles applications'),
    legalBasis: z.array(z.string().min(1).max(500)).min(1).describe('设定和实施依据'),
    summary: Text.optional(),
    acceptanceConditions: z.array(Text).describe('受理条件'),
    questions: z.array(GuideQuestion).max(8).default([]),
    situations: z.array(Situation).min(1).max(30),
    formFields: z.array(FormField).max(60),
    steps: z.array(ProcedureStep).min(1).max(20),
    specialSteps: z.array(SpecialStep).default([]),
    statutoryLimitDays: z.number().int().min(0).max(365).describe('法定办结时限, working days'),
    promisedLimitDays: z.number().int().min(0).max(365).describe('承诺办结时限, working days (≤ statutory)'),
    fees: z.array(z.object({ name: Text, amountYuan: z.number().min(0), basis: z.string().max(500).optional() })).default([]).describe('收费; empty = free'),
    onsiteVisits: z.number().int().min(0).max(5).describe('到现场次数'),
    channels: z.object({ online: z.boolean(), offline: z.boolean() }),
    result: z.object({
      kind: z.enum(['certificate', 'licence', 'approval', 'filing', 'none']),
      name: Text,
      certificateType: z.string().regex(/^[a-z_]{2,40}$/).nullable().default(null).describe('Type of the e-certificate issued, reusable later as a held material'),
      validityYears: z.number().int().min(0).max(100).nullable().default(null),
    }),
    hours: Text.optional(),
    place: Text.optional().describe('办理地点: where to apply in person (the halls module lists the halls that serve the item)'),
    consultPhone: z.string().max(40).optional(),
    complaintPhone: z.string().max(40).optional(),
    faq: z.array(z.object({ q: Text, a: Text })).default([]),
    keywords: z.array(z.string().max(40)).default([]),
    source: z.string().max(500).optional().describe('Where the facts come from (public service guide URL)'),
  })
  .meta({ id: 'ServiceItemDefinition' });
export type ServiceItemDefinition = z.infer<typeof ServiceItemDefinition>;
export type ServiceItemInput = z.input<typeof ServiceItemDefinition>;

export const ItemStatus = z.enum(['draft', 'published', 'retired']);

export const ServiceItemVersion = z
  .object({
    code: z.string(),
    name: z.string().describe('事项名称 (zh-CN)'),
    department: z.string().describe('Competent department name (zh-CN)'),
    version: z.number().int().min(1),
    status: ItemStatus,
    definition: ServiceItemDefinition,
    publishedAt: Instant.nullable(),
    retiredAt: Instant.nullable(),
    updatedAt: Instant,
  })
  .meta({ id: 'ServiceItemVersion' });
export type ServiceItemVersion = z.infer<typeof ServiceItemVersion>;

export const ServiceSummary = z
  .object({
    code: z.string(),
    version: z.number().int(),
    name: z.string().describe('事项名称 (zh-CN)'),
    nameEn: z.string().nullable(),
    summary: z.string().nullable().optional().describe('One-line description (zh-CN)'),
    itemType: ItemType,
    audience: z.array(Audience),
    department: z.string().describe('Competent department name (zh-CN)'),
    departmentType: UnitType,
    promisedLimitDays: z.number().int(),
    onsiteVisits: z.number().int(),
    online: z.boolean(),
  })
  .meta({ id: 'ServiceSummary' });

/** What the guide answers: the situation the answers select, with exactly its materials and steps. */
export const ServiceGuide = z
  .object({
    code: z.string(),
    version: z.number().int().describe('The published version the guide was read from (an application pins it)'),
    name: z.string(),
    answers: z.record(z.string(), z.string()).describe('The answers that mattered (question id → option value)'),
    situation: z.object({ code: z.string(), name: Text }),
    materials: z.array(Material).describe('This situation\'s materials; those with `heldByGovernment` need not be submitted (免提交) when the applicant holds the certificate'),
    steps: z.array(ProcedureStep).describe('The procedure for this situation: the item\'s steps without the optional ones the situation does not list'),
    specialSteps: z.array(SpecialStep),
    statutoryLimitDays: z.number().int(),
    promisedLimitDays: z.number().int(),
    fees: z.array(z.object({ name: Text, amountYuan: z.number(), basis: z.string().optional() })),
    onsiteVisits: z.number().int(),
    online: z.boolean(),
    applyPath: z.string().describe('Where 京通 starts the online application for this situation'),
  })
  .meta({ id: 'ServiceGuide' });
export type ServiceGuide = z.infer<typeof ServiceGuide>;

/** One catalogue item as the administration sees it: its published and latest versions. */
export const AdminServiceItem = z
  .object({
    code: z.string(),
    name: z.string().describe('Name of the latest version (zh-CN)'),
    department: z.string(),
    publishedVersion: z.number().int().nullable(),
    latestVersion: z.number().int(),
    latestStatus: ItemStatus,
    updatedAt: Instant,
  })
  .meta({ id: 'AdminServiceItem' });

const CodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9-]{3,64}$/) });
const AdminWrite = { permission: 'services.manage' } as const;

/** Catalogue administration (services.manage; writes at the municipal level, see ADR 0016). */
export const serviceAdminRoutes = {
  list: defineRoute({
    id: 'services.admin.list',
    method: 'GET',
    path: '/api/v1/admin/services',
    summary: 'Every catalogue item with its published and latest version (drafts and retired items included)',
    tag: 'services',
    access: AdminWrite,
    query: z.strictObject({
      q: z.string().max(100).optional().describe('Part of the code or the name'),
      status: ItemStatus.optional().describe('Status of the latest version'),
    }),
    response: z.object({ items: z.array(AdminServiceItem) }),
  }),
  versions: defineRoute({
    id: 'services.admin.versions',
    method: 'GET',
    path: '/api/v1/admin/services/:code/versions',
    summary: 'Every version of one item, oldest first, with its definition',
    tag: 'services',
    access: AdminWrite,
    params: CodeParams,
    response: z.object({ items: z.array(ServiceItemVersion) }),
  }),
  saveDraft: defineRoute({
    id: 'services.admin.saveDraft',
    method: 'PUT',
    path: '/api/v1/admin/services/:code/draft',
    summary: 'Saves the draft of an item: a new item, a new version after the published one, or the open draft overwritten',
    tag: 'services',
    access: AdminWrite,
    params: CodeParams,
    body: z.strictObject({
      definition: ServiceItemDefinition.describe('The whole definition; its `code` must be the path\'s'),
      basedOn: z
        .object({ version: z.number().int().min(1), updatedAt: Instant })
        .nullable()
        .describe('The latest version you edited (its number and updatedAt); null for a new item. A stale one gets 409'),
    }),
    response: ServiceItemVersion,
  }),
  publish: defineRoute({
    id: 'services.admin.publish',
    method: 'POST',
    path: '/api/v1/admin/services/:code/versions/:version/publish',
    summary: 'Publishes a draft; the previously published version is retired (running applications keep theirs)',
    tag: 'services',
    access: AdminWrite,
    params: z.object({ code: CodeParams.shape.code, version: z.coerce.number().int().min(1) }),
    response: ServiceItemVersion,
  }),
  retire: defineRoute({
    id: 'services.admin.retire',
    method: 'POST',
    path: '/api/v1/admin/services/:code/retire',
    summary: 'Retires the published version: the item leaves the catalogue; a later draft can bring it back',
    tag: 'services',
    access: AdminWrite,
    params: CodeParams,
    body: z.strictObject({ version: z.number().int().min(1).describe('The published version you mean to retire (409 when another one is published)') }),
    response: ServiceItemVersion,
  }),
} as const;

export const serviceRoutes = {
  search: defineRoute({
    id: 'services.search',
    method: 'GET',
    path: '/api/v1/services',
    summary: '政务服务事项: search the published catalogue (Chinese words inside names, pinyin initials)',
    tag: 'services',
    access: 'public',
    query: z.strictObject({
      q: z.string().max(100).optional().describe('Words of the name, keywords, or pinyin initials'),
      audience: Audience.optional(),
      department: UnitType.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
    response: z.object({ items: z.array(ServiceSummary) }),
  }),
  get: defineRoute({
    id: 'services.get',
    method: 'GET',
    path: '/api/v1/services/:code',
    summary: 'The published version of one service item, with every element',
    tag: 'services',
    access: 'public',
    params: z.object({ code: z.string().min(3).max(64) }),
    response: ServiceItemVersion,
  }),
  guide: defineRoute({
    id: 'services.guide',
    method: 'POST',
    path: '/api/v1/services/:code/guide',
    summary: '办事指南: the answers to the item\'s questions pick the situation; answers its exact materials and steps',
    description: 'Every question that still matters must be answered (400 naming `body.answers.<question>` otherwise); `GET /api/v1/services/{code}` lists the questions.',
    tag: 'services',
    access: 'public',
    params: z.object({ code: z.string().min(3).max(64) }),
    body: z.strictObject({
      answers: z.record(z.string().max(40), z.string().max(40)).default({}).describe('question id → option value'),
    }),
    response: ServiceGuide,
  }),
} as const;
