import { Link, Route, Routes } from 'react-router';
import { Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { NotFoundPage } from '../../shared/ui/NotFoundPage.tsx';
import { LoginPage, MyAccountPage, RegisterResidentPage, RequireAuth } from '../../modules/identity/index.ts';
import { MyCasePage, MyCasesPage, ReportCasePage } from '../../modules/cases/index.ts';
import { ServiceItemPage, ServicesHomePage } from '../../modules/services/index.ts';
import { HallPage, HallsPage, MyHallsPage, ScreenPage, TicketPage } from '../../modules/halls/index.ts';
import { RatePage, RatingStatsPage } from '../../modules/ratings/index.ts';
import { ApplyPage, MyApplicationPage, MyApplicationsPage, NotificationsPage, VerifyPage, WalletPage } from '../../modules/applications/index.ts';
import { AirNearPage } from '../../modules/air/index.ts';
import { TongLayout } from './TongLayout.tsx';
import { HomePage } from './HomePage.tsx';

/** Pages of 京通 itself (not of the staff portals), where the login page may send people back to. */
const isTongPath = (path: string) => !/^\/(ban|zhi)(\/|$)/.test(path);

/** 京通 Tong, the public portal at `/`: residents and businesses; 办事 under `/services`, 接诉即办 under `/cases`. */
export default function TongApp() {
  const t = useT();
  return (
    <Routes>
      <Route element={<TongLayout />}>
        <Route index element={<HomePage />} />
        <Route
          path="login"
          element={
            <LoginPage
              title={t('tong.login.title')}
              subtitle={t('tong.login.subtitle')}
              home="/me"
              returnTo={isTongPath}
              footer={
                <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
                  {t('tong.login.noAccount')} <Link to="/register">{t('tong.tile.register')}</Link>
                </Typography.Paragraph>
              }
            />
          }
        />
        <Route path="register" element={<RegisterResidentPage accountPath="/me" loginPath="/login" />} />
        <Route
          path="me"
          element={
            <RequireAuth loginPath="/login">
              <MyAccountPage afterLogout="/" />
            </RequireAuth>
          }
        />
        <Route path="cases" element={<RequireAuth loginPath="/login"><MyCasesPage basePath="/cases" /></RequireAuth>} />
        <Route path="cases/new" element={<RequireAuth loginPath="/login"><ReportCasePage basePath="/cases" /></RequireAuth>} />
        <Route path="cases/:id" element={<RequireAuth loginPath="/login"><MyCasePage basePath="/cases" /></RequireAuth>} />
        <Route path="services" element={<ServicesHomePage basePath="/services" />} />
        <Route path="services/:code" element={<ServiceItemPage basePath="/services" />} />
        <Route path="halls" element={<HallsPage basePath="/halls" />} />
        <Route path="halls/mine" element={<RequireAuth loginPath="/login"><MyHallsPage basePath="/halls" /></RequireAuth>} />
        <Route path="halls/tickets/:id" element={<RequireAuth loginPath="/login"><TicketPage basePath="/halls" /></RequireAuth>} />
        <Route path="halls/:id" element={<HallPage basePath="/halls" loginPath="/login" />} />
        <Route path="halls/:id/screen" element={<ScreenPage />} />
        <Route path="ratings/stats" element={<RatingStatsPage />} />
        <Route path="ratings/:kind/:id" element={<RequireAuth loginPath="/login"><RatePage /></RequireAuth>} />
        <Route path="services/:code/apply" element={<RequireAuth loginPath="/login"><ApplyPage basePath="/applications" /></RequireAuth>} />
        <Route path="applications" element={<RequireAuth loginPath="/login"><MyApplicationsPage basePath="/applications" /></RequireAuth>} />
        <Route path="applications/:id" element={<RequireAuth loginPath="/login"><MyApplicationPage basePath="/applications" /></RequireAuth>} />
        <Route path="wallet" element={<RequireAuth loginPath="/login"><WalletPage /></RequireAuth>} />
        <Route path="notifications" element={<RequireAuth loginPath="/login"><NotificationsPage /></RequireAuth>} />
        <Route path="verify/:id" element={<VerifyPage />} />
        <Route path="air" element={<AirNearPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
