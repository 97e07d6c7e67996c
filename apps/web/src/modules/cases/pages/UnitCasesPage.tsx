import { useMemo, useState } from 'react';
import { Card, Flex, Select, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { Countdown } from '../../../shared/ui/Countdown.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { ListTable } from '../../../shared/ui/ListTable.tsx';
import { scopeOf, useSession } from '../../identity/index.ts';
import { UnitTreeSelect } from '../../org/index.ts';
import { listCases, type CaseStatus, type CaseSummary } from '../api.ts';
import { localName, STATUS_KEYS } from '../labels.ts';
import { CaseStatusTag } from '../components/CaseStatusTag.tsx';

const OPEN = new Set<CaseStatus>(['dispatched', 'signed', 'contacted']);

/**
 * 本单位案件 (京办): the cases the viewer's unit handles, filterable by status;
 * a row opens the case. Holders of `cases.read` pick any unit of their scope
 * (`unit-cases-unit`), their own by default.
 */
export function UnitCasesPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { me } = useSession();
  const own = me?.unit?.code ?? null;
  const scope = useMemo(() => scopeOf(me, 'cases.read'), [me]);
  const [unit, setUnit] = useState<string | null>(null);
  const other = unit !== null && unit !== own ? unit : undefined;
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined);
  const { data, error, loading, reload } = useAsync((signal) => listCases({ scope: 'unit', unit: other, status, limit: 200 }, signal), [other, status]);
  const open = (c: CaseSummary) => `${basePath}/${encodeURIComponent(c.id)}`;

  const columns: TableColumnsType<CaseSummary> = [
    { key: 'number', title: t('handling.col.number'), render: (_: unknown, c) => <Link to={open(c)} onClick={(e) => e.stopPropagation()} data-testid="unit-case" data-number={c.number}>{c.number}</Link> },
    { key: 'category', title: t('handling.col.category'), render: (_: unknown, c) => localName(c.category.name, locale) },
    { key: 'status', title: t('handling.col.status'), render: (_: unknown, c) => <CaseStatusTag status={c.status} /> },
    { key: 'place', title: t('handling.col.place'), render: (_: unknown, c) => c.street?.name ?? c.district?.name ?? '—', responsive: ['md'] },
    { key: 'created', title: t('handling.col.created'), render: (_: unknown, c) => formatInstant(c.createdAt, locale, timeZone), responsive: ['lg'] },
    {
      key: 'due',
      title: t('handling.col.due'),
      render: (_: unknown, c) => (c.resolveDueAt ? <>{formatInstant(c.resolveDueAt, locale, timeZone)}<Countdown dueAt={c.resolveDueAt} done={!OPEN.has(c.status)} /></> : '—'),
      responsive: ['sm'],
    },
  ];

  return (
    <Card
      title={t(other ? 'handling.unit.titleOther' : 'handling.unit.title')}
      extra={
        <Flex gap={8} wrap justify="end" style={{ padding: '8px 0' }}>
          {scope.length > 0 && own ? <UnitTreeSelect roots={scope} value={unit ?? own} onChange={setUnit} testId="unit-cases-unit" /> : null}
          <Select<CaseStatus | 'all'>
            data-testid="unit-cases-status"
            value={status ?? 'all'}
            style={{ minWidth: 130 }}
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            options={[{ value: 'all' as const, label: t('handling.unit.allStatuses') }, ...(Object.keys(STATUS_KEYS) as CaseStatus[]).map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))]}
          />
        </Flex>
      }
    >
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <ListTable<CaseSummary> testId="unit-cases-table" rowKey="id" loading={loading} columns={columns} rows={data} emptyText={t('handling.unit.empty')} onRowClick={(c) => navigate(open(c))} />
      )}
    </Card>
  );
}
