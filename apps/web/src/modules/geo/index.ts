/** Geo: district boundaries on a map, and the district overview of 京智. The only surface other modules import. */
export { getBoundaries, locate } from './api.ts';
export type { BoundaryCollection, BoundaryFeature, Located } from './api.ts';
export { DistrictDashboardPage } from './pages/DistrictDashboardPage.tsx';
export { labelPoint, geometriesBBox } from './geometry.ts';
