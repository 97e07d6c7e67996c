import { lazyNamed } from '../../shared/ui/lazyNamed.ts';

/**
 * 一微克 work: alerts that become 督办 tasks (list with a map, detail with the report), the register of
 * measures, and what they achieved (Zhi). The only surface other modules import; pages with a map or a
 * chart are lazy.
 */
export const AirAlertsPage = lazyNamed(() => import('./pages/AirAlertsPage.tsx'), 'AirAlertsPage');
export const AirAlertPage = lazyNamed(() => import('./pages/AirAlertPage.tsx'), 'AirAlertPage');
export { MeasuresPage } from './pages/MeasuresPage.tsx';
export const ReductionsPage = lazyNamed(() => import('./pages/ReductionsPage.tsx'), 'ReductionsPage');
