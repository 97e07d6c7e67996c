import type { BodyOf, ResponseOf, airWorkRoutes } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type Routes = typeof airWorkRoutes;
export type AirAlert = ResponseOf<Routes['alerts']>['items'][number];
export type AirAlertDetail = ResponseOf<Routes['alert']>;
export type AlertReportInput = BodyOf<Routes['report']>;
export type Measure = ResponseOf<Routes['measure']>;
export type NewMeasure = BodyOf<Routes['createMeasure']>;
export type MeasureType = Measure['type'];
export type MeasureCategory = Measure['category'];
export type ReductionEstimate = ResponseOf<Routes['reductions']>;

export const MEASURE_TYPES: readonly MeasureType[] = ['coal_to_gas', 'dust_suppression', 'inspection', 'penalty', 'construction_halt', 'traffic_restriction', 'other'];
export const CATEGORY_OF: Record<MeasureType, MeasureCategory> = {
  coal_to_gas: 'technology', dust_suppression: 'technology', inspection: 'enforcement', penalty: 'enforcement',
  construction_halt: 'management', traffic_restriction: 'management', other: 'management',
};

export async function listAlerts(status: 'open' | 'closed' | 'all', signal?: AbortSignal): Promise<AirAlert[]> {
  return (await api.get<ResponseOf<Routes['alerts']>>('/api/v1/air/alerts', { query: { status, limit: 200 }, signal })).items;
}
export function getAlert(id: string, signal?: AbortSignal): Promise<AirAlertDetail> {
  return api.get<AirAlertDetail>(`/api/v1/air/alerts/${seg(id)}`, { signal });
}
export function reportAlert(id: string, body: AlertReportInput): Promise<AirAlert> {
  return api.post<AirAlert>(`/api/v1/air/alerts/${seg(id)}/report`, body);
}
export async function listMeasures(query: { district?: string }, signal?: AbortSignal): Promise<Measure[]> {
  return (await api.get<ResponseOf<Routes['measures']>>('/api/v1/air/measures', { query, signal })).items;
}
export function createMeasure(body: NewMeasure): Promise<Measure> {
  return api.post<Measure>('/api/v1/air/measures', body);
}
export function deleteMeasure(id: string, version: number): Promise<unknown> {
  return api.delete(`/api/v1/air/measures/${seg(id)}`, { query: { version } });
}
export function getReductions(query: { station: string; from: string; to: string; pollutant?: string }, signal?: AbortSignal): Promise<ReductionEstimate> {
  return api.get<ReductionEstimate>('/api/v1/air/reductions', { query, signal });
}
export async function listStations(signal?: AbortSignal): Promise<{ code: string; name: string; district: { code: string; name: string } | null }[]> {
  return (await api.get<{ items: { code: string; name: string; district: { code: string; name: string } | null }[] }>('/api/v1/air/stations', { signal })).items;
}
/** The brief is a file download: a plain link (the session cookie goes with it). */
export const briefUrl = (district: string, month: string) => `/api/v1/air/brief.pdf?district=${seg(district)}&month=${seg(month)}`;

/** Uploads one photo (the files module); returns its id. */
export async function uploadPhoto(file: File, csrfToken: string): Promise<string> {
  const res = await fetch('/api/v1/files', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': file.type, 'x-csrf-token': csrfToken, 'x-file-name': encodeURIComponent(file.name) }, body: file });
  if (!res.ok) throw new Error(`upload failed (${res.status})`);
  return ((await res.json()) as { id: string }).id;
}
