import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { listHalls } from '../api.ts';
import { hoursText } from '../labels.ts';

/** 政务服务大厅 (京通): every hall with its level, hours and whether it is open now. */
export function HallsPage({ basePath }: { basePath: string }) {
  const t = useT();
  const { data, error, loading, reload } = useAsync((signal) => listHalls(undefined, signal), []);
  return (
    <Flex vertical gap={12} data-testid="halls-page">
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('halls.title')}
        </Typography.Title>
        <Link to={`${basePath}/mine`} data-testid="halls-mine-link">
          {t('halls.mine.title')}
        </Link>
      </Flex>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {loading && !data ? <PageLoading /> : null}
      {data && data.length === 0 ? <Empty description={t('halls.list.empty')} /> : null}
      <Flex vertical gap={8} data-testid="halls-list" data-count={data?.length ?? 0}>
        {(data ?? []).map((h) => (
          <Link key={h.id} to={`${basePath}/${encodeURIComponent(h.id)}`} data-testid={`hall-${h.id}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Flex align="center" gap={8}>
                <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{h.name}</Typography.Text>
                    <Tag>{t(`halls.level.${h.level}`)}</Tag>
                    <Tag color={h.openNow ? 'green' : 'default'}>{t(h.openNow ? 'halls.openNow' : 'halls.closedNow')}</Tag>
                  </Flex>
                  <Typography.Text type="secondary" ellipsis>
                    <EnvironmentOutlined /> {h.address}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {hoursText(t, h.hours)}
                  </Typography.Text>
                </Flex>
                <RightOutlined style={{ opacity: 0.45 }} />
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </Flex>
  );
}
