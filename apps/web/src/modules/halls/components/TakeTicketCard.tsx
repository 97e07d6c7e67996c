import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { takeTicket, type Hall } from '../api.ts';
import { reasonText } from '../labels.ts';

/** 到厅取号: with the appointment code (priority) or walk-in for an item; opens the ticket's page. */
export function TakeTicketCard({ hall, ticketPath, initialCode }: { hall: Hall; ticketPath: (id: string) => string; initialCode?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [code, setCode] = useState(initialCode ?? '');
  const [item, setItem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<'code' | 'walk' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function take(withCode: boolean) {
    setBusy(withCode ? 'code' : 'walk');
    setFailure(null);
    try {
      const ticket = await takeTicket(hall.id, withCode ? { appointmentCode: code.trim().toUpperCase() } : item ? { itemCode: item } : {});
      navigate(ticketPath(ticket.id));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title={t('halls.ticket.title')} data-testid="ticket-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('halls.ticket.codeHint')}</Typography.Text>
        <Input data-testid="ticket-code" placeholder={t('halls.ticket.code')} value={code} maxLength={6} onChange={(e) => setCode(e.target.value)} />
        <Button type="primary" block disabled={code.trim().length !== 6} loading={busy === 'code'} onClick={() => void take(true)} data-testid="ticket-with-code">
          {t('halls.ticket.submitCode')}
        </Button>
        <Select data-testid="ticket-item" allowClear placeholder={t('halls.book.item')} value={item} onChange={setItem} options={hall.items.map((i) => ({ value: i.code, label: i.name }))} />
        <Button block loading={busy === 'walk'} onClick={() => void take(false)} data-testid="ticket-walk-in">
          {t('halls.ticket.submitWalkIn')}
        </Button>
        {failure ? <Alert type="error" showIcon title={reasonText(t, failure)} data-testid="ticket-error" /> : null}
      </Flex>
    </Card>
  );
}
