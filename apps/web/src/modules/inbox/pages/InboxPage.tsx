import { useState } from 'react';
import { Badge, Card, Flex, Segmented, Tag, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n, type MessageKey } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { Countdown } from '../../../shared/ui/Countdown.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { ListTable } from '../../../shared/ui/ListTable.tsx';
import { listInbox, type TrafficLight, type WorkItem } from '../api.ts';
import { LIGHT_COLORS, LIGHT_KEYS, LightTag } from '../components/LightTag.tsx';

type Box = 'mine' | 'unit';
const LIGHTS: readonly TrafficLight[] = ['red', 'yellow', 'green', 'none'];

/** The kind of an item in words; a kind this version does not know keeps its module name. */
function kindKey(kind: string): MessageKey | null {
  const key = `inbox.kind.${kind}`;
  return /^inbox\.kind\.(case\.(handle|redispatch|extension|checkin|assist)|supervision\.(handle|extension|verify|escalated)|notice\.ack)$/.test(key) ? (key as MessageKey) : null;
}

/**
 * 待办 (京办 home): my open to-do items or my unit's, newest deadlines first,
 * with traffic lights and their counts; a row opens the item's page. Items
 * link into 京办 (`/ban/...`); anything else is not followed.
 */
export function InboxPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const [box, setBox] = useState<Box>('mine');
  const [light, setLight] = useState<TrafficLight | 'all'>('all');
  const { data, error, loading, reload } = useAsync(
    (signal) => listInbox({ box, light: light === 'all' ? undefined : light, limit: 200 }, signal),
    [box, light],
  );
  const counts = data?.counts;
  const open = (item: WorkItem) => {
    if (item.link.startsWith('/ban/')) navigate(item.link);
  };

  const columns: TableColumnsType<WorkItem> = [
    { key: 'light', title: '', width: 110, render: (_: unknown, i) => <LightTag light={i.light} /> },
    {
      key: 'title',
      title: t('inbox.col.title'),
      // A real link, for the keyboard and "open in new tab"; the row is clickable too.
      render: (_: unknown, i) =>
        i.link.startsWith('/ban/') ? (
          <Link to={i.link} onClick={(e) => e.stopPropagation()} data-testid="inbox-item" data-kind={i.kind}>
            {i.title}
          </Link>
        ) : (
          <span data-testid="inbox-item" data-kind={i.kind}>{i.title}</span>
        ),
    },
    {
      key: 'kind',
      title: t('inbox.col.kind'),
      responsive: ['md'],
      render: (_: unknown, i) => {
        const key = kindKey(i.kind);
        return <Tag>{key ? t(key) : i.module}</Tag>;
      },
    },
    {
      key: 'due',
      title: t('inbox.col.due'),
      render: (_: unknown, i) => (i.dueAt ? <>{formatInstant(i.dueAt, locale, timeZone)}<Countdown dueAt={i.dueAt} /></> : '—'),
      responsive: ['sm'],
    },
    { key: 'created', title: t('inbox.col.created'), render: (_: unknown, i) => formatInstant(i.createdAt, locale, timeZone), responsive: ['lg'] },
  ];

  return (
    <Card
      title={t('inbox.title')}
      data-testid="inbox-page"
      extra={
        <Segmented<Box>
          data-testid="inbox-box"
          value={box}
          onChange={setBox}
          options={[
            { value: 'mine', label: t('inbox.box.mine') },
            { value: 'unit', label: t('inbox.box.unit') },
          ]}
        />
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        {(['all', ...LIGHTS] as const).map((l) => (
          <Tag.CheckableTag key={l} checked={light === l} onChange={() => setLight(l)} data-testid={`inbox-filter-${l}`}>
            {l === 'all' ? t('inbox.light.all') : t(LIGHT_KEYS[l])}
            {l !== 'all' ? (
              <Badge
                count={counts?.[l] ?? 0}
                showZero
                color={l === 'none' ? '#8c8c8c' : LIGHT_COLORS[l] === 'gold' ? '#d4b106' : LIGHT_COLORS[l]}
                style={{ marginInlineStart: 6 }}
                data-testid={`inbox-count-${l}`}
                data-count={counts?.[l] ?? ''}
              />
            ) : null}
          </Tag.CheckableTag>
        ))}
      </Flex>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <ListTable<WorkItem> testId="inbox-table" rowKey="id" loading={loading} columns={columns} rows={data?.items} emptyText={t('inbox.empty')} onRowClick={open} />
      )}
    </Card>
  );
}
