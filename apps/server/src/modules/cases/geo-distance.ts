/** Great-circle distance in metres between two WGS84 points (haversine). */
export function metresBetween(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const R = 6371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** A box around a point, `metres` each way: a cheap prefilter before the exact distance. */
export function boxAround(p: { lng: number; lat: number }, metres: number): [number, number, number, number] {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)));
  return [p.lng - dLng, p.lat - dLat, p.lng + dLng, p.lat + dLat];
}

/** Grid cells are 0.01° of latitude by 0.01° of longitude (about 1.1 × 0.85 km in Beijing). */
const CELLS_PER_DEGREE = 100;

/**
 * The grid cell of a point, as one integer (fits a 32-bit column): the
 * duplicate check looks up recent cases by category and cell, so it reads the
 * few cases near a pin instead of every recent case of the category (ADR 0014).
 */
export function gridCell(p: { lng: number; lat: number }): number {
  return Math.floor((p.lat + 90) * CELLS_PER_DEGREE) * 100_000 + Math.floor((p.lng + 180) * CELLS_PER_DEGREE);
}

/** Every grid cell a box [west, south, east, north] touches. */
export function cellsCovering(box: [number, number, number, number]): number[] {
  const [w, s, e, n] = box;
  const row0 = Math.floor((s + 90) * CELLS_PER_DEGREE);
  const row1 = Math.floor((n + 90) * CELLS_PER_DEGREE);
  const col0 = Math.floor((w + 180) * CELLS_PER_DEGREE);
  const col1 = Math.floor((e + 180) * CELLS_PER_DEGREE);
  const cells: number[] = [];
  for (let r = row0; r <= row1; r++) for (let c = col0; c <= col1; c++) cells.push(r * 100_000 + c);
  return cells;
}
