/**
 * 消息通知: in-app notifications with an unread count, and the outbox the SMS
 * and e-mail adapters write to by default (an operator reads it).
 */
import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, Ok } from './common.ts';

export const Notification = z
  .object({
    id: z.string(),
    kind: z.string().describe('e.g. application.accept'),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: 'Notification' });

export const OutboxMessage = z
  .object({
    id: z.string(),
    channel: z.enum(['sms', 'email']),
    accountId: z.string(),
    recipient: z.string().describe('Masked address (phone or e-mail), or the account when it has none'),
    subject: z.string(),
    body: z.string(),
    status: z.enum(['pending', 'sent', 'failed']),
    createdAt: Instant,
  })
  .meta({ id: 'OutboxMessage' });

export const notificationRoutes = {
  list: defineRoute({
    id: 'notifications.list',
    method: 'GET',
    path: '/api/v1/notifications',
    summary: 'My notifications, newest first, with the unread count',
    tag: 'notifications',
    access: 'session',
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: z.object({ items: z.array(Notification), unread: z.number().int() }),
  }),
  unread: defineRoute({
    id: 'notifications.unread',
    method: 'GET',
    path: '/api/v1/notifications/unread',
    summary: 'How many of my notifications are unread (the badge)',
    tag: 'notifications',
    access: 'session',
    response: z.object({ count: z.number().int() }),
  }),
  markRead: defineRoute({
    id: 'notifications.markRead',
    method: 'POST',
    path: '/api/v1/notifications/read',
    summary: 'Mark some (ids) or all of my notifications read',
    tag: 'notifications',
    access: 'session',
    body: z.strictObject({ ids: z.array(z.string().min(1).max(64)).max(200).optional(), all: z.boolean().optional() }),
    response: Ok,
  }),
  outbox: defineRoute({
    id: 'notifications.outbox',
    method: 'GET',
    path: '/api/v1/notifications/outbox',
    summary: 'The SMS and e-mail outbox (what the default adapters wrote), for operators',
    tag: 'notifications',
    access: { permission: 'notifications.outbox' },
    query: z.strictObject({ channel: z.enum(['sms', 'email']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    response: z.object({ items: z.array(OutboxMessage) }),
  }),
} as const;
