import { lazyNamed } from '../../shared/ui/lazyNamed.ts';

/**
 * Geo: district boundaries on a map, the district overview of 京智 and the
 * pin map of reports. The only surface other modules import. The map
 * components are lazy: MapLibre (~1 MB) is downloaded only when a map shows.
 */
export { getBoundaries, locate } from './api.ts';
export type { BoundaryCollection, BoundaryFeature, Located } from './api.ts';
export { labelPoint, geometriesBBox } from './geometry.ts';
export { useCityBoundaries, type CityMap } from './hooks/useCityBoundaries.ts';
export type { LngLat, PinMapProps } from './components/PinMap.tsx';
export const DistrictDashboardPage = lazyNamed(() => import('./pages/DistrictDashboardPage.tsx'), 'DistrictDashboardPage');
export const PinMap = lazyNamed(() => import('./components/PinMap.tsx'), 'PinMap');
