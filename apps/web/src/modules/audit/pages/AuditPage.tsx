import { Card, Flex, Result, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant, shortHash } from '../../../shared/format.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { listEntries, type AuditEntry } from '../api.ts';
import { VerifyChain } from '../components/VerifyChain.tsx';

/**
 * 审计日志: the newest entries of the hash-chained audit log in the viewer's
 * scope, each expandable to its before/after, and the chain check.
 * Needs `audit.read`; the menu hides the page from others, and this guard
 * covers a typed-in URL.
 */
export function AuditPage() {
  const { t } = useI18n();
  const { me } = useSession();
  if (!hasPermission(me, 'audit.read')) return <Result status="403" title={t('errors.forbidden')} data-testid="audit-forbidden" />;
  return (
    <Flex vertical gap={16} data-testid="audit-page">
      <Card title={t('audit.title')}>
        <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
        <VerifyChain />
      </Card>
      <AuditTable />
    </Flex>
  );
}

function AuditTable() {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { data, error, loading, reload } = useAsync((signal) => listEntries(50, signal), []);

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'seq', title: t('audit.col.seq'), dataIndex: 'seq', width: 72 },
    { key: 'at', title: t('audit.col.at'), dataIndex: 'at', render: (at: string) => formatInstant(at, locale, timeZone) },
    { key: 'action', title: t('audit.col.action'), dataIndex: 'action', render: (a: string) => <Tag>{a}</Tag> },
    {
      key: 'target',
      title: t('audit.col.target'),
      render: (_: unknown, e) => (
        <span title={`${e.targetType}:${e.targetId}`}>
          {e.targetType}:{shortId(e.targetId)}
        </span>
      ),
      responsive: ['md'],
    },
    {
      key: 'actor',
      title: t('audit.col.actor'),
      render: (_: unknown, e) => (
        <span title={[e.actorId, e.onBehalfOfId].filter(Boolean).join(' → ')}>
          {e.actorId ? shortId(e.actorId) : t('audit.system')}
          {e.onBehalfOfId ? ` ${t('audit.onBehalfOf', { id: shortId(e.onBehalfOfId) })}` : ''}
        </span>
      ),
      responsive: ['sm'],
    },
    { key: 'unit', title: t('audit.col.unit'), dataIndex: 'unitCode', render: (c: string | null) => c ?? '—', responsive: ['lg'] },
    {
      key: 'hash',
      title: t('audit.col.hash'),
      dataIndex: 'hash',
      render: (h: string) => <code title={h}>{shortHash(h)}</code>,
      responsive: ['lg'],
    },
  ];

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  return (
    <Card>
      <div data-testid="audit-table" data-count={data?.length ?? 0} data-loading={String(loading)}>
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          expandable={{ expandedRowRender: (e) => <ChangeView entry={e} /> }}
        />
      </div>
    </Card>
  );
}

/** Account ids are UUIDs: eight characters tell them apart on screen; the full id is in the tooltip. */
function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id;
}

/** What changed: the stored before/after images, as JSON. */
function ChangeView({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const block = (label: string, value: unknown) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, margin: 0 }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
  return (
    <Flex gap={16} wrap>
      {block(t('audit.before'), entry.before)}
      {block(t('audit.after'), entry.after)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.requestId', { id: entry.requestId ?? '—' })} · {entry.hash}
      </Typography.Text>
    </Flex>
  );
}
