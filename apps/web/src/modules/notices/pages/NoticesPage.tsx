import { useState } from 'react';
import { Badge, Button, Card, Flex, Segmented, Typography, type TableColumnsType } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { ListTable } from '../../../shared/ui/ListTable.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { listNotices, listPublished, type Notice, type PublishedNotice } from '../api.ts';
import { NoticeStateTag } from '../components/NoticeStateTag.tsx';

type Box = 'received' | 'published';

/**
 * 通知公告 (京办): the notices addressed to me, unread ones marked; publishers
 * also get the publish button and 我发布的, their own notices with how many
 * recipients have read and acknowledged each.
 */
export function NoticesPage({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const publisher = hasPermission(me, 'notices.publish');
  const [box, setBox] = useState<Box>('received');
  const { data, error, loading, reload } = useAsync((signal) => listNotices(false, signal), []);
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
        publisher ? (
          <Link to={`${basePath}/new`}>
            <Button type="primary" icon={<NotificationOutlined />} data-testid="notices-publish">
              {t('notices.publish')}
            </Button>
          </Link>
        ) : null
      }
    >
      {publisher ? (
        <Segmented<Box>
          data-testid="notices-box"
          style={{ marginBottom: 12 }}
          value={box}
          onChange={setBox}
          options={[
            { value: 'received', label: <span data-testid="notices-box-received">{t('notices.box.received')}</span> },
            { value: 'published', label: <span data-testid="notices-box-published">{t('notices.box.published')}</span> },
          ]}
        />
      ) : null}
      {box === 'published' ? (
        <PublishedList basePath={basePath} />
      ) : error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <ReceivedList basePath={basePath} items={data?.items} loading={loading} />
      )}
    </Card>
  );
}

function ReceivedList({ basePath, items, loading }: { basePath: string; items: Notice[] | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
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
  return <ListTable<Notice> testId="notices-table" rowKey="id" loading={loading} columns={columns} rows={items} emptyText={t('notices.empty')} onRowClick={(n) => navigate(open(n))} />;
}

/** 我发布的: my notices, with 已读 x/y and (when required) 已签收 z/y; a row opens the notice and its receipts. */
function PublishedList({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { data, error, loading, reload } = useAsync((signal) => listPublished(signal), []);
  const open = (n: PublishedNotice) => `${basePath}/${encodeURIComponent(n.id)}`;
  const columns: TableColumnsType<PublishedNotice> = [
    {
      key: 'title',
      title: t('notices.col.title'),
      render: (_: unknown, n) => (
        <Link to={open(n)} onClick={(e) => e.stopPropagation()} data-testid="notice-published-item" data-id={n.id}>
          {n.title}
        </Link>
      ),
    },
    { key: 'target', title: t('notices.col.target'), render: (_: unknown, n) => n.target.name, responsive: ['md'] },
    { key: 'published', title: t('notices.col.published'), render: (_: unknown, n) => formatInstant(n.publishedAt, locale, timeZone), responsive: ['sm'] },
    {
      key: 'progress',
      title: t('notices.col.progress'),
      render: (_: unknown, n) => (
        <Flex vertical data-testid="notice-progress" data-id={n.id} data-recipients={n.recipients} data-read={n.read} data-acked={n.acked}>
          <Typography.Text>{t('notices.progress.read', { n: n.read, of: n.recipients })}</Typography.Text>
          {n.requiresAck ? <Typography.Text type={n.acked < n.recipients ? 'warning' : 'success'}>{t('notices.progress.acked', { n: n.acked, of: n.recipients })}</Typography.Text> : null}
        </Flex>
      ),
    },
  ];
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  return <ListTable<PublishedNotice> testId="notices-published-table" rowKey="id" loading={loading} columns={columns} rows={data?.items} emptyText={t('notices.publishedEmpty')} onRowClick={(n) => navigate(open(n))} />;
}
