import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { cancelAppointment, myAppointments, myTickets } from '../api.ts';
import { reasonText } from '../labels.ts';

const APPT_COLORS = { booked: 'blue', checked_in: 'green', cancelled: 'default', expired: 'default' } as const;

/** 我的预约与取号 (京通): appointments (cancel, or take a ticket with the code) and tickets. */
export function MyHallsPage({ basePath }: { basePath: string }) {
  const t = useT();
  const { message } = App.useApp();
  const appts = useAsync((signal) => myAppointments(signal), []);
  const tickets = useAsync((signal) => myTickets(signal), []);
  const [busy, setBusy] = useState<string | null>(null);

  async function cancel(id: string, version: number) {
    setBusy(id);
    try {
      await cancelAppointment(id, version);
    } catch (err) {
      void message.error(reasonText(t, err));
    } finally {
      setBusy(null);
      appts.reload();
    }
  }

  return (
    <Flex vertical gap={12} data-testid="my-halls">
      <BackLink to={basePath} label={t('halls.title')} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('halls.mine.title')}
      </Typography.Title>
      <Card title={t('halls.mine.tickets')} size="small">
        {tickets.error ? <ErrorAlert error={tickets.error} onRetry={tickets.reload} /> : null}
        {tickets.loading && !tickets.data ? <PageLoading /> : null}
        {tickets.data?.length === 0 ? <Empty description={t('halls.mine.empty')} /> : null}
        <Flex vertical gap={8} data-testid="my-tickets" data-count={tickets.data?.length ?? 0}>
          {(tickets.data ?? []).map((x) => (
            <Link key={x.id} to={`${basePath}/tickets/${encodeURIComponent(x.id)}`} data-testid="my-ticket" data-label={x.label}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong style={{ fontSize: 18 }}>{x.label}</Typography.Text>
                <Tag>{t(`halls.ticket.status.${x.status}`)}</Tag>
                <Typography.Text type="secondary">{x.hall.name} · {x.date}</Typography.Text>
              </Flex>
            </Link>
          ))}
        </Flex>
      </Card>
      <Card title={t('halls.mine.appointments')} size="small">
        {appts.error ? <ErrorAlert error={appts.error} onRetry={appts.reload} /> : null}
        {appts.loading && !appts.data ? <PageLoading /> : null}
        {appts.data?.length === 0 ? <Empty description={t('halls.mine.empty')} /> : null}
        <Flex vertical gap={12} data-testid="my-appointments" data-count={appts.data?.length ?? 0}>
          {(appts.data ?? []).map((a) => (
            <Flex key={a.id} vertical gap={4} data-testid="my-appointment" data-status={a.status} data-code={a.code}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{a.hall.name}</Typography.Text>
                <Tag color={APPT_COLORS[a.status]}>{t(`halls.appt.status.${a.status}`)}</Tag>
              </Flex>
              <Typography.Text>
                {a.date} {a.start}–{a.end} · {t('halls.ticket.code')} <Typography.Text strong copyable>{a.code}</Typography.Text>
              </Typography.Text>
              {a.status === 'booked' ? (
                <Flex gap={8} wrap>
                  <Link to={`${basePath}/${encodeURIComponent(a.hall.id)}?code=${a.code}`} data-testid="appointment-take-ticket">
                    <Button type="primary" size="small">{t('halls.mine.takeTicket')}</Button>
                  </Link>
                  <Button size="small" danger loading={busy === a.id} onClick={() => void cancel(a.id, a.version)} data-testid="appointment-cancel">
                    {t('halls.mine.cancel')}
                  </Button>
                </Flex>
              ) : null}
            </Flex>
          ))}
        </Flex>
      </Card>
    </Flex>
  );
}
