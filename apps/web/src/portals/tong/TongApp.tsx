import { Link, Route, Routes } from 'react-router';
import { Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { NotFoundPage } from '../../shared/ui/NotFoundPage.tsx';
import { LoginPage, MyAccountPage, RegisterResidentPage, RequireAuth } from '../../modules/identity/index.ts';
import { MyCasePage, MyCasesPage, ReportCasePage } from '../../modules/cases/index.ts';
import { AirNearPage } from '../../modules/air/index.ts';
import { TongLayout } from './TongLayout.tsx';
import { HomePage } from './HomePage.tsx';

/** Pages of 京通 itself (not of the staff portals), where the login page may send people back to. */
const isTongPath = (path: string) => !/^\/(ban|zhi)(\/|$)/.test(path);

/** 京通 Tong, the public portal at `/`: residents and businesses; 接诉即办 under `/cases`. */
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
        <Route path="air" element={<AirNearPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
