import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Select, Switch, Table, Tag, Typography } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { addWindow, getHall, listHalls, setSlotCapacity, updateHall, updateWindow, type Hall, type HallWindow } from '../api.ts';
import { reasonText } from '../labels.ts';

/**
 * 大厅管理 (京办, `halls.manage`): a hall's hours, slot length and seats,
 * booking window; its windows (综合窗口 or 专窗 with items), opened and
 * closed; one slot's capacity on one day. Out-of-scope halls answer 404.
 */
export function HallAdminPage() {
  const t = useT();
  const { message } = App.useApp();
  const { me } = useSession();
  const [hallId, setHallId] = useState<string | undefined>(undefined);
  const halls = useAsync((signal) => listHalls(me?.unit?.code?.slice(0, 6), signal), [me?.unit?.code]);
  const hall = useAsync((signal) => (hallId ? getHall(hallId, signal) : Promise.resolve(null)), [hallId]);
  const [failure, setFailure] = useState<unknown>(null);
  if (!hasPermission(me, 'halls.manage')) return <Alert type="warning" showIcon title={t('halls.admin.forbidden')} />;

  async function attempt(run: () => Promise<unknown>) {
    setFailure(null);
    try {
      await run();
      void message.success(t('halls.admin.saved'));
    } catch (err) {
      setFailure(err);
    } finally {
      hall.reload();
    }
  }

  return (
    <Flex vertical gap={12} data-testid="hall-admin">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('halls.admin.title')}</Typography.Title>
      <Select data-testid="admin-hall" style={{ maxWidth: 360 }} placeholder={t('halls.console.hall')} value={hallId} onChange={setHallId} options={(halls.data ?? []).map((h) => ({ value: h.id, label: h.name }))} />
      {hall.error ? <ErrorAlert error={hall.error} onRetry={hall.reload} /> : null}
      {failure ? <Alert type="error" showIcon title={reasonText(t, failure)} data-testid="admin-error" /> : null}
      {hall.data ? <HallSettings key={`${hall.data.id}:${hall.data.version}`} hall={hall.data} onSave={(body) => attempt(() => updateHall(hall.data!.id, body))} /> : null}
      {hall.data ? <Windows hall={hall.data} onChange={attempt} /> : null}
      {hall.data ? <Capacity hall={hall.data} onSet={(date, start, capacity) => attempt(() => setSlotCapacity(hall.data!.id, { date, start, capacity }))} /> : null}
    </Flex>
  );
}

