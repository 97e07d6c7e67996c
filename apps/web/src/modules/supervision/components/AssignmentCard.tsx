import { Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { formatInstant } from '../../../shared/format.ts';
import { Countdown } from '../../../shared/ui/Countdown.tsx';
import type { Assignment } from '../api.ts';
import { ASSIGNMENT_STATUS_COLORS, ASSIGNMENT_STATUS_KEYS, supervisionEventName } from '../labels.ts';
import { AssignmentActions } from './AssignmentActions.tsx';

/** The deadline an open extension request asks for: the assignment does not carry it, its last request event does. */
function requestedDue(a: Assignment): string | null {
  if (a.status !== 'extension_requested') return null;
  const ask = [...(a.events ?? [])].reverse().find((e) => e.type === 'extension_request');
  const data = ask?.data as { requested_due_at?: unknown } | null | undefined;
  return typeof data?.requested_due_at === 'string' ? data.requested_due_at : null;
}

/**
 * One assigned unit's part of a 督办 task: status, deadline (with countdown),
 * overdue and escalations, score, its history and the steps the viewer may
 * take. `assignment-<unit code>` with `data-status`.
 */
export function AssignmentCard({ value, roles, timeZone, onChanged, onStale }: {
  value: Assignment;
  roles: ('assignee' | 'issuer')[];
  timeZone: string;
  onChanged(next: Assignment): void;
  onStale(): void;
}) {
  const { t, locale } = useI18n();
  const asked = requestedDue(value);
  const done = value.status === 'closed' || value.status === 'reported';
  return (
    <Card
      data-testid={`assignment-${value.unit.code}`}
      data-status={value.status}
      data-version={value.version}
      title={
        <Flex gap={8} align="center" wrap>
          {value.unit.name}
          <Tag color={ASSIGNMENT_STATUS_COLORS[value.status]} data-testid="assignment-status">
            {t(ASSIGNMENT_STATUS_KEYS[value.status])}
          </Tag>
          {value.overdue ? <Tag color="red">{t('supervision.task.overdue')}</Tag> : null}
          {value.escalations > 0 ? <Tag color="volcano">{t('supervision.task.escalations', { n: value.escalations })}</Tag> : null}
          {value.score !== null ? <Tag color="gold" data-testid="assignment-score">{t('supervision.task.score', { n: value.score })}</Tag> : null}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'due', label: t('supervision.task.due'), children: <>{formatInstant(value.dueAt, locale, timeZone)}<Countdown dueAt={value.dueAt} done={done} /></> },
            ...(asked ? [{ key: 'asked', label: t('supervision.status.extension_requested'), children: t('supervision.task.requested', { due: formatInstant(asked, locale, timeZone) }) }] : []),
          ]}
        />
        <Timeline
          items={(value.events ?? []).map((e, i) => ({
            key: `${e.at}-${i}`,
            color: e.type === 'return' || e.type === 'escalate' ? 'red' : 'blue',
            content: (
              <div data-event={e.type}>
                <Typography.Text strong>{supervisionEventName(t, e.type)}</Typography.Text>
                <div style={{ fontSize: 12, opacity: 0.65 }}>{formatInstant(e.at, locale, timeZone)}</div>
                {e.text ? <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{e.text}</div> : null}
              </div>
            ),
          }))}
        />
        <AssignmentActions value={value} roles={roles} timeZone={timeZone} onChanged={onChanged} onStale={onStale} />
      </Flex>
    </Card>
  );
}
