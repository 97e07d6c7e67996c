import type { HTMLAttributes } from 'react';
import { Table, Tag, type TableColumnsType } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { formatPercent } from '../../../shared/format.ts';
import type { RatesRow } from '../api.ts';

const MEDALS = ['gold', 'silver', 'orange'];

/**
 * The league table: rank (ties share one), unit, requests, the three rates
 * and the weighted score. Rows are `rates-row-<code>` with `data-rank`,
 * `data-cases` and `data-score`; a click calls `onPick`.
 */
export function RatesTable({ rows, loading, onPick }: { rows: RatesRow[]; loading: boolean; onPick(row: RatesRow): void }) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<RatesRow> = [
    {
      key: 'rank',
      title: t('rates.col.rank'),
      width: 64,
      render: (_: unknown, r) => (r.score === null ? '—' : r.rank <= 3 ? <Tag color={MEDALS[r.rank - 1]}>{r.rank}</Tag> : r.rank),
    },
    { key: 'unit', title: t('rates.col.unit'), render: (_: unknown, r) => <a>{r.unit.name}</a> },
    { key: 'cases', title: t('rates.col.cases'), dataIndex: 'cases', align: 'right' },
    { key: 'response', title: t('rates.col.response'), align: 'right', render: (_: unknown, r) => <span data-col="response">{formatPercent(r.responseRate, locale)}</span> },
    { key: 'resolution', title: t('rates.col.resolution'), align: 'right', render: (_: unknown, r) => <span data-col="resolution">{formatPercent(r.resolutionRate, locale)}</span> },
    { key: 'satisfaction', title: t('rates.col.satisfaction'), align: 'right', render: (_: unknown, r) => <span data-col="satisfaction">{formatPercent(r.satisfactionRate, locale)}</span> },
    {
      key: 'score',
      title: t('rates.col.score'),
      align: 'right',
      render: (_: unknown, r) => <strong data-col="score">{r.score === null ? '—' : r.score.toFixed(1)}</strong>,
    },
  ];
  return (
    <div data-testid="rates-table" data-loading={String(loading)} data-count={rows.length}>
      <Table<RatesRow>
        rowKey={(r) => r.unit.code}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({
          onClick: () => onPick(r),
          style: { cursor: 'pointer' },
          'data-testid': `rates-row-${r.unit.code}`,
          'data-rank': r.score === null ? '' : String(r.rank),
          'data-cases': String(r.cases),
          'data-score': r.score === null ? '' : String(r.score),
        }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
