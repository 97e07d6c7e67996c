import { lazyNamed } from '../../shared/ui/lazyNamed.ts';

/**
 * 一微克 air quality in the portals: the 京智 dashboard (stations map, district rankings, calendar, trends, annual
 * assessment) and 京通's air near me. The only surface other modules import. The dashboard is lazy: it brings
 * MapLibre and ECharts; the near-me card brings neither.
 */
export { NearMeCard } from './components/NearMeCard.tsx';
export { AirNearPage } from './pages/AirNearPage.tsx';
export const AirDashboardPage = lazyNamed(() => import('./pages/AirDashboardPage.tsx'), 'AirDashboardPage');
