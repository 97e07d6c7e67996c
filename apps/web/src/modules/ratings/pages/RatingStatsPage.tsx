import { useState } from 'react';
import { Card, Flex, Segmented, Table, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { formatPercent } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { getStats, type StatsRow } from '../api.ts';

type By = 'item' | 'unit' | 'hall';

/** 好差评公示: satisfaction, bad reviews and rectification per item, unit or hall (public in 京通, also in 京办). */
export function RatingStatsPage({ within }: { within?: string }) {
  const { t, locale } = useI18n();
  const [by, setBy] = useState<By>('unit');
  const { data, error, loading, reload } = useAsync((signal) => getStats(by, within, signal), [by, within]);
  const pct = (v: number | null) => formatPercent(v, locale);
  return (
    <Flex vertical gap={12} data-testid="rating-stats" data-by={by}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ratings.stats.title')}
      </Typography.Title>
      <Segmented<By>
        value={by}
        onChange={setBy}
        data-testid="rating-stats-by"
        options={(['unit', 'hall', 'item'] as const).map((b) => ({ value: b, label: t(`ratings.stats.by.${b}`) }))}
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Card size="small">
        <Table<StatsRow>
          size="small"
          rowKey="key"
          loading={loading}
          pagination={false}
          scroll={{ x: true }}
          data-testid="rating-stats-table"
          dataSource={data?.items ?? []}
          onRow={(r) => ({ 'data-testid': `rating-stats-row-${r.key}`, 'data-count': r.count, 'data-bad': r.bad, 'data-rectified': r.rectified }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'name', title: t('ratings.stats.name'), dataIndex: 'name' },
            { key: 'count', title: t('ratings.stats.count'), dataIndex: 'count', align: 'right' },
            { key: 'rate', title: t('ratings.stats.rate'), align: 'right', render: (_, r) => pct(r.satisfactionRate) },
            { key: 'bad', title: t('ratings.stats.bad'), dataIndex: 'bad', align: 'right' },
            { key: 'rectified', title: t('ratings.stats.rectified'), align: 'right', render: (_, r) => pct(r.rectifiedShare) },
          ]}
          summary={() =>
            data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('ratings.stats.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{data.total.count}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{pct(data.total.satisfactionRate)}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{data.total.bad}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{pct(data.total.rectifiedShare)}</Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ratings.stats.note')}</Typography.Text>
    </Flex>
  );
}
