/** 政务服务事项: the 京通 办事 catalogue and guide, and the catalogue administration in 京办. The only surface other modules import. */
export { searchServices, getService, readGuide } from './api.ts';
export type { ServiceItem, ServiceSummary, ServiceGuide } from './api.ts';
export { ServicesHomePage } from './pages/ServicesHomePage.tsx';
export { ServiceItemPage } from './pages/ServiceItemPage.tsx';
export { CatalogueAdminPage } from './pages/CatalogueAdminPage.tsx';
export { ServiceEditorPage } from './pages/ServiceEditorPage.tsx';
