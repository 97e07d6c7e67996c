import { useEffect } from 'react';
import { Badge, Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { markAllRead, notifications } from '../api.ts';

/** 消息 (京通): notifications, newest first; opening the page marks them read. */
export function NotificationsPage() {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { data, error, reload } = useAsync((signal) => notifications(signal), []);
  useEffect(() => {
    if (data?.unread) void markAllRead();
  }, [data?.unread]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  return (
    <Flex vertical gap={8} data-testid="notifications" data-count={data.items.length}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('apps.notifications.title')}
      </Typography.Title>
      {data.items.length === 0 ? <Empty /> : null}
      {data.items.map((n) => (
        <Card key={n.id} size="small" data-testid="notification" data-kind={n.kind}>
          <Flex vertical gap={2}>
            <Flex gap={6} align="center">
              {n.readAt ? null : <Badge status="processing" />}
              {n.link ? <Link to={n.link}><Typography.Text strong>{n.title}</Typography.Text></Link> : <Typography.Text strong>{n.title}</Typography.Text>}
            </Flex>
            <Typography.Text>{n.body}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(n.createdAt, locale, timeZone)}</Typography.Text>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
