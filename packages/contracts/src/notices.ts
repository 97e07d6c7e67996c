import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, Ok, UnitCode } from './common.ts';

export const Notice = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    issuerUnit: z.object({ code: z.string(), name: z.string() }),
    target: z.object({ code: z.string(), name: z.string() }).describe('The notice reaches every staff member of this unit’s subtree'),
    requiresAck: z.boolean(),
    ackDueAt: Instant.nullable(),
    publishedAt: Instant,
    readAt: Instant.nullable().describe('When you read it'),
    ackedAt: Instant.nullable().describe('When you acknowledged it'),
  })
  .meta({ id: 'Notice' });

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const PublishedNotice = Notice.extend({
  recipients: z.number().int().describe('Staff in the target unit’s subtree now'),
  read: z.number().int().describe('Recipients who have read it'),
  acked: z.number().int().describe('Recipients who have acknowledged it'),
}).meta({ id: 'PublishedNotice' });

export const noticeRoutes = {
  publish: defineRoute({
    id: 'notices.publish',
    method: 'POST',
    path: '/api/v1/notices',
    summary: '发布通知公告: publish a notice to an org subtree',
    tag: 'notices',
    access: { permission: 'notices.publish' },
    body: z.strictObject({
      title: z.string().min(1).max(200),
      body: z.string().min(1).max(20000),
      targetUnit: UnitCode.describe('Every staff member in this unit’s subtree receives it'),
      requiresAck: z.boolean().default(false).describe('Each recipient must acknowledge (签收)'),
      ackDueAt: z.iso.datetime({ offset: true }).optional().describe('Deadline to acknowledge'),
    }),
    response: Notice,
    status: 201,
  }),
  list: defineRoute({
    id: 'notices.list',
    method: 'GET',
    path: '/api/v1/notices',
    summary: 'Notices addressed to me (to my unit or a unit above it), newest first',
    tag: 'notices',
    access: 'session',
    query: z.strictObject({
      unread: z.enum(['true', 'false']).default('false').describe('Only those I have not read'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(Notice), unread: z.number().int() }),
  }),
  published: defineRoute({
    id: 'notices.published',
    method: 'GET',
    path: '/api/v1/notices/published',
    summary: 'Notices I published, newest first, with how many recipients have read and acknowledged each',
    tag: 'notices',
    access: { permission: 'notices.publish' },
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: z.object({ items: z.array(PublishedNotice) }),
  }),
  get: defineRoute({
    id: 'notices.get',
    method: 'GET',
    path: '/api/v1/notices/:id',
    summary: 'One notice addressed to me (or published in my scope)',
    tag: 'notices',
    access: 'session',
    params: IdParams,
    response: Notice,
  }),
  read: defineRoute({
    id: 'notices.read',
    method: 'POST',
    path: '/api/v1/notices/:id/read',
    summary: 'Mark a notice read',
    tag: 'notices',
    access: 'session',
    params: IdParams,
    response: Ok,
  }),
  ack: defineRoute({
    id: 'notices.ack',
    method: 'POST',
    path: '/api/v1/notices/:id/ack',
    summary: '签收: acknowledge a notice (marks it read too)',
    tag: 'notices',
    access: 'session',
    params: IdParams,
    response: Ok,
  }),
  receipts: defineRoute({
    id: 'notices.receipts',
    method: 'GET',
    path: '/api/v1/notices/:id/receipts',
    summary: 'Who has read and acknowledged a notice',
    tag: 'notices',
    access: { permission: 'notices.publish' },
    params: IdParams,
    response: z.object({
      recipients: z.number().int(),
      read: z.number().int(),
      acked: z.number().int(),
      items: z.array(z.object({ accountId: z.string(), displayName: z.string(), unitCode: z.string(), readAt: Instant.nullable(), ackedAt: Instant.nullable() })),
    }),
  }),
} as const;
