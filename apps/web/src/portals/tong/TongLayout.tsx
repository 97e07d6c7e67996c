import { Suspense } from 'react';
import { Alert, Button } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.tsx';
import { PageLoading } from '../../shared/ui/PageLoading.tsx';
import { useSession } from '../../modules/identity/index.ts';
import './tong.css';

/** 京通 frame: a slim header (brand, language, account) over one narrow column. */
export function TongLayout() {
  const t = useT();
  const { me } = useSession();
  return (
    <>
      <header className="tong-header" data-testid="tong-header">
        <Link to="/" className="tong-brand" data-testid="tong-brand">
          <img src="/favicon.svg" alt="" width={26} height={26} />
          {t('portal.tong')}
        </Link>
        <LanguageSwitch ghost />
        <Link to={me ? '/me' : '/login'}>
          <Button size="small" ghost icon={<UserOutlined />} data-testid={me ? 'header-account' : 'header-login'}>
            {me ? t('tong.header.account') : t('login.submit')}
          </Button>
        </Link>
      </header>
      {me?.actingFor ? (
        <Alert banner type="info" title={t('account.actingFor', { name: me.actingFor.displayName })} data-testid="acting-banner-global" />
      ) : null}
      <main className="tong-shell">
        {/* Pages load lazily (the report page brings the map): keep the frame while they do. */}
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
        <footer className="tong-footer">
          {t('tong.footer')} · <Link to="/ban">{t('portal.ban')}</Link> · <Link to="/zhi">{t('portal.zhi')}</Link>
        </footer>
      </main>
    </>
  );
}
