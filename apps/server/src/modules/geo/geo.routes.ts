import { geoRoutes } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { GeoService } from './geo.service.ts';

export function geoBindings(geo: GeoService): RouteBinding[] {
  return [
    bind(geoRoutes.locate, ({ query }) => geo.locate(query.lng, query.lat)),
    bind(geoRoutes.boundaries, ({ query }) => geo.boundaries(query.parent)),
    bind(geoRoutes.putBoundary, ({ caller, params, body }) => geo.putBoundary(caller, params.code, body)),
  ];
}
