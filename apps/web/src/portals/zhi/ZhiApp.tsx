import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { theme, type ThemeConfig } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { AntdProvider } from '../../shared/ui/AntdProvider.tsx';
import { NotFoundPage } from '../../shared/ui/NotFoundPage.tsx';
import { isStaff, LoginPage, RequireAuth } from '../../modules/identity/index.ts';
import { DistrictDashboardPage } from '../../modules/geo/index.ts';
import { RatesPage } from '../../modules/cases/index.ts';
import { ReductionsPage } from '../../modules/airwork/index.ts';
import { AirDashboardPage } from '../../modules/air/index.ts';
import { ZhiLayout } from './ZhiLayout.tsx';

const ZHI_THEME: ThemeConfig = {
  algorithm: theme.darkAlgorithm,
  token: { colorPrimary: '#3f83e6', colorBgLayout: '#070f1c', colorBgContainer: '#0f1b2e', borderRadius: 6 },
};
const ZHI_PAGE_BACKGROUND = '#070f1c';

/** 京智 Zhi, the decision portal at `/zhi`: city overview (map, charts) and the 三率 league tables, dark theme. */
export default function ZhiApp() {
  const t = useT();
  // The page behind the layout (overscroll, short pages) should be dark too.
  useEffect(() => {
    const previous = document.body.style.background;
    document.body.style.background = ZHI_PAGE_BACKGROUND;
    return () => {
      document.body.style.background = previous;
    };
  }, []);
  return (
    <AntdProvider theme={ZHI_THEME}>
      <Routes>
        <Route path="login" element={<LoginPage title={t('zhi.login.title')} subtitle={t('zhi.login.subtitle')} home="/zhi" allow={isStaff} languageSwitch />} />
        <Route
          element={
            <RequireAuth loginPath="/zhi/login" allow={isStaff}>
              <ZhiLayout />
            </RequireAuth>
          }
        >
          <Route index element={<DistrictDashboardPage />} />
          <Route path="rates" element={<RatesPage />} />
          <Route path="reductions" element={<ReductionsPage />} />
          <Route path="air" element={<AirDashboardPage />} />
          <Route path="*" element={<NotFoundPage home="/zhi" />} />
        </Route>
      </Routes>
    </AntdProvider>
  );
}

