import type { airRankingRoutes, airRoutes, ResponseOf } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type R = typeof airRankingRoutes;
export type StationNow = ResponseOf<R['latest']>['items'][number];
export type NearItem = ResponseOf<R['near']>['items'][number];
export type DistrictRanking = ResponseOf<R['districtRankings']>;
export type DistrictRankingRow = DistrictRanking['items'][number];
export type StreetRanking = ResponseOf<R['streetRankings']>;
export type Trend = ResponseOf<R['trend']>;
export type Assessment = ResponseOf<R['assessment']>;
export type AreaAssessment = Assessment['city'];
export type AirDay = ResponseOf<typeof airRoutes.daily>['items'][number];
export type AqiCategory = NonNullable<AirDay['category']>;

/** Every station with its latest hour's AQI (the map). */
export async function getLatest(signal?: AbortSignal): Promise<StationNow[]> {
  return (await api.get<ResponseOf<R['latest']>>('/api/v1/air/latest', { signal })).items;
}

/** The nearest stations with data to a point, with health advice. */
export async function getNear(lng: number, lat: number, limit: number, signal?: AbortSignal): Promise<NearItem[]> {
  return (await api.get<ResponseOf<R['near']>>('/api/v1/air/near', { query: { lng, lat, limit }, signal })).items;
}

/** Months with station data, oldest first. */
export async function getMonths(signal?: AbortSignal): Promise<string[]> {
  return (await api.get<ResponseOf<R['months']>>('/api/v1/air/months', { signal })).items;
}

/** Districts ranked for a month (default: the latest with data). */
export function getDistrictRanking(month: string | undefined, signal?: AbortSignal): Promise<DistrictRanking> {
  return api.get<DistrictRanking>('/api/v1/air/rankings/districts', { query: { month }, signal });
}

/** Streets ranked from micro-sensors for a month, optionally within a district. */
export function getStreetRanking(month: string | undefined, district: string | undefined, signal?: AbortSignal): Promise<StreetRanking> {
  return api.get<StreetRanking>('/api/v1/air/rankings/streets', { query: { month, district }, signal });
}

/** Monthly PM2.5 of the city and each district. */
export function getTrend(from: string, to: string, signal?: AbortSignal): Promise<Trend> {
  return api.get<Trend>('/api/v1/air/trend', { query: { from, to }, signal });
}

/** The annual assessment of the city and each district. */
export function getAssessment(year: number, signal?: AbortSignal): Promise<Assessment> {
  return api.get<Assessment>('/api/v1/air/assessment', { query: { year }, signal });
}

/** A station's daily AQI over a span of days. */
export async function getDaily(code: string, from: string, to: string, signal?: AbortSignal): Promise<AirDay[]> {
  return (await api.get<ResponseOf<typeof airRoutes.daily>>(`/api/v1/air/stations/${seg(code)}/daily`, { query: { from, to }, signal })).items;
}
