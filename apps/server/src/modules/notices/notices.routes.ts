import { noticeRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { NoticeService } from './notices.service.ts';

export function noticeBindings(s: NoticeService): RouteBinding[] {
  return [
    bind(r.publish, ({ caller, body }) => s.publish(caller, body)),
    bind(r.list, ({ caller, query }) => s.list(caller, query.unread === 'true', query.limit)),
    bind(r.published, ({ caller, query }) => s.published(caller, query.limit)),
    bind(r.get, ({ caller, params }) => s.get(caller, params.id)),
    bind(r.read, async ({ caller, params }) => (await s.mark(caller, params.id, false), { ok: true as const })),
    bind(r.ack, async ({ caller, params }) => (await s.mark(caller, params.id, true), { ok: true as const })),
    bind(r.receipts, ({ caller, params }) => s.receipts(caller, params.id)),
  ];
}
