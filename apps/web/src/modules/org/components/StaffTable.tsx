import { useState } from 'react';
import { Alert, Card, Switch, Table, type TableColumnsType } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { listStaff, type StaffMember } from '../api.ts';

/**
 * The people of a unit, optionally with its whole subtree. Units outside the
 * signed-in person's scope answer `not_found`; that is shown as "outside your
 * scope", not as an error.
 */
export function StaffTable({ code, unitName }: { code: string; unitName(code: string): string }) {
  const t = useT();
  const [subtree, setSubtree] = useState(false);
  const { data, error, loading, reload } = useAsync((signal) => listStaff(code, subtree, signal), [code, subtree]);

  const columns: TableColumnsType<StaffMember> = [
    { key: 'name', title: t('directory.col.name'), dataIndex: 'displayName' },
    { key: 'position', title: t('directory.col.position'), dataIndex: 'position', render: (v: string | null) => v ?? '—' },
    ...(subtree
      ? [{ key: 'unit', title: t('directory.col.unit'), dataIndex: 'unitCode', render: (c: string) => unitName(c), responsive: ['sm' as const] }]
      : []),
    { key: 'phone', title: t('directory.col.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
  ];

  const outOfScope = error instanceof ApiError && error.code === 'not_found';
  return (
    <Card
      title={t('directory.people')}
      extra={
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <Switch size="small" checked={subtree} onChange={setSubtree} data-testid="staff-subtree" />
          {t('directory.includeSubunits')}
        </label>
      }
    >
      {outOfScope ? (
        <Alert type="warning" showIcon title={t('directory.outOfScope')} data-testid="staff-out-of-scope" />
      ) : error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <div data-testid="staff-table" data-loading={loading ? 'true' : 'false'} data-count={data?.length ?? 0}>
          <Table<StaffMember>
            rowKey="id"
            size="small"
            loading={loading}
            columns={columns}
            dataSource={data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('directory.noPeople') }}
          />
        </div>
      )}
    </Card>
  );
}
