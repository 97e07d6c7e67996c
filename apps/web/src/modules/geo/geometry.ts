/**
 * Plain geometry on GeoJSON Polygon/MultiPolygon coordinates, enough to place
 * a label and frame a map. Lng/lat are treated as planar: the error is
 * negligible at the scale of one city.
 */

type Position = readonly number[];
type Ring = readonly Position[];
type Polygon = readonly Ring[];

/** A GeoJSON Polygon or MultiPolygon geometry. */
export type AreaGeometry = { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: readonly Polygon[] };

/** [west, south, east, north] */
export type BBox = [number, number, number, number];

const x = (p: Position) => p[0] ?? 0;
const y = (p: Position) => p[1] ?? 0;

function polygons(g: AreaGeometry): readonly Polygon[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Signed area of a ring (shoelace); the sign gives the winding. */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (x(ring[j]!) - x(ring[i]!)) * (y(ring[j]!) + y(ring[i]!));
  return sum / 2;
}

/** Even–odd ray casting over every ring, so holes count as outside. */
export function pointInPolygon(point: Position, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (y(a) > y(point) !== y(b) > y(point) && x(point) < ((x(b) - x(a)) * (y(point) - y(a))) / (y(b) - y(a)) + x(a)) inside = !inside;
    }
  }
  return inside;
}

/** The widest inside stretch of the horizontal line at latitude `lat`, or null. */
function widestSpan(polygon: Polygon, lat: number): [number, number] | null {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (y(a) > lat !== y(b) > lat) xs.push(x(a) + ((lat - y(a)) * (x(b) - x(a))) / (y(b) - y(a)));
    }
  }
  xs.sort((p, q) => p - q);
  let best: [number, number] | null = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const span: [number, number] = [xs[i]!, xs[i + 1]!];
    if (!best || span[1] - span[0] > best[1] - best[0]) best = span;
  }
  return best;
}

/**
 * A point inside the geometry to hang its label on: the centroid of the
 * largest polygon when that is inside (most districts), otherwise the middle of
 * the widest inside stretch of a horizontal line through it (crescent- or
 * U-shaped districts, whose centroid falls outside).
 *
 * @example
 * labelPoint({ type: 'Polygon', coordinates: [[[0,0],[4,0],[4,4],[0,4],[0,0]]] }) // [2, 2]
 */
export function labelPoint(geometry: AreaGeometry): [number, number] {
  const polys = polygons(geometry);
  let largest: Polygon | undefined;
  let largestArea = -1;
  for (const p of polys) {
    const area = Math.abs(ringArea(p[0] ?? []));
    if (area > largestArea) [largest, largestArea] = [p, area];
  }
  const outer = largest?.[0];
  if (!largest || !outer || outer.length === 0) return [0, 0];

  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const cross = x(outer[j]!) * y(outer[i]!) - x(outer[i]!) * y(outer[j]!);
    twiceArea += cross;
    cx += (x(outer[j]!) + x(outer[i]!)) * cross;
    cy += (y(outer[j]!) + y(outer[i]!)) * cross;
  }
  const centroid: [number, number] = twiceArea === 0 ? [x(outer[0]!), y(outer[0]!)] : [cx / (3 * twiceArea), cy / (3 * twiceArea)];
  if (pointInPolygon(centroid, largest)) return centroid;

  const [, south, , north] = bbox(outer);
  // The centroid's own latitude first, then lines spread over the shape's height.
  const lats = [centroid[1], ...[0.5, 0.35, 0.65, 0.2, 0.8].map((f) => south + (north - south) * f)];
  for (const lat of lats) {
    const span = widestSpan(largest, lat);
    if (span) return [(span[0] + span[1]) / 2, lat];
  }
  return [x(outer[0]!), y(outer[0]!)];
}

/** Bounding box of some positions. */
function bbox(positions: Iterable<Position>): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positions) {
    box[0] = Math.min(box[0], x(p));
    box[1] = Math.min(box[1], y(p));
    box[2] = Math.max(box[2], x(p));
    box[3] = Math.max(box[3], y(p));
  }
  return box;
}

/** Bounding box of many geometries, or null when there are none. */
export function geometriesBBox(geometries: Iterable<AreaGeometry>): BBox | null {
  function* outerPositions() {
    for (const g of geometries) for (const p of polygons(g)) yield* p[0] ?? [];
  }
  const box = bbox(outerPositions());
  return Number.isFinite(box[0]) ? box : null;
}
