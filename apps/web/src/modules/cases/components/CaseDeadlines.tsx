import { Descriptions, Tag, type DescriptionsProps } from 'antd';
import { useI18n, type MessageKey } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { Countdown } from '../../../shared/ui/Countdown.tsx';
import type { CaseView } from '../api.ts';

const FINISHED = new Set(['replied', 'closed', 'answered', 'merged']);

/**
 * 办理时限: sign for, contact the requester, resolve — each with its due time
 * and, while it is still open, the time left (or overdue). Test ids:
 * `deadline-sign|contact|resolve`, and `countdown-<same>` on the countdowns.
 */
export function CaseDeadlines({ value, column = 1 }: { value: CaseView; column?: number }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const finished = FINISHED.has(value.status);
  const rows: { key: string; label: MessageKey; due: string | null; done: boolean }[] = [
    { key: 'sign', label: 'cases.deadline.sign', due: value.signDueAt, done: finished || !['dispatched', 'returned'].includes(value.status) },
    { key: 'contact', label: 'cases.deadline.contact', due: value.contactDueAt, done: finished || value.contactedAt !== null },
    { key: 'resolve', label: 'cases.deadline.resolve', due: value.resolveDueAt, done: finished || value.repliedAt !== null },
  ];
  const items: DescriptionsProps['items'] = rows
    .filter((r) => r.due)
    .map((r) => ({
      key: r.key,
      label: t(r.label),
      children: (
        <span data-testid={`deadline-${r.key}`}>
          {formatInstant(r.due!, locale, timeZone)}
          {r.done ? (
            <Tag style={{ marginInlineStart: 6 }}>{t('cases.deadline.done')}</Tag>
          ) : (
            <Countdown dueAt={r.due!} testId={`countdown-${r.key}`} />
          )}
        </span>
      ),
    }));
  return <Descriptions size="small" column={column} items={items} />;
}
