import { Card, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { RatingPanel } from '../../ratings/index.ts';
import { getTicket } from '../api.ts';
import { usePoll } from '../hooks/usePoll.ts';

/**
 * 我的排队号 (京通): the number in large type, how many are ahead, then the
 * window called to; refreshed every few seconds. Once served, the visit is rated here (一次一评).
 */
export function TicketPage({ basePath }: { basePath: string }) {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const { data: ticket, error, reload } = useAsync((signal) => getTicket(id, signal), [id]);
  const live = ticket && ['waiting', 'called', 'serving'].includes(ticket.status);
  usePoll(live ? reload : noop, 3000);
  if (error && !ticket) return <ErrorAlert error={error} onRetry={reload} />;
  if (!ticket) return <PageLoading />;
  return (
    <Flex vertical gap={12} data-testid="ticket-page" data-status={ticket.status}>
      <BackLink to={`${basePath}/mine`} label={t('halls.mine.title')} />
      <Card style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{ticket.hall.name} · {t('halls.ticket.label')}</Typography.Text>
        <div data-testid="ticket-label" style={{ fontSize: 56, fontWeight: 800, letterSpacing: 4, lineHeight: 1.2 }}>
          {ticket.label}
        </div>
        <Flex justify="center" gap={8} style={{ marginBottom: 8 }}>
          <Tag>{t(`halls.ticket.kind.${ticket.kind}`)}</Tag>
          <Tag color={ticket.status === 'called' ? 'red' : ticket.status === 'finished' ? 'green' : 'blue'} data-testid="ticket-status">
            {t(`halls.ticket.status.${ticket.status}`)}
          </Tag>
        </Flex>
        {ticket.status === 'waiting' ? (
          <Typography.Title level={4} data-testid="ticket-ahead" data-ahead={ticket.ahead}>
            {t('halls.ticket.ahead', { n: ticket.ahead })}
          </Typography.Title>
        ) : null}
        {ticket.window && (ticket.status === 'called' || ticket.status === 'serving') ? (
          <Typography.Title level={3} type="danger" data-testid="ticket-window" data-window={ticket.window.number}>
            {t('halls.ticket.calledTo', { n: ticket.window.number, name: ticket.window.name })}
          </Typography.Title>
        ) : null}
        <Link to={`${basePath}/${encodeURIComponent(ticket.hall.id)}/screen`}>{t('halls.ticket.screen')}</Link>
      </Card>
      {ticket.status === 'finished' && ticket.visitId ? <RatingPanel kind="hall_visit" id={ticket.visitId} /> : null}
    </Flex>
  );
}

function noop() {}
