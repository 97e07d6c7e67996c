import type { applicationRoutes, BodyOf, certificateRoutes, notificationRoutes, ResponseOf, ServiceItemVersion } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type A = typeof applicationRoutes;
type C = typeof certificateRoutes;
type N = typeof notificationRoutes;
export type ApplicationView = ResponseOf<A['get']>;
export type ApplicationSummary = ResponseOf<A['list']>['items'][number];
export type Prefill = ResponseOf<A['prefill']>;
export type SubmitBody = BodyOf<A['submit']>;
export type MaterialInput = SubmitBody['materials'][number];
export type CorrectionItem = BodyOf<A['requestCorrection']>['items'][number];
export type Overdue = ResponseOf<A['overdue']>;
export type Certificate = ResponseOf<C['get']>;
export type Verdict = ResponseOf<C['verify']>;
export type NotificationList = ResponseOf<N['list']>;
export type { ServiceItemVersion };

/** The published version of a service item (the form is generated from it). */
export function getItem(code: string, signal?: AbortSignal): Promise<ServiceItemVersion> {
  return api.get<ServiceItemVersion>(`/api/v1/services/${seg(code)}`, { signal });
}

export function getPrefill(itemCode: string, visitor?: { idNumber?: string; creditCode?: string }, signal?: AbortSignal): Promise<Prefill> {
  return api.get<Prefill>('/api/v1/applications/prefill', { query: { itemCode, ...visitor }, signal });
}

/** 申报, with an idempotency key made once per form fill. */
export function submitApplication(body: SubmitBody, idempotencyKey: string): Promise<ApplicationView> {
  return api.post<ApplicationView>('/api/v1/applications', body, { headers: { 'idempotency-key': idempotencyKey } });
}

export function getApplication(id: string, signal?: AbortSignal): Promise<ApplicationView> {
  return api.get<ApplicationView>(`/api/v1/applications/${seg(id)}`, { signal });
}

export async function listApplications(query: { box: 'mine' | 'unit'; status?: 'open' | 'done' | 'all'; overdue?: 'true'; applicant?: string }, signal?: AbortSignal): Promise<ApplicationSummary[]> {
  return (await api.get<ResponseOf<A['list']>>('/api/v1/applications', { query: { limit: 200, ...query }, signal })).items;
}

export function getOverdue(signal?: AbortSignal): Promise<Overdue> {
  return api.get<Overdue>('/api/v1/applications/overdue', { signal });
}

/** The actions, by their path under `/api/v1/applications/{id}/`. */
export interface ActionBodies {
  accept: BodyOf<A['accept']>;
  refuse: BodyOf<A['refuse']>;
  correction: BodyOf<A['requestCorrection']>;
  resubmit: BodyOf<A['resubmit']>;
  review: BodyOf<A['review']>;
  special: BodyOf<A['special']>;
  countersign: BodyOf<A['countersign']>;
  decide: BodyOf<A['decide']>;
}
export type ActionName = keyof ActionBodies;

export function act<K extends ActionName>(id: string, action: K, body: ActionBodies[K]): Promise<ApplicationView> {
  return api.post<ApplicationView>(`/api/v1/applications/${seg(id)}/${action}`, body);
}

export async function wallet(signal?: AbortSignal): Promise<Certificate[]> {
  return (await api.get<ResponseOf<C['wallet']>>('/api/v1/certificates', { signal })).items;
}

export const certificatePdfUrl = (id: string) => `/api/v1/certificates/${seg(id)}/pdf`;

export function verify(id: string, s: string | null, signal?: AbortSignal): Promise<Verdict> {
  return api.get<Verdict>(`/api/v1/verify/${seg(id)}`, { query: s ? { s } : {}, signal });
}

export function notifications(signal?: AbortSignal): Promise<NotificationList> {
  return api.get<NotificationList>('/api/v1/notifications', { signal });
}

export function markAllRead(): Promise<unknown> {
  return api.post('/api/v1/notifications/read', { all: true });
}
