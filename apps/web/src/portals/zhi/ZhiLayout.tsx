import { Suspense } from 'react';
import { Layout, Segmented, theme } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.tsx';
import { useScreen } from '../../shared/ui/useScreen.ts';
import { PageLoading } from '../../shared/ui/PageLoading.tsx';
import { AccountBadge } from '../../modules/identity/index.ts';

const VIEWS = [
  { path: '/zhi', label: 'zhi.nav.overview', testId: 'nav-zhi-overview' },
  { path: '/zhi/rates', label: 'zhi.nav.rates', testId: 'nav-zhi-rates' },
  { path: '/zhi/reductions', label: 'zhi.nav.reductions', testId: 'nav-zhi-reductions' },
  { path: '/zhi/air', label: 'zhi.nav.air', testId: 'nav-zhi-air' },
] as const;

/** 京智 frame: a dark dashboard (it runs on wall screens in command centres) with a slim header and a view switch. */
export function ZhiLayout() {
  const t = useT();
  const { token } = theme.useToken();
  const { wide } = useScreen();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = VIEWS.find((v) => v.path !== '/zhi' && pathname.startsWith(v.path))?.path ?? '/zhi';
  return (
    <Layout style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: '0 16px',
          // Three views, the language and the account do not fit one 375 px line: wrap on a phone.
          ...(wide ? {} : { flexWrap: 'wrap' as const, height: 'auto', rowGap: 6, padding: '8px 12px', lineHeight: 'normal' }),
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/zhi" style={{ color: token.colorText, fontWeight: 700, fontSize: 18, marginInlineEnd: 'auto', whiteSpace: 'nowrap' }} data-testid="zhi-title">
          {wide ? t('zhi.title') : t('portal.zhi')}
        </Link>
        <Segmented
          size="small"
          value={current}
          onChange={(path: string) => navigate(path)}
          options={VIEWS.map((v) => ({ value: v.path, label: <span data-testid={v.testId}>{t(v.label)}</span> }))}
        />
        <LanguageSwitch />
        <AccountBadge afterLogout="/zhi/login" />
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? 24 : 12 }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
