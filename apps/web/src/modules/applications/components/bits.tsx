import { Tag, Timeline, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import type { ApplicationSummary, ApplicationView } from '../api.ts';

const STATUS_COLOR: Record<string, string> = { submitted: 'blue', correction: 'orange', processing: 'processing', approved: 'green', denied: 'red', refused: 'red' };
const LIGHT_COLOR: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red', none: 'default' };

/** 办件状态 as a coloured tag (`data-status` for tests). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="app-status" data-status={status}>
      {t(`apps.status.${status}` as MessageKey)}
    </Tag>
  );
}

/**
 * The clock as a traffic light: working days left of the promised limit,
 * paused, overdue, or stopped. `data-light`, `data-remaining`, `data-state` for tests.
 */
export function ClockTag({ clock }: { clock: { state?: string; paused?: boolean; light: string; remainingWorkingDays: number | null } }) {
  const { t } = useI18n();
  const state = clock.state ?? (clock.paused ? 'paused' : clock.light === 'red' ? 'overdue' : clock.remainingWorkingDays === null ? 'not_started' : 'running');
  const text =
    state === 'paused' ? t('apps.clock.paused', { n: clock.remainingWorkingDays ?? '—' })
    : state === 'overdue' ? t('apps.clock.overdue')
    : state === 'not_started' ? t('apps.clock.notStarted')
    : state === 'stopped' ? t('apps.clock.stopped')
    : t('apps.clock.left', { n: clock.remainingWorkingDays ?? '—' });
  return (
    <Tag color={state === 'paused' ? 'default' : LIGHT_COLOR[clock.light]} data-testid="app-clock" data-light={clock.light} data-state={state} data-remaining={clock.remainingWorkingDays ?? ''}>
      {text}
    </Tag>
  );
}

/** 办理过程: every step, oldest first (`data-event` per item). */
export function ApplicationTimeline({ value }: { value: ApplicationView }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  return (
    <div data-testid="app-timeline" data-count={value.events.length}>
      <Timeline
        items={value.events.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: e.type === 'correction' || e.type === 'refuse' ? 'orange' : i === value.events.length - 1 ? 'blue' : 'gray',
          content: (
            <div data-event={e.type}>
              <Typography.Text strong>{t(`apps.event.${e.type}` as MessageKey)}</Typography.Text>
              {e.actor ? <Typography.Text type="secondary"> · {e.actor}</Typography.Text> : null}
              {e.channel ? <Tag style={{ marginInlineStart: 6 }}>{t(`apps.channel.${e.channel}` as MessageKey)}</Tag> : null}
              <div style={{ fontSize: 12, opacity: 0.65 }}>{formatInstant(e.at, locale, timeZone)}</div>
              {e.text ? <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{e.text}</div> : null}
              {e.type === 'correction' && e.data ? (
                <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                  {((e.data as { items: { code: string; note: string }[] }).items ?? []).map((x) => (
                    <li key={x.code}>{x.note}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}

export type Row = ApplicationSummary;
