import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { errorText } from '../../../shared/api/errors.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { announceWorkChanged } from '../../../shared/workChanged.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { acknowledge, getNotice, markRead } from '../api.ts';
import { NoticeStateTag } from '../components/NoticeStateTag.tsx';
import { NoticeReceipts } from '../components/NoticeReceipts.tsx';

/**
 * One notice. Opening it marks it read; a notice that requires it has a 签收
 * button until acknowledged. Publishers see who has read and acknowledged it.
 * Only recipients mark and acknowledge: for a publisher outside the target
 * the server answers `not_found`, and the page simply offers no button.
 */
export function NoticePage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const { id = '' } = useParams<{ id: string }>();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const notice = useAsync((signal) => getNotice(id, signal), [id]);
  const [recipient, setRecipient] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const n = notice.data;
  const { reload } = notice;
  // Mark each notice read once per visit, however often the page renders.
  const marked = useRef<string | null>(null);

  useEffect(() => {
    if (!n || marked.current === n.id) return;
    marked.current = n.id;
    if (n.readAt) {
      setRecipient(true);
      return;
    }
    markRead(n.id).then(
      () => {
        setRecipient(true);
        announceWorkChanged();
        reload();
      },
      (err: unknown) => setRecipient(err instanceof ApiError && err.code === 'not_found' ? false : null),
    );
  }, [n, reload]);

  async function ack() {
    setBusy(true);
    try {
      await acknowledge(id);
      announceWorkChanged();
      void message.success(t('notices.tag.acked'));
      reload();
      setRound((r) => r + 1);
    } catch (err) {
      void message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  const back = <BackLink to={basePath} label={t('notices.title')} />;
  if (notice.error) return <Flex vertical gap={8}>{back}<ErrorAlert error={notice.error} onRetry={notice.reload} /></Flex>;
  if (!n) return <PageLoading />;
  return (
    <Flex vertical gap={16} data-testid="notice-page">
      {back}
      <Card title={<span data-testid="notice-title">{n.title}</span>} extra={recipient === false ? null : <NoticeStateTag notice={n} />}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'issuer', label: t('notices.col.issuer'), children: n.issuerUnit.name },
            { key: 'published', label: t('notices.col.published'), children: formatInstant(n.publishedAt, locale, timeZone) },
            { key: 'to', label: t('notices.col.target'), children: n.target.name },
            ...(n.ackDueAt ? [{ key: 'due', label: t('notices.form.ackDueAt'), children: formatInstant(n.ackDueAt, locale, timeZone) }] : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }} data-testid="notice-body">
          {n.body}
        </Typography.Paragraph>
        {n.requiresAck && n.ackedAt ? (
          <Alert type="success" showIcon data-testid="notice-acked" title={t('notices.ackedAt', { at: formatInstant(n.ackedAt, locale, timeZone) })} />
        ) : n.requiresAck && recipient ? (
          <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void ack()} data-testid="notice-ack">
            {t('notices.ack')}
          </Button>
        ) : null}
      </Card>
      {hasPermission(me, 'notices.publish') ? <NoticeReceipts id={n.id} timeZone={timeZone} refresh={round} /> : null}
    </Flex>
  );
}
