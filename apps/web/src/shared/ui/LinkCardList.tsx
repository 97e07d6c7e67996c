import { Fragment, type ReactNode } from 'react';
import { Card, Empty, Flex, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { AsyncState } from '../useAsync.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoading } from './PageLoading.tsx';

/** `data-*` attributes passed through to the element, for tests (`data-testid`, `data-number`…). */
type DataAttributes = { [key: `data-${string}`]: string | number | undefined };

/** Props of {@link LinkCardList}. */
export interface LinkCardListProps<T extends { id: string }> {
  /** Test id of the page. */
  testId: string;
  title: ReactNode;
  /** Links or buttons at the right of the title (they wrap below it on a phone). */
  actions?: ReactNode;
  /** The load of the items: errors get a retry, the first load a spinner. */
  state: AsyncState<readonly T[]>;
  emptyText: string;
  /** Test id of the list, which also carries `data-count` and `data-loading`. */
  listTestId: string;
  /** One {@link LinkCard} per item (keyed by the item's id here). */
  renderItem(item: T): ReactNode;
}

/**
 * The list page of 京通: a title with its actions, then one card per record,
 * each opening the record's page. Cards stack in one column, so it reads the
 * same on a phone as on a desk.
 *
 * @example
 * <LinkCardList testId="halls-page" title={t('halls.title')} state={halls} emptyText={t('halls.list.empty')}
 *   listTestId="halls-list" renderItem={(h) => <LinkCard to={`/halls/${h.id}`} title={h.name} data-testid={`hall-${h.id}`} />} />
 */
export function LinkCardList<T extends { id: string }>({ testId, title, actions, state, emptyText, listTestId, renderItem }: LinkCardListProps<T>) {
  const { data, error, loading, reload } = state;
  return (
    <Flex vertical gap={12} data-testid={testId}>
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {actions}
      </Flex>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {loading && !data ? <PageLoading /> : null}
      {data && data.length === 0 ? (
        <Card>
          <Empty description={emptyText} />
        </Card>
      ) : null}
      <Flex vertical gap={8} data-testid={listTestId} data-count={data?.length ?? 0} data-loading={String(loading)}>
        {(data ?? []).map((item) => (
          <Fragment key={item.id}>{renderItem(item)}</Fragment>
        ))}
      </Flex>
    </Flex>
  );
}

/** Props of {@link LinkCard}; `data-*` attributes go on the link. */
export type LinkCardProps = {
  to: string;
  /** The record's name, in bold. */
  title: ReactNode;
  /** Tags beside the title (status, clock…), wrapping under it when the line is full. */
  tags?: ReactNode;
  /** One secondary line, cut with an ellipsis. */
  description?: ReactNode;
  /** A small secondary line: number, unit, time. */
  meta?: ReactNode;
} & DataAttributes;

/** One record of a {@link LinkCardList}: a card that opens the record's page. */
export function LinkCard({ to, title, tags, description, meta, ...data }: LinkCardProps) {
  return (
    <Link to={to} style={{ color: 'inherit' }} {...data}>
      <Card size="small" hoverable>
        <Flex align="center" gap={8}>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{title}</Typography.Text>
              {tags}
            </Flex>
            {description !== undefined ? (
              <Typography.Text type="secondary" ellipsis>
                {description}
              </Typography.Text>
            ) : null}
            {meta !== undefined ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {meta}
              </Typography.Text>
            ) : null}
          </Flex>
          <RightOutlined style={{ opacity: 0.45 }} />
        </Flex>
      </Card>
    </Link>
  );
}
