import { useState } from 'react';
import { Button, Card, Flex, Input, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { ListTable } from '../../../shared/ui/ListTable.tsx';
import { listAdminItems, type AdminItem } from '../api.ts';
import { StatusTag } from '../components/StatusTag.tsx';

const CODE = /^[A-Za-z0-9-]{3,64}$/;

/** 事项管理 (京办, services.manage): every catalogue item with its published and latest version; a new item by code. */
export function CatalogueAdminPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const [filter, setFilter] = useState('');
  const [newCode, setNewCode] = useState('');
  const { data, error, loading, reload } = useAsync((signal) => listAdminItems(signal), []);
  const needle = filter.trim().toLowerCase();
  const rows = (data ?? []).filter((r) => !needle || r.code.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle));
  const open = (code: string) => `${basePath}/${encodeURIComponent(code)}`;

  const columns: TableColumnsType<AdminItem> = [
    { key: 'code', title: t('services.admin.col.code'), render: (_: unknown, r) => <Link to={open(r.code)} onClick={(e) => e.stopPropagation()} data-testid="catalogue-item" data-code={r.code}>{r.code}</Link> },
    { key: 'name', title: t('services.admin.col.name'), dataIndex: 'name' },
    { key: 'department', title: t('services.admin.col.department'), dataIndex: 'department', responsive: ['lg'] },
    { key: 'published', title: t('services.admin.col.published'), render: (_: unknown, r) => (r.publishedVersion ? t('services.admin.version', { n: r.publishedVersion }) : t('services.admin.none')) },
    { key: 'latest', title: t('services.admin.col.latest'), render: (_: unknown, r) => <Space size={4}>{t('services.admin.version', { n: r.latestVersion })}<StatusTag status={r.latestStatus} /></Space> },
    { key: 'updated', title: t('services.admin.col.updated'), render: (_: unknown, r) => formatInstant(r.updatedAt, locale, timeZone), responsive: ['md'] },
  ];

  return (
    <Card
      title={t('services.admin.title')}
      data-testid="catalogue-page"
      extra={<Tag>{data ? rows.length : ''}</Tag>}
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('services.admin.filter')} onChange={(e) => setFilter(e.target.value)} style={{ maxWidth: 280 }} data-testid="catalogue-filter" />
        <Space.Compact>
          <Input placeholder={t('services.admin.newCode')} value={newCode} onChange={(e) => setNewCode(e.target.value.trim())} style={{ width: 180 }} data-testid="catalogue-new-code" />
          <Button icon={<PlusOutlined />} disabled={!CODE.test(newCode)} onClick={() => navigate(`${open(newCode)}?new=1`)} data-testid="catalogue-new">
            {t('services.admin.new')}
          </Button>
        </Space.Compact>
      </Flex>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <ListTable<AdminItem> testId="catalogue-table" rowKey="code" loading={loading} columns={columns} rows={rows} emptyText={t('services.results.empty')} onRowClick={(r) => navigate(open(r.code))} />
      )}
    </Card>
  );
}
