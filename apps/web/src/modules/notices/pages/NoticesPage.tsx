import { Badge, Button, Card, type TableColumnsType } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { ListTable } from '../../../shared/ui/ListTable.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { listNotices, type Notice } from '../api.ts';
import { NoticeStateTag } from '../components/NoticeStateTag.tsx';

/** 通知公告 (京办): the notices addressed to me, unread ones marked; publishers also get the publish button. */
export function NoticesPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { data, error, loading, reload } = useAsync((signal) => listNotices(false, signal), []);
  const open = (n: Notice) => `${basePath}/${encodeURIComponent(n.id)}`;
  const columns: TableColumnsType<Notice> = [
    {
      key: 'title',
      title: t('notices.col.title'),
      render: (_: unknown, n) => (
        <Link to={open(n)} onClick={(e) => e.stopPropagation()} data-testid="notice-item" data-id={n.id} style={{ fontWeight: n.readAt ? 400 : 600 }}>
          {n.title}
        </Link>
      ),
    },
    { key: 'issuer', title: t('notices.col.issuer'), render: (_: unknown, n) => n.issuerUnit.name, responsive: ['md'] },
    { key: 'published', title: t('notices.col.published'), render: (_: unknown, n) => formatInstant(n.publishedAt, locale, timeZone), responsive: ['sm'] },
    { key: 'state', title: t('notices.col.state'), render: (_: unknown, n) => <NoticeStateTag notice={n} /> },
  ];
  return (
    <Card
      data-testid="notices-page"
      title={
        <span>
          {t('notices.title')}
          <Badge count={data?.unread ?? 0} style={{ marginInlineStart: 8 }} data-testid="notices-unread" data-count={data?.unread ?? ''} title={t('notices.unread', { n: data?.unread ?? 0 })} />
        </span>
      }
      extra={
        hasPermission(me, 'notices.publish') ? (
          <Link to={`${basePath}/new`}>
            <Button type="primary" icon={<NotificationOutlined />} data-testid="notices-publish">
              {t('notices.publish')}
            </Button>
          </Link>
        ) : null
      }
    >
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <ListTable<Notice> testId="notices-table" rowKey="id" loading={loading} columns={columns} rows={data?.items} emptyText={t('notices.empty')} onRowClick={(n) => navigate(open(n))} />
      )}
    </Card>
  );
}
