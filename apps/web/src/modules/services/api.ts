import type { BodyOf, ResponseOf, serviceAdminRoutes, serviceRoutes } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type Public = typeof serviceRoutes;
type Admin = typeof serviceAdminRoutes;
export type ServiceSummary = ResponseOf<Public['search']>['items'][number];
export type ServiceItem = ResponseOf<Public['get']>;
export type ServiceDefinition = ServiceItem['definition'];
export type ServiceGuide = ResponseOf<Public['guide']>;
export type AdminItem = ResponseOf<Admin['list']>['items'][number];
export type DraftBody = BodyOf<Admin['saveDraft']>;
export type Audience = 'person' | 'business';

/** Searches the published catalogue (words, pinyin initials), optionally for one audience. */
export function searchServices(q: string, audience: Audience | undefined, signal?: AbortSignal): Promise<ServiceSummary[]> {
  return api.get<ResponseOf<Public['search']>>('/api/v1/services', { query: { q: q || undefined, audience, limit: 50 }, signal }).then((r) => r.items);
}

/** The published version of one item. */
export function getService(code: string, signal?: AbortSignal): Promise<ServiceItem> {
  return api.get<ServiceItem>(`/api/v1/services/${seg(code)}`, { signal });
}

/** 办事指南: the situation the answers select, with its exact materials and steps. */
export function readGuide(code: string, answers: Record<string, string>, signal?: AbortSignal): Promise<ServiceGuide> {
  return api.post<ServiceGuide>(`/api/v1/services/${seg(code)}/guide`, { answers }, { signal });
}

/** Every catalogue item with its versions' state (services.manage). */
export function listAdminItems(signal?: AbortSignal): Promise<AdminItem[]> {
  return api.get<ResponseOf<Admin['list']>>('/api/v1/admin/services', { signal }).then((r) => r.items);
}

/** Every version of one item, oldest first. */
export function listVersions(code: string, signal?: AbortSignal): Promise<ServiceItem[]> {
  return api.get<ResponseOf<Admin['versions']>>(`/api/v1/admin/services/${seg(code)}/versions`, { signal }).then((r) => r.items);
}

/** Saves the draft of an item (a new version after the published one, or the open draft overwritten). */
export function saveDraft(code: string, body: DraftBody): Promise<ServiceItem> {
  return api.put<ServiceItem>(`/api/v1/admin/services/${seg(code)}/draft`, body);
}

/** Publishes a draft version (the previously published one is retired). */
export function publishVersion(code: string, version: number): Promise<ServiceItem> {
  return api.post<ServiceItem>(`/api/v1/admin/services/${seg(code)}/versions/${version}/publish`);
}

/** Retires the published version. */
export function retireVersion(code: string, version: number): Promise<ServiceItem> {
  return api.post<ServiceItem>(`/api/v1/admin/services/${seg(code)}/retire`, { version });
}
