import type { geoRoutes, ResponseOf } from '@jing/contracts';
import { api } from '../../shared/api/index.ts';

/** Boundaries of the children of a unit, GeoJSON in WGS84; each feature's properties are `{ code, name, level }`. */
export type BoundaryCollection = ResponseOf<typeof geoRoutes.boundaries>;
export type BoundaryFeature = BoundaryCollection['features'][number];
export type Located = ResponseOf<typeof geoRoutes.locate>;

/** Boundaries of the children of `parent` (default: the districts of the city). */
export function getBoundaries(parent: string, signal?: AbortSignal): Promise<BoundaryCollection> {
  return api.get<BoundaryCollection>('/api/v1/geo/boundaries', { query: { parent }, signal });
}

/** The district and street containing a point. */
export function locate(lng: number, lat: number, signal?: AbortSignal): Promise<Located> {
  return api.get<Located>('/api/v1/geo/locate', { query: { lng, lat }, signal });
}
