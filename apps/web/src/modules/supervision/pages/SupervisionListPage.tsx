import { useState } from 'react';
import { Button, Card, Flex, Segmented, Tabs, Tag, type TableColumnsType } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { Countdown } from '../../../shared/ui/Countdown.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { ListTable } from '../../../shared/ui/ListTable.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { listTasks, type SupervisionTask } from '../api.ts';
import { ASSIGNMENT_STATUS_COLORS, ASSIGNMENT_STATUS_KEYS, isOpenTask, sourceName } from '../labels.ts';

type Role = 'assigned' | 'issued';
type Filter = 'open' | 'closed' | 'all';

/**
 * 督查督办 (京办): tasks assigned to my unit and — for supervisors — tasks
 * issued within my scope, open or closed, each with its units' progress.
 */
export function SupervisionListPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const manager = hasPermission(me, 'supervision.manage');
  const [role, setRole] = useState<Role>(manager ? 'issued' : 'assigned');
  const [filter, setFilter] = useState<Filter>('open');
  const { data, error, loading, reload } = useAsync((signal) => listTasks(role, filter, signal), [role, filter]);
  const rows = (data ?? []).filter((task) => filter === 'all' || isOpenTask(task) === (filter === 'open'));
  const open = (task: SupervisionTask) => `${basePath}/${encodeURIComponent(task.id)}`;

  const columns: TableColumnsType<SupervisionTask> = [
    { key: 'title', title: t('supervision.col.title'), render: (_: unknown, task) => <Link to={open(task)} onClick={(e) => e.stopPropagation()} data-testid="supervision-task" data-id={task.id}>{task.title}</Link> },
    { key: 'source', title: t('supervision.task.source'), render: (_: unknown, task) => sourceName(t, task.source), responsive: ['lg'] },
    { key: 'issuer', title: t('supervision.col.issuer'), render: (_: unknown, task) => task.issuerUnit.name, responsive: ['md'] },
    {
      key: 'due',
      title: t('supervision.col.due'),
      render: (_: unknown, task) => <>{formatInstant(task.dueAt, locale, timeZone)}<Countdown dueAt={task.dueAt} done={!isOpenTask(task)} /></>,
      responsive: ['sm'],
    },
    {
      key: 'units',
      title: t('supervision.col.units'),
      render: (_: unknown, task) => (
        <Flex wrap gap={4}>
          {task.assignments.map((a) => (
            <Tag key={a.id} color={ASSIGNMENT_STATUS_COLORS[a.status]}>
              {a.unit.name} · {t(ASSIGNMENT_STATUS_KEYS[a.status])}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={t('supervision.title')}
      data-testid="supervision-page"
      extra={
        manager ? (
          <Flex gap={8} wrap>
            <Link to={`${basePath}/stats`}>
              <Button icon={<BarChartOutlined />} data-testid="supervision-stats-link">{t('supervision.stats')}</Button>
            </Link>
            <Link to={`${basePath}/new`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="supervision-new">{t('supervision.new')}</Button>
            </Link>
          </Flex>
        ) : null
      }
    >
      <Tabs
        activeKey={role}
        onChange={(k) => setRole(k as Role)}
        items={[
          { key: 'assigned', label: <span data-testid="supervision-tab-assigned">{t('supervision.tab.assigned')}</span> },
          ...(manager ? [{ key: 'issued', label: <span data-testid="supervision-tab-issued">{t('supervision.tab.issued')}</span> }] : []),
        ]}
      />
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        data-testid="supervision-filter"
        style={{ marginBottom: 12 }}
        options={(['open', 'closed', 'all'] as const).map((f) => ({ value: f, label: t(`supervision.filter.${f}`) }))}
      />
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <ListTable<SupervisionTask> testId="supervision-table" rowKey="id" loading={loading} columns={columns} rows={rows} emptyText={t('supervision.empty')} onRowClick={(task) => navigate(open(task))} />
      )}
    </Card>
  );
}
