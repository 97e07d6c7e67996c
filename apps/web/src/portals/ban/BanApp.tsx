import { Navigate, Route, Routes } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { NotFoundPage } from '../../shared/ui/NotFoundPage.tsx';
import { isStaff, LoginPage, RequireAuth } from '../../modules/identity/index.ts';
import { DirectoryPage } from '../../modules/org/index.ts';
import { AuditPage } from '../../modules/audit/index.ts';
import { InboxPage } from '../../modules/inbox/index.ts';
import { HandleCasePage, HotlineConsolePage, UnitCasesPage } from '../../modules/cases/index.ts';
import { CreateTaskPage, SupervisionListPage, SupervisionStatsPage, SupervisionTaskPage } from '../../modules/supervision/index.ts';
import { NoticePage, NoticesPage, PublishNoticePage } from '../../modules/notices/index.ts';
import { CatalogueAdminPage, ServiceEditorPage } from '../../modules/services/index.ts';
import { ClerkConsolePage, HallAdminPage } from '../../modules/halls/index.ts';
import { RatingStatsPage, RectificationListPage, RectificationPage } from '../../modules/ratings/index.ts';
import { AirAlertPage, AirAlertsPage, MeasuresPage } from '../../modules/airwork/index.ts';
import { HandleApplicationPage, NewApplicationPage, OverduePage, UnitApplicationsPage } from '../../modules/applications/index.ts';
import { BanLayout } from './BanLayout.tsx';

/**
 * 京办 Ban, the staff portal at `/ban`: 待办 inbox (home), case handling and
 * the 12345 console, 督办 supervision, 通知公告 notices, 事项管理 (catalogue), directory, audit log.
 * Item links from the inbox (`/ban/cases/…`, `/ban/supervision/…`, `/ban/notices/…`) land here.
 */
export default function BanApp() {
  const t = useT();
  return (
    <Routes>
      <Route path="login" element={<LoginPage title={t('ban.login.title')} subtitle={t('ban.login.subtitle')} home="/ban" allow={isStaff} languageSwitch />} />
      <Route
        element={
          <RequireAuth loginPath="/ban/login" allow={isStaff}>
            <BanLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="inbox" replace />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="cases" element={<UnitCasesPage basePath="/ban/cases" />} />
        <Route path="cases/:id" element={<HandleCasePage basePath="/ban/cases" />} />
        <Route path="hotline" element={<HotlineConsolePage basePath="/ban/cases" />} />
        <Route path="supervision" element={<SupervisionListPage basePath="/ban/supervision" />} />
        <Route path="supervision/new" element={<CreateTaskPage basePath="/ban/supervision" />} />
        <Route path="supervision/stats" element={<SupervisionStatsPage />} />
        <Route path="supervision/:id" element={<SupervisionTaskPage basePath="/ban/supervision" />} />
        <Route path="notices" element={<NoticesPage basePath="/ban/notices" />} />
        <Route path="notices/new" element={<PublishNoticePage basePath="/ban/notices" />} />
        <Route path="notices/:id" element={<NoticePage basePath="/ban/notices" />} />
        <Route path="catalogue" element={<CatalogueAdminPage basePath="/ban/catalogue" />} />
        <Route path="catalogue/:code" element={<ServiceEditorPage basePath="/ban/catalogue" />} />
        <Route path="hall-console" element={<ClerkConsolePage />} />
        <Route path="hall-admin" element={<HallAdminPage />} />
        <Route path="ratings" element={<RectificationListPage basePath="/ban/ratings" />} />
        <Route path="ratings/stats" element={<RatingStatsPage />} />
        <Route path="ratings/:id" element={<RectificationPage basePath="/ban/ratings" />} />
        <Route path="applications" element={<UnitApplicationsPage basePath="/ban/applications" />} />
        <Route path="applications/new" element={<NewApplicationPage basePath="/ban/applications" />} />
        <Route path="applications/overdue" element={<OverduePage basePath="/ban/applications" />} />
        <Route path="applications/:id" element={<HandleApplicationPage basePath="/ban/applications" />} />
        <Route path="directory/:code?" element={<DirectoryPage basePath="/ban/directory" />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="air/alerts" element={<AirAlertsPage basePath="/ban/air/alerts" />} />
        <Route path="air/alerts/:id" element={<AirAlertPage basePath="/ban/air/alerts" />} />
        <Route path="air/measures" element={<MeasuresPage />} />
        <Route path="*" element={<NotFoundPage home="/ban" />} />
      </Route>
    </Routes>
  );
}
