import { Card, Result, Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { formatPercent } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { getStats, type UnitStats } from '../api.ts';

/** 督办统计 (supervisors): per assigned unit within the officer's unit — assigned, open, overdue, closed, on time, scores. */
export function SupervisionStatsPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const allowed = hasPermission(me, 'supervision.manage');
  const { data, error, loading, reload } = useAsync((signal) => (allowed ? getStats(undefined, signal) : Promise.resolve([])), [allowed]);
  if (!allowed) return <Result status="403" title={t('supervision.forbidden')} />;
  const num = (key: keyof UnitStats, title: Parameters<typeof t>[0]) => ({ key, title: t(title), dataIndex: key, align: 'right' as const });
  const columns: TableColumnsType<UnitStats> = [
    { key: 'unit', title: t('supervision.stats.unit'), render: (_: unknown, r) => r.unit.name },
    num('assigned', 'supervision.stats.assigned'),
    num('open', 'supervision.stats.open'),
    num('overdue', 'supervision.stats.overdue'),
    num('closed', 'supervision.stats.closed'),
    num('closedOnTime', 'supervision.stats.closedOnTime'),
    { key: 'onTimeRate', title: t('supervision.stats.onTimeRate'), align: 'right', render: (_: unknown, r) => formatPercent(r.onTimeRate, locale) },
    { key: 'averageScore', title: t('supervision.stats.averageScore'), align: 'right', render: (_: unknown, r) => (r.averageScore === null ? '—' : r.averageScore.toFixed(1)) },
    num('escalations', 'supervision.stats.escalations'),
  ];
  return (
    <Card title={t('supervision.stats')}>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <div data-testid="supervision-stats" data-loading={String(loading)} data-count={data?.length ?? 0}>
          <Table<UnitStats> rowKey={(r) => r.unit.code} size="small" loading={loading} columns={columns} dataSource={data ?? []} pagination={false} scroll={{ x: 'max-content' }} />
        </div>
      )}
    </Card>
  );
}
