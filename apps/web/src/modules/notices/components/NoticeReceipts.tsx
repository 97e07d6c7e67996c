import { Card, Flex, Statistic, Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { getUnit } from '../../org/index.ts';
import { getReceipts, type Receipts } from '../api.ts';

type Receipt = Receipts['items'][number];

/**
 * 阅读与签收情况 (publishers): how many recipients read and acknowledged the
 * notice, and who. `notice-receipts` with `data-recipients`, `data-read`, `data-acked`.
 * A notice outside the viewer's publishing scope shows nothing.
 */
export function NoticeReceipts({ id, timeZone, refresh }: { id: string; timeZone: string; refresh: number }) {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useAsync((signal) => getReceipts(id, signal), [id, refresh]);
  // Receipts name units by code; a notice reaches a handful of units, so look their names up.
  const codes = [...new Set((data?.items ?? []).map((r) => r.unitCode))].sort();
  const names = useAsync(
    async (signal) => new Map(await Promise.all(codes.map(async (c) => [c, (await getUnit(c, signal)).name] as const))),
    [codes.join(',')],
  );
  if (error instanceof ApiError && error.code === 'not_found') return null;
  const at = (v: string | null) => (v ? formatInstant(v, locale, timeZone) : '—');
  const columns: TableColumnsType<Receipt> = [
    { key: 'name', title: t('notices.receipts.name'), dataIndex: 'displayName' },
    { key: 'unit', title: t('notices.receipts.unit'), render: (_: unknown, r) => names.data?.get(r.unitCode) ?? r.unitCode, responsive: ['md'] },
    { key: 'read', title: t('notices.receipts.readAt'), render: (_: unknown, r) => at(r.readAt) },
    { key: 'acked', title: t('notices.receipts.ackedAt'), render: (_: unknown, r) => at(r.ackedAt) },
  ];
  return (
    <Card title={t('notices.receipts.title')}>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <div data-testid="notice-receipts" data-loading={String(loading)} data-recipients={data?.recipients ?? ''} data-read={data?.read ?? ''} data-acked={data?.acked ?? ''}>
          <Flex gap={32} wrap style={{ marginBottom: 12 }}>
            <Statistic title={t('notices.receipts.recipientsLabel')} value={data?.recipients ?? 0} loading={loading} />
            <Statistic title={t('notices.tag.read')} value={data?.read ?? 0} loading={loading} />
            <Statistic title={t('notices.tag.acked')} value={data?.acked ?? 0} loading={loading} />
          </Flex>
          <Table<Receipt> rowKey="accountId" size="small" loading={loading} columns={columns} dataSource={data?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />
        </div>
      )}
    </Card>
  );
}
