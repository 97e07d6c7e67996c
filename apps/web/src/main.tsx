import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from './shared/i18n/index.ts';
import { AntdProvider } from './shared/ui/AntdProvider.tsx';
import { PageLoading } from './shared/ui/PageLoading.tsx';
import { SessionProvider } from './modules/identity/session.tsx';
import './shared/global.css';

// One chunk per portal: a resident opening 京通 on a phone never downloads the
// staff directory, MapLibre or ECharts.
const TongApp = lazy(() => import('./portals/tong/TongApp.tsx'));
const BanApp = lazy(() => import('./portals/ban/BanApp.tsx'));
const ZhiApp = lazy(() => import('./portals/zhi/ZhiApp.tsx'));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AntdProvider>
        <SessionProvider>
          <BrowserRouter>
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/ban/*" element={<BanApp />} />
                <Route path="/zhi/*" element={<ZhiApp />} />
                <Route path="/*" element={<TongApp />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntdProvider>
    </I18nProvider>
  </StrictMode>,
);
