import { inboxRoutes } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { InboxService } from './inbox.service.ts';

export function inboxBindings(inbox: InboxService): RouteBinding[] {
  return [bind(inboxRoutes.list, ({ caller, query }) => inbox.list(caller, query))];
}
