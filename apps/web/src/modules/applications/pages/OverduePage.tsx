import { Card, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { getOverdue } from '../api.ts';
import { ClockTag } from '../components/bits.tsx';

/** 超期办件 (京办): open, overdue and paused applications counted per implementing unit, and the overdue ones. */
export function OverduePage({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useAsync((signal) => getOverdue(signal), []);
  if (error) return <ErrorAlert error={error} onRetry={reload} testId="overdue-error" />;
  if (!data) return <PageLoading />;
  return (
    <Flex vertical gap={12} data-testid="overdue-page">
      <BackLink to={basePath} label={t('common.back')} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('apps.overdue.title')}
      </Typography.Title>
      <Card size="small" title={t('apps.overdue.perUnit')}>
        <Table
          size="small"
          rowKey={(r) => r.unit.code}
          pagination={false}
          dataSource={data.units}
          data-testid="overdue-units"
          onRow={(r) => ({ 'data-testid': `overdue-unit-${r.unit.code}`, 'data-overdue': r.overdue }) as never}
          columns={[
            { title: t('apps.field.unit'), render: (_, r) => r.unit.name },
            { title: t('apps.overdue.open'), dataIndex: 'open' },
            { title: t('apps.overdue.overdue'), dataIndex: 'overdue' },
            { title: t('apps.overdue.paused'), dataIndex: 'paused' },
          ]}
        />
      </Card>
      <Card size="small" title={t('apps.overdue.items')}>
        <Flex vertical gap={6} data-testid="overdue-items" data-count={data.items.length}>
          {data.items.map((a) => (
            <Flex key={a.id} gap={8} align="center" wrap>
              <Link to={`${basePath}/${encodeURIComponent(a.id)}`}>{a.number}</Link>
              <span>{a.item.name}</span>
              <span>{a.unit.name}</span>
              <ClockTag clock={a} />
            </Flex>
          ))}
        </Flex>
      </Card>
    </Flex>
  );
}
