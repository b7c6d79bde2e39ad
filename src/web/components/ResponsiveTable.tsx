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
  const { actions, columns, dataSource } = props;

  if (screens.md === false) {
    if (dataSource.length === 0) return <>{props.emptyText}</>;
    const first = (page - 1) * CARDS_PER_PAGE;
    return (
      <Flex vertical gap={12}>
        {dataSource.slice(first, first + CARDS_PER_PAGE).map((row, offset) => (
          <Card
            key={String(row[props.rowKey])}
            size="small"
            title={cellOf(columns[0], row, first + offset)}
            actions={actions ? [<span key="actions">{actions(row)}</span>] : undefined}
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
        {dataSource.length > CARDS_PER_PAGE && (
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
    ? [...columns, { key: 'actions', title: props.actionsTitle, render: (_, row) => actions(row) }]
    : columns;
  return (
    <Table<T>
      rowKey={props.rowKey}
      columns={withActions}
      dataSource={dataSource}
      locale={{ emptyText: props.emptyText }}
      pagination={{ showSizeChanger: true, hideOnSinglePage: false }}
      onChange={props.onChange}
      scroll={{ x: 'max-content' }}
    />
  );
}
