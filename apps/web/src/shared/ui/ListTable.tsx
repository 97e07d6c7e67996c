import { Table, type TableColumnsType } from 'antd';

/** Props of {@link ListTable}. */
export interface ListTableProps<T> {
  /** Test id of the wrapper, which also carries `data-loading` and `data-count`. */
  testId: string;
  rows: readonly T[] | undefined;
  loading: boolean;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  emptyText: string;
  /** Makes whole rows clickable (links inside a row should stop the click). */
  onRowClick?(row: T): void;
}

/**
 * The list table of 京办 pages: compact, scrolls sideways on a phone instead
 * of the page, 20 rows a page, and its state exposed for tests.
 */
export function ListTable<T extends object>({ testId, rows, loading, columns, rowKey, emptyText, onRowClick }: ListTableProps<T>) {
  return (
    <div data-testid={testId} data-loading={String(loading)} data-count={rows?.length ?? 0}>
      <Table<T>
        rowKey={rowKey}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText }}
        onRow={onRowClick ? (row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } }) : undefined}
      />
    </div>
  );
}
