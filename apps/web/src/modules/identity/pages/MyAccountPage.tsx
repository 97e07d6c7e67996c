import { Alert, Button, Card, Collapse, Descriptions, Empty, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import { LogoutOutlined, ShopOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useSession } from '../session.tsx';
import { ActAsSwitch } from '../components/ActAsSwitch.tsx';
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';

/**
 * 我的: who is signed in (identity number masked), the businesses the person
 * represents, the 代理 switch, password change and sign-out.
 * Render inside {@link RequireAuth}; `afterLogout` must be a public page.
 */
export function MyAccountPage({ afterLogout }: { afterLogout: string }) {
  const t = useT();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  if (!me) return null;
  const businesses = me.canActFor.filter((p) => p.kind === 'business');
  const details: DescriptionsProps['items'] = [
    { key: 'username', label: t('account.username'), children: me.username },
    { key: 'kind', label: t('account.kind'), children: <Tag>{t(`account.kind.${me.kind}` as const)}</Tag> },
    ...(me.idNumberMasked
      ? [
          {
            key: 'idNumber',
            label: t('account.idNumber'),
            children: (
              <span data-testid="account-id-number" style={{ fontFamily: 'monospace' }}>
                {me.idNumberMasked}
              </span>
            ),
          },
        ]
      : []),
    ...(me.unit ? [{ key: 'unit', label: t('account.unit'), children: me.unit.name }] : []),
    ...(me.position ? [{ key: 'position', label: t('account.position'), children: me.position }] : []),
  ];

  return (
    <Flex vertical gap={16} data-testid="account-page">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="account-name">
          {me.displayName}
        </Typography.Title>
        {me.actingFor ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="acting-banner"
            title={t('account.actingFor', { name: me.actingFor.displayName })}
          />
        ) : null}
        <Descriptions column={1} size="small" items={details} />
      </Card>

      <Card title={t('account.businesses')} data-testid="account-businesses">
        {businesses.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('account.noBusinesses')} />
        ) : (
          <Flex vertical gap={8}>
            {businesses.map((b) => (
              <Flex key={b.id} gap={8} align="center" data-testid="account-business">
                <ShopOutlined />
                <span>{b.displayName}</span>
                {me.actingFor?.id === b.id ? <Tag color="blue">{t('account.current')}</Tag> : null}
              </Flex>
            ))}
          </Flex>
        )}
        {me.canActFor.length > 0 ? (
          <div style={{ marginTop: 16 }}>
            <Typography.Text strong>{t('account.actAs')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('account.actAsHint')}
            </Typography.Paragraph>
            <ActAsSwitch />
          </div>
        ) : null}
      </Card>

      <Collapse items={[{ key: 'password', label: t('account.changePassword'), children: <ChangePasswordForm /> }]} />

      <Button
        danger
        block
        size="large"
        icon={<LogoutOutlined />}
        data-testid="logout"
        onClick={() => {
          // Leave first: signed out on this guarded page, the guard would send us to the login page instead.
          navigate(afterLogout);
          void logout();
        }}
      >
        {t('common.logout')}
      </Button>
    </Flex>
  );
}
