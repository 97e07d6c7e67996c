import { useState } from 'react';
import { Alert, Button, Card, Flex, Radio, Select, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { dayInZone } from '../../../shared/time.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { book, getSlots, type Appointment, type Hall } from '../api.ts';
import { nextDays, reasonText } from '../labels.ts';

/**
 * 预约办事: pick a day (today up to the hall's booking window), an optional
 * item and a slot with seats left; the answer is the appointment code shown
 * at arrival. A slot filled meanwhile answers 409 and the slots reload.
 */
export function BookingCard({ hall, mineLink }: { hall: Hall; mineLink: string }) {
  const t = useT();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const days = nextDays(dayInZone(new Date(), timeZone), hall.bookingDays);
  const [date, setDate] = useState(days[0]!);
  const [item, setItem] = useState<string | undefined>(undefined);
  const [start, setStart] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<Appointment | null>(null);
  const slots = useAsync((signal) => getSlots(hall.id, date, signal), [hall.id, date]);

  async function submit() {
    if (!start) return;
    setBusy(true);
    setFailure(null);
    try {
      setDone(await book(hall.id, { date, start, ...(item ? { itemCode: item } : {}) }));
    } catch (err) {
      setFailure(err);
      slots.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('halls.book.title')} data-testid="booking-card">
      {done ? (
        <Flex vertical gap={8}>
          <Alert type="success" showIcon title={t('halls.book.done', { code: done.code })} data-testid="booking-done" />
          <Typography.Text copyable={{ text: done.code }} style={{ fontSize: 28, fontWeight: 700, letterSpacing: 4 }} data-testid="booking-code">
            {done.code}
          </Typography.Text>
          <Typography.Text type="secondary">
            {done.date} {done.start}–{done.end}
          </Typography.Text>
          <Link to={mineLink}>{t('halls.mine.title')}</Link>
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <Flex vertical gap={4}>
            <Typography.Text>{t('halls.book.date')}</Typography.Text>
            <Select
              data-testid="booking-date"
              value={date}
              onChange={(d) => {
                setDate(d);
                setStart(undefined);
              }}
              options={days.map((d) => ({ value: d, label: d }))}
            />
          </Flex>
          <Flex vertical gap={4}>
            <Typography.Text>{t('halls.book.item')}</Typography.Text>
            <Select data-testid="booking-item" allowClear value={item} onChange={setItem} options={hall.items.map((i) => ({ value: i.code, label: i.name }))} />
          </Flex>
          <Flex vertical gap={4}>
            <Typography.Text>{t('halls.book.slot')}</Typography.Text>
            {slots.error ? <ErrorAlert error={slots.error} onRetry={slots.reload} /> : null}
            {slots.data && !slots.data.open ? <Typography.Text type="secondary">{t('halls.book.closedDay')}</Typography.Text> : null}
            <Radio.Group value={start} onChange={(e) => setStart(e.target.value as string)} data-testid="booking-slots" data-count={slots.data?.slots.filter((s) => s.bookable).length ?? 0}>
              <Flex wrap gap={6}>
                {(slots.data?.slots ?? []).map((s) => (
                  <Radio.Button key={s.start} value={s.start} disabled={!s.bookable} style={{ height: 'auto', lineHeight: 1.4, padding: '4px 10px' }}>
                    <span data-testid={`slot-${s.start}`} data-remaining={s.remaining} data-bookable={String(s.bookable)} style={{ display: 'block' }}>
                      <span style={{ display: 'block' }}>{s.start}–{s.end}</span>
                      <span style={{ display: 'block', fontSize: 12 }}>{s.remaining > 0 ? t('halls.book.remaining', { n: s.remaining }) : t('halls.book.full')}</span>
                    </span>
                  </Radio.Button>
                ))}
              </Flex>
            </Radio.Group>
          </Flex>
          {failure ? <Alert type="error" showIcon title={reasonText(t, failure)} data-testid="booking-error" /> : null}
          <Button type="primary" size="large" block disabled={!start} loading={busy} onClick={() => void submit()} data-testid="booking-submit">
            {start ? t('halls.book.submit') : t('halls.book.pickSlot')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