function HallSettings({ hall, onSave }: { hall: Hall; onSave: (body: Parameters<typeof updateHall>[1]) => void }) {
  const t = useT();
  const [v, setV] = useState({ days: hall.hours.days, opens: hall.hours.opens, closes: hall.hours.closes, slotMinutes: hall.slotMinutes, slotCapacity: hall.slotCapacity, bookingDays: hall.bookingDays });
  const field = (label: string, node: React.ReactNode) => (
    <Flex vertical gap={2} style={{ minWidth: 140 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>
      {node}
    </Flex>
  );
  return (
    <Card size="small" title={t('halls.admin.settings')} data-testid="admin-settings">
      <Flex gap={12} wrap align="end">
        {field(t('halls.admin.days'), <Select data-testid="admin-days" value={v.days} onChange={(days) => setV({ ...v, days })} options={(['working_days', 'every_day'] as const).map((d) => ({ value: d, label: t(`halls.days.${d}`) }))} />)}
        {field(t('halls.admin.opens'), <Input data-testid="admin-opens" value={v.opens} onChange={(e) => setV({ ...v, opens: e.target.value })} />)}
        {field(t('halls.admin.closes'), <Input data-testid="admin-closes" value={v.closes} onChange={(e) => setV({ ...v, closes: e.target.value })} />)}
        {field(t('halls.admin.slotMinutes'), <InputNumber data-testid="admin-slot-minutes" min={10} max={240} value={v.slotMinutes} onChange={(n) => setV({ ...v, slotMinutes: n ?? v.slotMinutes })} />)}
        {field(t('halls.admin.slotCapacity'), <InputNumber data-testid="admin-slot-capacity" min={0} max={500} value={v.slotCapacity} onChange={(n) => setV({ ...v, slotCapacity: n ?? v.slotCapacity })} />)}
        {field(t('halls.admin.bookingDays'), <InputNumber data-testid="admin-booking-days" min={0} max={60} value={v.bookingDays} onChange={(n) => setV({ ...v, bookingDays: n ?? v.bookingDays })} />)}
        <Button type="primary" data-testid="admin-save" onClick={() => onSave({ version: hall.version, hours: { days: v.days, opens: v.opens, closes: v.closes, note: hall.hours.note }, slotMinutes: v.slotMinutes, slotCapacity: v.slotCapacity, bookingDays: v.bookingDays })}>
          {t('halls.admin.save')}
        </Button>
      </Flex>
    </Card>
  );
}

function Windows({ hall, onChange }: { hall: Hall; onChange: (run: () => Promise<unknown>) => void }) {
  const t = useT();
  const [number, setNumber] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'general' | 'item'>('general');
  const [items, setItems] = useState<string[]>([]);
  const itemName = new Map(hall.items.map((i) => [i.code, i.name]));
  return (
    <Card size="small" title={t('halls.windows')} data-testid="admin-windows">
      <Table<HallWindow>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={hall.windows}
        columns={[
          { key: 'n', title: '#', dataIndex: 'number' },
          { key: 'name', title: t('halls.admin.windowName'), dataIndex: 'name' },
          { key: 'kind', title: t('halls.admin.windowKind'), render: (_, w) => <Tag>{t(w.kind === 'general' ? 'halls.window.general' : 'halls.window.item')}</Tag> },
          { key: 'items', title: t('halls.items'), render: (_, w) => (w.kind === 'general' ? t('halls.window.allItems') : w.items.map((c) => itemName.get(c) ?? c).join('、')) },
          { key: 'active', title: t('halls.admin.active'), render: (_, w) => <Switch checked={w.active} data-testid={`admin-window-active-${w.number}`} onChange={(active) => onChange(() => updateWindow(w.id, { version: w.version, active }))} /> },
        ]}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }} align="center">
        <InputNumber data-testid="admin-window-number" min={1} max={999} placeholder="#" value={number} onChange={setNumber} />
        <Input data-testid="admin-window-name" style={{ width: 160 }} placeholder={t('halls.admin.windowName')} value={name} onChange={(e) => setName(e.target.value)} />
        <Select data-testid="admin-window-kind" value={kind} onChange={setKind} options={[{ value: 'general', label: t('halls.window.general') }, { value: 'item', label: t('halls.window.item') }]} />
        {kind === 'item' ? <Select mode="multiple" style={{ minWidth: 220 }} placeholder={t('halls.admin.windowItems')} value={items} onChange={setItems} options={hall.items.map((i) => ({ value: i.code, label: i.name }))} /> : null}
        <Button disabled={!number || !name.trim()} data-testid="admin-window-add" onClick={() => onChange(() => addWindow(hall.id, { number: number!, name: name.trim(), kind, items: kind === 'item' ? items : [] }))}>
          {t('halls.admin.addWindow')}
        </Button>
      </Flex>
    </Card>
  );
}

function Capacity({ hall, onSet }: { hall: Hall; onSet: (date: string, start: string, capacity: number) => void }) {
  const t = useT();
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [capacity, setCapacity] = useState<number | null>(hall.slotCapacity);
  return (
    <Card size="small" title={t('halls.admin.capacity')} data-testid="admin-capacity">
      <Flex gap={8} wrap align="center">
        <Input type="date" style={{ width: 160 }} value={date} onChange={(e) => setDate(e.target.value)} aria-label={t('halls.book.date')} data-testid="admin-capacity-date" />
        <Input style={{ width: 100 }} placeholder="09:00" value={start} onChange={(e) => setStart(e.target.value)} aria-label={t('halls.book.slot')} data-testid="admin-capacity-start" />
        <InputNumber min={0} max={500} value={capacity} onChange={setCapacity} aria-label={t('halls.admin.capacityValue')} data-testid="admin-capacity-value" />
        <Button disabled={!date || !start || capacity === null} onClick={() => onSet(date, start, capacity!)} data-testid="admin-capacity-set">
          {t('halls.admin.setCapacity')}
        </Button>
      </Flex>
    </Card>
  );
}
