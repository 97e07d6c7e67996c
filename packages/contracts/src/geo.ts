import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Latitude, Longitude, UnitCode } from './common.ts';

const Ref = z.object({ code: z.string(), name: z.string() });

/** A GeoJSON geometry we accept as a boundary: Polygon or MultiPolygon, WGS84 lng/lat. */
const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const Ring = z.array(Position).min(4, 'a linear ring needs at least 4 positions');
export const BoundaryGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
export type BoundaryGeometry = z.infer<typeof BoundaryGeometry>;

export const BoundaryFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string().optional(),
        properties: z.object({ code: z.string(), name: z.string(), level: z.string() }).passthrough(),
        geometry: BoundaryGeometry,
      }),
    ),
  })
  .meta({ id: 'BoundaryFeatureCollection' });

export const geoRoutes = {
  locate: defineRoute({
    id: 'geo.locate',
    method: 'GET',
    path: '/api/v1/geo/locate',
    summary: 'The district and street containing a WGS84 point (null outside Beijing / where no boundary is loaded)',
    tag: 'geo',
    access: 'public',
    query: z.strictObject({ lng: Longitude, lat: Latitude }),
    response: z.object({ district: Ref.nullable(), street: Ref.nullable() }),
  }),
  boundaries: defineRoute({
    id: 'geo.boundaries',
    method: 'GET',
    path: '/api/v1/geo/boundaries',
    summary: 'Boundaries of the children of a unit (default: the districts of the municipality) as GeoJSON',
    tag: 'geo',
    access: 'public',
    query: z.strictObject({ parent: UnitCode.default('110000').describe('Parent unit code') }),
    response: BoundaryFeatureCollection,
  }),
  putBoundary: defineRoute({
    id: 'geo.putBoundary',
    method: 'PUT',
    path: '/api/v1/geo/boundaries/:code',
    summary: 'Set the boundary of an org unit (GeoJSON Polygon/MultiPolygon, a Feature, or a FeatureCollection of one feature)',
    tag: 'geo',
    access: { permission: 'org.write', scopeParam: 'code' },
    params: z.object({ code: UnitCode }),
    body: z.unknown(),
    response: z.object({ code: z.string(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) }),
  }),
} as const;
