'use client';

import type { HTMLAttributes, ReactNode } from 'react';
import { Empty, Flex, Table, type TableProps } from 'antd';
import { useTranslations } from 'next-intl';

import { Pager } from '@/components/shell/pager';
import type { Connection } from '@/lib/connection';

import { ListNavigationProvider, useListNavigation } from './list-navigation';

type Rows<Row> =
  /** A page of a Relay connection: its rows, total and Previous / Next through `?after=` / `?before=`. */
  | { connection: Connection<Row>; rows?: never }
  /** A plain list without pages. */
  | { rows: Row[]; connection?: never };

export type ListTableProps<Row> = Rows<Row> &
  Omit<TableProps<Row>, 'dataSource' | 'pagination' | 'loading' | 'onRow'> & {
    /** What an empty list says; the console's generic message by default. */
    emptyText?: string;
    /** antd Empty's image, e.g. `Empty.PRESENTED_IMAGE_SIMPLE` for a small table inside a page. */
    emptyImage?: ReactNode;
    /** Controls above the table (create buttons, search box), at the end of the line. */
    toolbar?: ReactNode;
    /** `data-*` attributes of each row, which the browser tests find rows by. */
    rowData?: (row: Row) => Record<`data-${string}`, string>;
    /** Search parameters that survive paging; by default every current one. */
    keep?: Record<string, string | null>;
  };

/**
 * The console's list: an antd table of one page of rows, its loading state while the URL moves
 * (paging, searching) and, for a connection, the cursor pager. Row selection, sorting and the
 * rest are antd's own table props.
 */
export function ListTable<Row extends object>(props: ListTableProps<Row>) {
  return (
    <ListNavigationProvider>
      <ListTableBody {...props} />
    </ListNavigationProvider>
  );
}

function ListTableBody<Row extends object>({ connection, rows, emptyText, emptyImage, toolbar, rowData, keep, ...table }: ListTableProps<Row>) {
  const t = useTranslations('common');
  const { pending } = useListNavigation();
  return (
    <>
      {toolbar && (
        <Flex justify="flex-end" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          {toolbar}
        </Flex>
      )}
      <Table<Row>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        {...table}
        dataSource={connection ? connection.edges.map(({ node }) => node) : rows}
        pagination={false}
        loading={pending}
        onRow={rowData && ((row) => rowData(row) as HTMLAttributes<HTMLElement>)}
        locale={{ emptyText: <Empty description={emptyText ?? t('empty')} image={emptyImage} /> }}
      />
      {connection && <Pager totalCount={connection.totalCount} pageInfo={connection.pageInfo} keep={keep} />}
    </>
  );
}
