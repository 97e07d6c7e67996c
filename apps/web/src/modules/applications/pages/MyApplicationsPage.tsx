import { Badge, Button, Card, Empty, Flex, Typography } from 'antd';
import { BellOutlined, IdcardOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { listApplications, notifications } from '../api.ts';
import { ClockTag, StatusTag } from '../components/bits.tsx';

/** 我的办件 (京通): every application, newest first, with its status and clock. */
export function MyApplicationsPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { data, error, loading, reload } = useAsync((signal) => listApplications({ box: 'mine' }, signal), []);
  const unread = useAsync((signal) => notifications(signal), []);
  return (
    <Flex vertical gap={12} data-testid="my-applications">
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('apps.mine.title')}
        </Typography.Title>
        <Flex gap={8}>
          <Link to="/notifications">
            <Badge count={unread.data?.unread ?? 0} size="small" data-testid="notifications-unread" data-count={unread.data?.unread ?? 0}>
              <Button icon={<BellOutlined />}>{t('apps.notifications.title')}</Button>
            </Badge>
          </Link>
          <Link to="/wallet">
            <Button icon={<IdcardOutlined />} data-testid="wallet-link">
              {t('apps.wallet.title')}
            </Button>
          </Link>
        </Flex>
      </Flex>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {loading && !data ? <PageLoading /> : null}
      {data && data.length === 0 ? (
        <Card>
          <Empty description={t('apps.mine.empty')} />
        </Card>
      ) : null}
      <div data-testid="my-applications-list" data-count={data?.length ?? 0}>
        <Flex vertical gap={8}>
          {(data ?? []).map((a) => (
            <Link key={a.id} to={`${basePath}/${encodeURIComponent(a.id)}`} data-testid="my-application" data-number={a.number} style={{ color: 'inherit' }}>
              <Card size="small" hoverable>
                <Flex align="center" gap={8}>
                  <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text strong>{a.item.name}</Typography.Text>
                      <StatusTag status={a.status} />
                      <ClockTag clock={a} />
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.number} · {a.unit.name} · {formatInstant(a.submittedAt, locale, timeZone)}
                    </Typography.Text>
                  </Flex>
                  <RightOutlined style={{ opacity: 0.45 }} />
                </Flex>
              </Card>
            </Link>
          ))}
        </Flex>
      </div>
    </Flex>
  );
}
