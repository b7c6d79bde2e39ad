import { Card, Flex, Grid, Pagination, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';

export type Column<T> = ColumnType<T> & { key: string };

interface ResponsiveTableProps<T> {
  rowKey: keyof T & string;
  /** The first column becomes the card title on a phone; the others label–value lines. */
  columns: Column<T>[];
  dataSource: T[];
  /** Buttons for one row: the table's last column, or the foot of the card. */
  actions?: (row: T) => ReactNode;
  actionsTitle?: ReactNode;
  emptyText: ReactNode;
  onChange?: TableProps<T>['onChange'];
  /** Opens the row (e.g. its detail page) on a click anywhere in the row or card. */
  onRowClick?: (row: T) => void;
  /** False for lists that page on the server (a "load more" button below instead). */
  paginate?: boolean;
}

const CARDS_PER_PAGE = 10;

function cellOf<T>(column: Column<T> | undefined, row: T, index: number): ReactNode {
  if (!column) return null;
  const path = column.dataIndex;
  const value =
    typeof path === 'string' || typeof path === 'number'
      ? (row as Record<string | number, unknown>)[path]
      : undefined;
  return column.render ? (column.render(value, row, index) as ReactNode) : (value as ReactNode);
}

/** An antd Table on wider screens; on a phone the same columns as cards. */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const { actions, columns, dataSource, onRowClick } = props;
  const paginate = props.paginate ?? true;

  if (screens.md === false) {
    if (dataSource.length === 0) return <>{props.emptyText}</>;
    const first = paginate ? (page - 1) * CARDS_PER_PAGE : 0;
    const shown = paginate ? dataSource.slice(first, first + CARDS_PER_PAGE) : dataSource;
    return (
      <Flex vertical gap={12}>
        {shown.map((row, offset) => (
          <Card
            key={String(row[props.rowKey])}
            size="small"
            hoverable={Boolean(onRowClick)}
            onClick={onRowClick ? () => onRowClick(row) : undefined}
            title={cellOf(columns[0], row, first + offset)}
            actions={
              actions
                ? [
                    // A button in the card does its own thing, not the card's click.
                    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the bubble
                    // biome-ignore lint/a11y/useKeyWithClickEvents: only stops the bubble
                    <span key="actions" onClick={(event) => event.stopPropagation()}>
                      {actions(row)}
                    </span>,
                  ]
                : undefined
            }
          >
            {columns.slice(1).map((column) => (
              <Flex key={column.key} gap={8} style={{ padding: '2px 0' }}>
                <span style={{ color: 'rgba(0, 0, 0, 0.45)', flex: '0 0 84px' }}>
                  {column.title as ReactNode}
                </span>
                <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {cellOf(column, row, first + offset)}
                </span>
              </Flex>
            ))}
          </Card>
        ))}
        {paginate && dataSource.length > CARDS_PER_PAGE && (
          <Pagination
            simple
            align="center"
            current={page}
            pageSize={CARDS_PER_PAGE}
            total={dataSource.length}
            onChange={setPage}
          />
        )}
      </Flex>
    );
  }

  const withActions: Column<T>[] = actions
    ? [
        ...columns,
        {
          key: 'actions',
          title: props.actionsTitle,
          onCell: () => ({ onClick: (event) => event.stopPropagation() }),
          render: (_, row) => actions(row),
        },
      ]
    : columns;
  return (
    <Table<T>
      rowKey={props.rowKey}
      columns={withActions}
      dataSource={dataSource}
      locale={{ emptyText: props.emptyText }}
      pagination={paginate ? { showSizeChanger: true, hideOnSinglePage: false } : false}
      onChange={props.onChange}
      onRow={
        onRowClick
          ? (row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } })
          : undefined
      }
      scroll={{ x: 'max-content' }}
    />
  );
}
