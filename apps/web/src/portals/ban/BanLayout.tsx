import { useState } from 'react';
import { Button, Drawer, Layout, Menu, theme, type MenuProps } from 'antd';
import { AuditOutlined, MenuOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.tsx';
import { useScreen } from '../../shared/ui/useScreen.ts';
import { AccountBadge, hasPermission, useSession } from '../../modules/identity/index.ts';

/**
 * 京办 frame: a side menu (on phones, a drawer opened from the header), and a
 * header with language switch and account. Menu entries follow permissions:
 * the audit log appears only with `audit.read`.
 */
export function BanLayout() {
  const t = useT();
  const { me } = useSession();
  const { pathname } = useLocation();
  const { wide } = useScreen();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  const items: MenuProps['items'] = [
    { key: 'directory', icon: <TeamOutlined />, label: <Link to="/ban/directory" data-testid="nav-directory">{t('ban.menu.directory')}</Link> },
    ...(hasPermission(me, 'audit.read')
      ? [{ key: 'audit', icon: <AuditOutlined />, label: <Link to="/ban/audit" data-testid="nav-audit">{t('ban.menu.audit')}</Link> }]
      : []),
  ];
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[pathname.split('/')[2] ?? 'directory']}
      items={items}
      data-testid="ban-menu"
      style={{ borderInlineEnd: 'none' }}
      onClick={() => setDrawerOpen(false)}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 700, fontSize: 18, color: token.colorPrimary }}>
            {collapsed ? t('portal.ban.short') : t('portal.ban')}
          </div>
          {menu}
        </Layout.Sider>
      ) : (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('portal.ban')} size={240} styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            padding: wide ? '0 16px' : '0 12px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {wide ? null : (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('ban.menu.open')} onClick={() => setDrawerOpen(true)} data-testid="ban-menu-button" />
          )}
          <span style={{ fontWeight: 600, marginInlineEnd: 'auto', whiteSpace: 'nowrap' }} data-testid="ban-title">
            {t('ban.title')}
          </span>
          <LanguageSwitch />
          <AccountBadge afterLogout="/ban/login" />
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
