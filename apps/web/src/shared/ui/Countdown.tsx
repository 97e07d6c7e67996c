import { Tag } from 'antd';
import { useI18n, type TFunction } from '../i18n/index.ts';
import { splitDuration } from '../time.ts';
import { useNow } from './useNow.ts';

/** "2天3小时" / "3 h 12 min": the largest two units of a duration. */
export function durationText(t: TFunction, ms: number): string {
  const { days, hours, minutes } = splitDuration(ms);
  if (days > 0) return t('time.daysHours', { d: days, h: hours });
  if (hours > 0) return t('time.hoursMinutes', { h: hours, m: minutes });
  return t('time.minutes', { m: minutes });
}

/**
 * Time left to a deadline (green; orange in the last `warnMs`) or how long it
 * is overdue (red). `data-overdue` says which, for tests.
 */
export function Countdown({ dueAt, done = false, warnMs = 2 * 3600_000, testId }: { dueAt: string; done?: boolean; warnMs?: number; testId?: string }) {
  const { t } = useI18n();
  const now = useNow();
  const left = Date.parse(dueAt) - now;
  if (done) return null;
  const overdue = left < 0;
  const color = overdue ? 'red' : left < warnMs ? 'orange' : 'green';
  return (
    <Tag color={color} data-testid={testId} data-overdue={String(overdue)} style={{ marginInlineStart: 6 }}>
      {overdue ? t('time.overdueBy', { d: durationText(t, -left) }) : t('time.left', { d: durationText(t, left) })}
    </Tag>
  );
}
