import { Layout, theme } from 'antd';
import { Link, Outlet } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.tsx';
import { useScreen } from '../../shared/ui/useScreen.ts';
import { AccountBadge } from '../../modules/identity/index.ts';

/** 京智 frame: a dark dashboard (it runs on wall screens in command centres) with a slim header. */
export function ZhiLayout() {
  const t = useT();
  const { token } = theme.useToken();
  const { wide } = useScreen();
  return (
    <Layout style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: '0 16px',
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/zhi" style={{ color: token.colorText, fontWeight: 700, fontSize: 18, marginInlineEnd: 'auto', whiteSpace: 'nowrap' }} data-testid="zhi-title">
          {wide ? t('zhi.title') : t('portal.zhi')}
        </Link>
        <LanguageSwitch />
        <AccountBadge afterLogout="/zhi/login" />
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? 24 : 12 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
