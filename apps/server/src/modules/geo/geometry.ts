import type { BoundaryGeometry } from '@jing/contracts';

export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];
type Ring = number[][];

/** The polygons of a geometry: each is an outer ring followed by its holes. */
export function polygonsOf(g: BoundaryGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(g: BoundaryGeometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygonsOf(g))
    for (const [x, y] of poly[0]!) {
      if (x! < b[0]) b[0] = x!;
      if (y! < b[1]) b[1] = y!;
      if (x! > b[2]) b[2] = x!;
      if (y! > b[3]) b[3] = y!;
    }
  return b;
}

export function inBBox(b: BBox, lng: number, lat: number): boolean {
  return lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3];
}

/** Even-odd ray casting: is (x, y) inside the ring? */
function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside the geometry: in some polygon's outer ring and none of its holes. */
export function contains(g: BoundaryGeometry, lng: number, lat: number): boolean {
  for (const poly of polygonsOf(g)) {
    if (!inRing(poly[0]!, lng, lat)) continue;
    if (!poly.slice(1).some((hole) => inRing(hole, lng, lat))) return true;
  }
  return false;
}

/** Checks that every ring is closed (first position equals last); returns the first problem or null. */
export function ringProblem(g: BoundaryGeometry): string | null {
  const polys = polygonsOf(g);
  for (let p = 0; p < polys.length; p++)
    for (let r = 0; r < polys[p]!.length; r++) {
      const ring = polys[p]![r]!;
      const a = ring[0]!;
      const z = ring[ring.length - 1]!;
      if (a[0] !== z[0] || a[1] !== z[1]) return `ring ${r} of polygon ${p} is not closed (first and last positions differ)`;
    }
  return null;
}
