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
