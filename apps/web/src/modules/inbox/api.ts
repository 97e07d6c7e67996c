import type { inboxRoutes, QueryOf, ResponseOf, TrafficLight, WorkItem } from '@jing/contracts';
import { api } from '../../shared/api/index.ts';

export type { TrafficLight, WorkItem };
export type InboxQuery = Partial<QueryOf<typeof inboxRoutes.list>>;
export type InboxPage = ResponseOf<typeof inboxRoutes.list>;
export type LightCounts = InboxPage['counts'];

/** My to-do items (`box: 'mine'`) or my unit's (`'unit'`), with counts per traffic light. */
export function listInbox(query: InboxQuery, signal?: AbortSignal): Promise<InboxPage> {
  return api.get<InboxPage>('/api/v1/inbox', { query, signal });
}
