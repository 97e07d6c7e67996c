import { notificationRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { NotificationService } from './notifications.service.ts';

export function notificationBindings(s: NotificationService): RouteBinding[] {
  return [
    bind(r.list, ({ caller, query }) => s.list(caller, query.limit)),
    bind(r.unread, async ({ caller }) => ({ count: await s.unread(caller) })),
    bind(r.markRead, async ({ caller, body }) => {
      await s.markRead(caller, body);
      return { ok: true as const };
    }),
    bind(r.outbox, async ({ query }) => ({ items: await s.outbox(query.channel, query.limit) })),
  ];
}
