import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useSession } from '../session.tsx';
import type { Me } from '../api.ts';

/** Where the login page sends people back to after signing in. */
export interface ReturnState {
  from?: string;
}

/**
 * Shows `children` only to a signed-in account that `allow` accepts. Signed-out
 * visitors go to `loginPath` (and come back afterwards); a signed-in account of
 * the wrong kind (a resident in the staff portal) is told so and offered a switch.
 */
export function RequireAuth({ loginPath, allow, children }: { loginPath: string; allow?: (me: Me) => boolean; children: ReactNode }) {
  const { me, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const t = useT();

  if (me === undefined) return <PageLoading />;
  if (me === null) {
    const state: ReturnState = { from: location.pathname + location.search };
    return <Navigate to={loginPath} replace state={state} />;
  }
  if (allow && !allow(me)) {
    return (
      <Result
        status="403"
        title={t('auth.wrongPortal')}
        subTitle={t('auth.wrongPortalBody', { name: me.displayName })}
        extra={
          <Button type="primary" onClick={() => void logout().then(() => navigate(loginPath))}>
            {t('auth.switchAccount')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}

/** Staff portals (京办, 京智) are for staff accounts only. */
export const isStaff = (me: Me): boolean => me.kind === 'staff';
