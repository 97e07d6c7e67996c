import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, UnitCode } from './common.ts';

export const AssignmentStatus = z
  .enum(['assigned', 'accepted', 'extension_requested', 'reported', 'returned', 'closed'])
  .describe('assigned 已交办 → accepted 已接收 → (extension_requested 申请延期) → reported 已报结 → closed 已销号 | returned 退回重办');
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

export const SupervisionEvent = z.object({
  at: Instant,
  actorId: z.string().nullable(),
  type: z.string().describe('assign | accept | progress | extension_request | extension_approved | extension_rejected | report | return | close | evaluate | escalate'),
  text: z.string().nullable(),
  data: z.unknown().nullable(),
});

export const Assignment = z
  .object({
    id: z.string(),
    taskId: z.string(),
    unit: z.object({ code: z.string(), name: z.string() }),
    status: AssignmentStatus,
    dueAt: Instant,
    acceptedAt: Instant.nullable(),
    reportedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    overdue: z.boolean().describe('Past the deadline and not reported or closed'),
    escalations: z.number().int().describe('Times escalated one level up the org tree'),
    score: z.number().int().nullable().describe('Evaluation 1–5 after closing'),
    version: z.number().int().describe('Send back as `version` on every action: a stale version gets 409'),
    events: z.array(SupervisionEvent).optional(),
  })
  .meta({ id: 'SupervisionAssignment' });

export const SupervisionTask = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    source: z.string().describe('Where it comes from; `rating` for 好差评 rectifications raised by the system'),
    sourceRef: z.string().nullable().describe('Id of the originating record (a case number, a rating id)'),
    issuerUnit: z.object({ code: z.string(), name: z.string() }),
    createdBy: z.string().nullable(),
    createdAt: Instant,
    dueAt: Instant,
    assignments: z.array(Assignment),
  })
  .meta({ id: 'SupervisionTask' });

const IdParams = z.object({ id: z.string().min(1).max(64) });
const Versioned = { version: z.number().int().min(0).describe('The assignment version you acted on') };

const action = <B extends z.ZodObject>(name: string, path: string, summary: string, body: B) =>
  defineRoute({
    id: `supervision.${name}`,
    method: 'POST',
    path: `/api/v1/supervision/assignments/:id/${path}`,
    summary,
    tag: 'supervision',
    access: 'session',
    params: IdParams,
    body,
    response: Assignment,
  });

export const supervisionRoutes = {
  create: defineRoute({
    id: 'supervision.create',
    method: 'POST',
    path: '/api/v1/supervision/tasks',
    summary: '立项交办: register a supervised task and assign it to units with a deadline',
    tag: 'supervision',
    access: { permission: 'supervision.manage' },
    body: z.strictObject({
      title: z.string().min(1).max(200),
      description: z.string().min(1).max(5000),
      source: z.enum(['leader_instruction', 'meeting', 'key_task', 'case', 'alert', 'audit', 'other']).describe('Where the task comes from'),
      sourceRef: z.string().max(200).optional().describe('Id of the originating record, e.g. a case number'),
      dueAt: z.iso.datetime({ offset: true }).describe('Deadline, ISO 8601'),
      units: z.array(UnitCode).min(1).max(200).describe('Units the task is assigned to (each must be in your scope)'),
    }),
    response: SupervisionTask,
    status: 201,
  }),
  list: defineRoute({
    id: 'supervision.list',
    method: 'GET',
    path: '/api/v1/supervision/tasks',
    summary: 'Tasks assigned to my unit, or issued within my scope',
    tag: 'supervision',
    access: 'session',
    query: z.strictObject({
      role: z.enum(['assigned', 'issued']).default('assigned'),
      status: z.enum(['open', 'closed', 'all']).default('open'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(SupervisionTask) }),
  }),
  get: defineRoute({
    id: 'supervision.get',
    method: 'GET',
    path: '/api/v1/supervision/tasks/:id',
    summary: 'One task with every assignment and its history',
    tag: 'supervision',
    access: 'session',
    params: IdParams,
    response: SupervisionTask,
  }),
  accept: action('accept', 'accept', '接收: the assigned unit accepts the task', z.strictObject({ ...Versioned })),
  progress: action('progress', 'progress', '进展: report progress', z.strictObject({ ...Versioned, text: z.string().min(1).max(5000) })),
  requestExtension: action(
    'requestExtension',
    'extension',
    '申请延期: ask for a later deadline, before the current one passes',
    z.strictObject({ ...Versioned, reason: z.string().min(1).max(2000), newDueAt: z.iso.datetime({ offset: true }) }),
  ),
  decideExtension: action(
    'decideExtension',
    'extension/decision',
    'The issuer approves or rejects an extension',
    z.strictObject({ ...Versioned, approve: z.boolean(), comment: z.string().max(2000).optional() }),
  ),
  report: action('report', 'report', '办结报告: the unit reports the task done', z.strictObject({ ...Versioned, text: z.string().min(1).max(5000) })),
  return: action('return', 'return', '退回: the issuer returns an unsatisfactory result', z.strictObject({ ...Versioned, reason: z.string().min(1).max(2000) })),
  close: action('close', 'close', '销号: the issuer verifies and closes', z.strictObject({ ...Versioned, comment: z.string().max(2000).optional() })),
  evaluate: action(
    'evaluate',
    'evaluate',
    '考评: the issuer scores a closed assignment 1–5',
    z.strictObject({ ...Versioned, score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }),
  ),
  stats: defineRoute({
    id: 'supervision.stats',
    method: 'GET',
    path: '/api/v1/supervision/stats',
    summary: 'Per-unit statistics of supervised work within a subtree',
    tag: 'supervision',
    access: { permission: 'supervision.manage' },
    query: z.strictObject({ within: UnitCode.optional().describe('Subtree root (default: your unit)') }),
    response: z.object({
      items: z.array(
        z.object({
          unit: z.object({ code: z.string(), name: z.string() }),
          assigned: z.number().int(),
          open: z.number().int(),
          overdue: z.number().int(),
          closed: z.number().int(),
          closedOnTime: z.number().int(),
          onTimeRate: z.number().nullable().describe('closed on time / closed'),
          averageScore: z.number().nullable(),
          escalations: z.number().int(),
        }),
      ),
    }),
  }),
} as const;
