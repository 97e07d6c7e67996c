import { Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useSession } from '../../identity/index.ts';
import { getHall } from '../api.ts';
import { hoursText } from '../labels.ts';
import { BookingCard } from '../components/BookingCard.tsx';
import { TakeTicketCard } from '../components/TakeTicketCard.tsx';

/** One hall (京通): hours, address, windows and their items; book a slot or take a ticket on arrival. */
export function HallPage({ basePath, loginPath }: { basePath: string; loginPath: string }) {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const [search] = useSearchParams();
  const { me } = useSession();
  const { data: hall, error, reload } = useAsync((signal) => getHall(id, signal), [id]);
  const back = <BackLink to={basePath} label={t('halls.title')} />;
  if (error) return <Flex vertical gap={8}>{back}<ErrorAlert error={error} onRetry={reload} /></Flex>;
  if (!hall) return <PageLoading />;
  const itemName = new Map(hall.items.map((i) => [i.code, i.name]));
  return (
    <Flex vertical gap={12} data-testid="hall-page" data-hall={hall.id}>
      {back}
      <Card
        title={<span data-testid="hall-name">{hall.name}</span>}
        extra={<Tag color={hall.openNow ? 'green' : 'default'} data-testid="hall-open" data-open={String(hall.openNow)}>{t(hall.openNow ? 'halls.openNow' : 'halls.closedNow')}</Tag>}
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'hours', label: t('halls.hours'), children: <span>{hoursText(t, hall.hours)}{hall.hours.note ? ` · ${hall.hours.note}` : ''}</span> },
            { key: 'address', label: t('halls.address'), children: hall.address },
            { key: 'unit', label: t('halls.unit'), children: hall.unit.name },
            ...(hall.phone ? [{ key: 'phone', label: t('halls.phone'), children: hall.phone }] : []),
          ]}
        />
        <Link to={`${basePath}/${encodeURIComponent(hall.id)}/screen`} data-testid="hall-screen-link">{t('halls.ticket.screen')}</Link>
      </Card>
      <Card title={t('halls.windows')} size="small">
        <List
          size="small"
          dataSource={hall.windows.filter((w) => w.active)}
          renderItem={(w) => (
            <List.Item data-testid={`hall-window-${w.number}`}>
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {t('halls.window.number', { n: w.number })} · {w.name} <Tag>{t(w.kind === 'general' ? 'halls.window.general' : 'halls.window.item')}</Tag>
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {w.kind === 'general' ? t('halls.window.allItems') : w.items.map((c) => itemName.get(c) ?? c).join('、')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      {me ? (
        <>
          <BookingCard hall={hall} mineLink={`${basePath}/mine`} />
          <TakeTicketCard hall={hall} ticketPath={(tid) => `${basePath}/tickets/${encodeURIComponent(tid)}`} initialCode={search.get('code') ?? undefined} />
        </>
      ) : (
        <Card>
          <Link to={loginPath} state={{ from: `${basePath}/${hall.id}` }} data-testid="hall-login">{t('tong.login.title')}</Link>
        </Card>
      )}
    </Flex>
  );
}
