import { Suspense, useState, type ReactNode } from 'react';
import { Badge, Button, Drawer, Layout, Menu, theme, type MenuProps } from 'antd';
import { AlertOutlined, AppstoreOutlined, AuditOutlined, BankOutlined, CheckSquareOutlined, ExperimentOutlined, FileDoneOutlined, FileSearchOutlined, FlagOutlined, LikeOutlined, MenuOutlined, NotificationOutlined, PhoneOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.tsx';
import { useScreen } from '../../shared/ui/useScreen.ts';
import { PageLoading } from '../../shared/ui/PageLoading.tsx';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { AccountBadge, hasPermission, useSession } from '../../modules/identity/index.ts';
import { useInboxBadge } from '../../modules/inbox/index.ts';
import { useUnreadNotices } from '../../modules/notices/index.ts';

/** One menu entry: a link with a test id `nav-<key>` and, optionally, a count badge `nav-<key>-badge`. */
function entry(key: string, icon: ReactNode, label: MessageKey, t: (k: MessageKey) => string, badge?: { count: number | null; color?: string }) {
  return {
    key,
    icon,
    label: (
      <Link to={`/ban/${key}`} data-testid={`nav-${key}`}>
        {t(label)}
        {badge ? (
          <Badge
            count={badge.count ?? 0}
            color={badge.color}
            size="small"
            style={{ marginInlineStart: 8 }}
            data-testid={`nav-${key}-badge`}
            data-count={badge.count ?? ''}
          />
        ) : null}
      </Link>
    ),
  };
}

/**
 * 京办 frame: a side menu (on phones, a drawer opened from the header), and a
 * header with language switch and account. Menu entries follow permissions
 * (the 12345 console needs `cases.intake`, the audit log `audit.read`); the
 * inbox shows how many items are red or yellow, notices how many are unread.
 */
export function BanLayout() {
  const t = useT();
  const { me } = useSession();
  const { pathname } = useLocation();
  const { wide } = useScreen();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  const urgent = useInboxBadge();
  const unread = useUnreadNotices();

  const items: MenuProps['items'] = [
    entry('inbox', <CheckSquareOutlined />, 'ban.menu.inbox', t, { count: urgent, color: token.colorError }),
    entry('cases', <FileSearchOutlined />, 'ban.menu.cases', t),
    ...(hasPermission(me, 'cases.intake') ? [entry('hotline', <PhoneOutlined />, 'ban.menu.hotline', t)] : []),
    ...(hasPermission(me, 'applications.read') || hasPermission(me, 'applications.process') ? [entry('applications', <FileDoneOutlined />, 'ban.menu.applications', t)] : []),
    entry('supervision', <FlagOutlined />, 'ban.menu.supervision', t),
    entry('notices', <NotificationOutlined />, 'ban.menu.notices', t, { count: unread, color: token.colorPrimary }),
    ...(hasPermission(me, 'services.manage') ? [entry('catalogue', <AppstoreOutlined />, 'ban.menu.catalogue', t)] : []),
    ...(hasPermission(me, 'halls.operate') ? [entry('hall-console', <BankOutlined />, 'halls.menu.console', t)] : []),
    ...(hasPermission(me, 'halls.manage') ? [entry('hall-admin', <SettingOutlined />, 'halls.menu.admin', t)] : []),
    entry('ratings', <LikeOutlined />, 'ratings.menu', t),
    entry('air/alerts', <AlertOutlined />, 'ban.menu.airAlerts', t),
    entry('air/measures', <ExperimentOutlined />, 'ban.menu.airMeasures', t),
    entry('directory', <TeamOutlined />, 'ban.menu.directory', t),
    ...(hasPermission(me, 'audit.read') ? [entry('audit', <AuditOutlined />, 'ban.menu.audit', t)] : []),
  ];
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[pathname.startsWith('/ban/air/') ? pathname.split('/').slice(2, 4).join('/') : pathname.split('/')[2] || 'inbox']}
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
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
