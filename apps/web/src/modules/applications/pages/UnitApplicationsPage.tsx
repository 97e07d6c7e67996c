import { useState } from 'react';
import { Button, Flex, Input, Segmented, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ListTable } from '../../../shared/ui/ListTable.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { useSession, hasPermission } from '../../identity/index.ts';
import { listApplications, type ApplicationSummary } from '../api.ts';
import { ClockTag, StatusTag } from '../components/bits.tsx';

/**
 * 办件 (京办): the applications of the units in scope, with traffic lights and
 * working days left; filters for open, overdue and all. Window clerks look a
 * visitor up by ID number or credit code and start an application for them.
 */
export function UnitApplicationsPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const navigate = useNavigate();
  const { me } = useSession();
  const clerk = hasPermission(me, 'halls.operate');
  const [filter, setFilter] = useState<'open' | 'overdue' | 'all'>('open');
  const [applicant, setApplicant] = useState('');
  const { data, error, loading, reload } = useAsync(
    (signal) => listApplications({ box: 'unit', status: filter === 'all' ? 'all' : 'open', ...(filter === 'overdue' ? { overdue: 'true' as const } : {}), ...(applicant ? { applicant } : {}) }, signal),
    [filter, applicant],
  );
  return (
    <Flex vertical gap={12} data-testid="unit-applications">
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('apps.unit.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Link to={`${basePath}/overdue`} data-testid="apps-overdue-link">
            <Button>{t('apps.overdue.title')}</Button>
          </Link>
          {clerk ? (
            <Link to={`${basePath}/new`} data-testid="apps-new">
              <Button type="primary">{t('apps.hall.new')}</Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <Flex gap={8} wrap>
        <Segmented value={filter} onChange={(v) => setFilter(v as typeof filter)} options={[{ value: 'open', label: t('apps.filter.open') }, { value: 'overdue', label: t('apps.filter.overdue') }, { value: 'all', label: t('apps.filter.all') }]} data-testid="apps-filter" />
        {clerk ? <Input.Search allowClear placeholder={t('apps.hall.lookup')} onSearch={(v) => setApplicant(v.trim())} style={{ maxWidth: 280 }} data-testid="apps-lookup" /> : null}
      </Flex>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <ListTable<ApplicationSummary>
        testId="unit-applications-table"
        rows={data}
        loading={loading}
        rowKey="id"
        emptyText={t('apps.unit.empty')}
        onRowClick={(r) => navigate(`${basePath}/${encodeURIComponent(r.id)}`)}
        columns={[
          { title: t('apps.field.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`${basePath}/${encodeURIComponent(r.id)}`} data-testid="unit-application" data-id={r.id} onClick={(e) => e.stopPropagation()}>{v}</Link> },
          { title: t('apps.field.item'), render: (_, r) => r.item.name },
          { title: t('apps.field.applicant'), dataIndex: 'applicantName' },
          { title: t('apps.field.status'), render: (_, r) => <StatusTag status={r.status} /> },
          { title: t('apps.field.step'), dataIndex: 'step' },
          { title: t('apps.field.clock'), render: (_, r) => <ClockTag clock={r} /> },
          { title: t('apps.field.unit'), render: (_, r) => r.unit.name },
          { title: t('apps.field.submittedAt'), render: (_, r) => formatInstant(r.submittedAt, locale, timeZone) },
        ]}
      />
    </Flex>
  );
}
