import { lazyNamed } from '../../shared/ui/lazyNamed.ts';

/**
 * Cases (接诉即办): reporting and rating in 京通, handling and the 12345
 * console in 京办, the 三率 league tables in 京智. The only surface other
 * modules import. Pages are lazy: each portal downloads only the pages it
 * shows, and with them MapLibre (reports, case pages) or ECharts (league tables).
 */
export { listCases, getCase, listCategories, getRates } from './api.ts';
export type { CaseView, CaseSummary, CaseStatus, RatesRow, RatesTable } from './api.ts';
export { CaseStatusTag } from './components/CaseStatusTag.tsx';

export const ReportCasePage = lazyNamed(() => import('./pages/ReportCasePage.tsx'), 'ReportCasePage');
export const MyCasesPage = lazyNamed(() => import('./pages/MyCasesPage.tsx'), 'MyCasesPage');
export const MyCasePage = lazyNamed(() => import('./pages/MyCasePage.tsx'), 'MyCasePage');
export const UnitCasesPage = lazyNamed(() => import('./pages/UnitCasesPage.tsx'), 'UnitCasesPage');
export const HandleCasePage = lazyNamed(() => import('./pages/HandleCasePage.tsx'), 'HandleCasePage');
export const HotlineConsolePage = lazyNamed(() => import('./pages/HotlineConsolePage.tsx'), 'HotlineConsolePage');
export const RatesPage = lazyNamed(() => import('./rates/RatesPage.tsx'), 'RatesPage');
