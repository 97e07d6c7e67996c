import type { BodyOf, noticeRoutes, ResponseOf } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type Routes = typeof noticeRoutes;
export type Notice = ResponseOf<Routes['get']>;
export type NoticeList = ResponseOf<Routes['list']>;
export type PublishedNotice = ResponseOf<Routes['published']>['items'][number];
export type Receipts = ResponseOf<Routes['receipts']>;
export type PublishNoticeInput = BodyOf<Routes['publish']>;

/** Notices addressed to me (to my unit or a unit above it), newest first, and how many I have not read. */
export function listNotices(unreadOnly: boolean, signal?: AbortSignal): Promise<NoticeList> {
  return api.get<NoticeList>('/api/v1/notices', { query: { unread: String(unreadOnly), limit: 100 }, signal });
}

/** 我发布的: the notices I published, newest first, with read and acknowledged counts. */
export function listPublished(signal?: AbortSignal): Promise<{ items: PublishedNotice[] }> {
  return api.get<{ items: PublishedNotice[] }>('/api/v1/notices/published', { query: { limit: 100 }, signal });
}

/** One notice addressed to me, or published in my scope. */
export function getNotice(id: string, signal?: AbortSignal): Promise<Notice> {
  return api.get<Notice>(`/api/v1/notices/${seg(id)}`, { signal });
}

/** Marks a notice read (recipients only; a publisher reading it is answered `not_found`). */
export function markRead(id: string): Promise<void> {
  return api.post<void>(`/api/v1/notices/${seg(id)}/read`);
}

/** 签收: acknowledges a notice (and marks it read). */
export function acknowledge(id: string): Promise<void> {
  return api.post<void>(`/api/v1/notices/${seg(id)}/ack`);
}

/** 发布通知: publishes a notice to every staff member of a unit's subtree. */
export function publishNotice(input: PublishNoticeInput): Promise<Notice> {
  return api.post<Notice>('/api/v1/notices', input);
}

/** Who of the recipients has read and acknowledged a notice (`notices.publish`). */
export function getReceipts(id: string, signal?: AbortSignal): Promise<Receipts> {
  return api.get<Receipts>(`/api/v1/notices/${seg(id)}/receipts`, { signal });
}
