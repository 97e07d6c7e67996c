import { Button, Flex, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useScreen } from '../../../shared/ui/useScreen.ts';
import { useSession } from '../session.tsx';

/**
 * Who is signed in (name · unit) and a sign-out button, for staff portal
 * headers. On a phone only the button stays, to leave room for the title.
 */
export function AccountBadge({ afterLogout }: { afterLogout: string }) {
  const t = useT();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const { wide } = useScreen();
  if (!me) return null;
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      {wide ? (
        <Typography.Text ellipsis style={{ color: 'inherit', maxWidth: 260 }} data-testid="account-badge">
          {me.displayName}
          {me.unit ? ` · ${me.unit.name}` : ''}
        </Typography.Text>
      ) : null}
      <Button
        size="small"
        icon={<LogoutOutlined />}
        data-testid="logout"
        aria-label={t('common.logout')}
        onClick={() => void logout().then(() => navigate(afterLogout))}
      >
        {wide ? t('common.logout') : null}
      </Button>
    </Flex>
  );
}
