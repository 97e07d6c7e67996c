import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch.tsx';
import { useSession } from '../session.tsx';
import { LoginForm } from '../components/LoginForm.tsx';
import type { ReturnState } from '../components/RequireAuth.tsx';
import type { Me } from '../api.ts';

/**
 * A portal's sign-in page. After signing in, people return to the page that
 * sent them here, or to the portal's home.
 */
export function LoginPage({ title, subtitle, home, returnTo, allow, footer, languageSwitch = false }: {
  title: string;
  subtitle?: string;
  home: string;
  /** Which page it may send people back to; default: pages under `home`. */
  returnTo?: (path: string) => boolean;
  allow?: (me: Me) => boolean;
  footer?: ReactNode;
  /** Show the language switch on the card, for portals whose login page has no header. */
  languageSwitch?: boolean;
}) {
  const { me } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as ReturnState | null)?.from;
  const target = from && (returnTo ? returnTo(from) : from.startsWith(home)) ? from : home;

  if (me && (!allow || allow(me))) return <Navigate to={target} replace />;
  return (
    <Flex justify="center" style={{ padding: '24px 12px' }}>
      <Card style={{ width: '100%', maxWidth: 400 }} data-testid="login-card" extra={languageSwitch ? <LanguageSwitch /> : undefined}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
        <LoginForm onSuccess={() => navigate(target, { replace: true })} />
        {footer}
      </Card>
    </Flex>
  );
}
