import { Table, Tag, type TableColumnsType } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { formatInstant } from '../../../shared/format.ts';
import { Countdown } from '../../../shared/ui/Countdown.tsx';
import type { Participant } from '../api.ts';

/**
 * 协同单位: assisting units (协办) and summoned agencies (吹哨报到) with their
 * check-in deadline or time, and the score given after the reply. Rows carry
 * `data-row-key` = unit code; the check-in cell `data-checked-in`.
 */
export function CaseParticipants({ items, timeZone }: { items: Participant[]; timeZone: string }) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<Participant> = [
    { key: 'unit', title: t('cases.participants.unit'), render: (_: unknown, p) => p.unit.name },
    { key: 'role', title: t('cases.participants.role'), render: (_: unknown, p) => <Tag color={p.role === 'summoned' ? 'volcano' : 'blue'}>{t(p.role === 'summoned' ? 'cases.role.summoned' : 'cases.role.assist')}</Tag> },
    {
      key: 'checkin',
      title: t('cases.event.checkin'),
      render: (_: unknown, p) =>
        p.role !== 'summoned' ? (
          '—'
        ) : (
          <span data-testid={`checkin-${p.unit.code}`} data-checked-in={String(p.checkedInAt !== null)}>
            {p.checkedInAt ? `${t('cases.participant.checkedIn')} ${formatInstant(p.checkedInAt, locale, timeZone)}` : t('cases.participant.checkinDue')}
            {p.checkinDueAt && !p.checkedInAt ? <Countdown dueAt={p.checkinDueAt} warnMs={10 * 60_000} /> : null}
          </span>
        ),
    },
    { key: 'score', title: t('handling.form.score'), render: (_: unknown, p) => (p.score === null ? '—' : t('cases.participant.score', { n: p.score })) },
  ];
  return (
    <div data-testid="case-participants" data-count={items.length}>
      <Table<Participant> rowKey={(p) => p.unit.code} size="small" pagination={false} columns={columns} dataSource={items} scroll={{ x: 'max-content' }} />
    </div>
  );
}
