import type { BodyOf, ratingRoutes, ResponseOf, SubjectKind, RatingLevel } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type Routes = typeof ratingRoutes;
export type { SubjectKind, RatingLevel };
export type Rating = ResponseOf<Routes['get']>;
export type SubjectState = ResponseOf<Routes['forSubject']>;
export type RatingStats = ResponseOf<Routes['stats']>;
export type StatsRow = RatingStats['items'][number];

/** The five levels, best first; the last two are 差评. */
export const LEVELS: readonly RatingLevel[] = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'];

export function subjectState(kind: SubjectKind, id: string, signal?: AbortSignal): Promise<SubjectState> {
  return api.get<SubjectState>(`/api/v1/ratings/subjects/${seg(kind)}/${seg(id)}`, { signal });
}

export function createRating(body: BodyOf<Routes['create']>): Promise<Rating> {
  return api.post<Rating>('/api/v1/ratings', body);
}

export function getRating(id: string, signal?: AbortSignal): Promise<Rating> {
  return api.get<Rating>(`/api/v1/ratings/${seg(id)}`, { signal });
}

export async function listRectifications(role: 'unit' | 'review', status: 'open' | 'rectified' | 'voided' | 'appeal_pending' | 'all', signal?: AbortSignal): Promise<Rating[]> {
  return (await api.get<ResponseOf<Routes['rectifications']>>('/api/v1/ratings/rectifications', { query: { role, status }, signal })).items;
}

export function getStats(by: 'item' | 'unit' | 'hall', within?: string, signal?: AbortSignal): Promise<RatingStats> {
  return api.get<RatingStats>('/api/v1/ratings/stats', { query: { by, within }, signal });
}

export function logCallback(id: string, body: BodyOf<Routes['callback']>): Promise<Rating> {
  return api.post<Rating>(`/api/v1/ratings/${seg(id)}/callbacks`, body);
}

export function recordOutcome(id: string, body: BodyOf<Routes['outcome']>): Promise<Rating> {
  return api.post<Rating>(`/api/v1/ratings/${seg(id)}/outcome`, body);
}

export function appeal(id: string, body: BodyOf<Routes['appeal']>): Promise<Rating> {
  return api.post<Rating>(`/api/v1/ratings/${seg(id)}/appeal`, body);
}

export function decideAppeal(id: string, body: BodyOf<Routes['decideAppeal']>): Promise<Rating> {
  return api.post<Rating>(`/api/v1/ratings/${seg(id)}/appeal/decision`, body);
}
