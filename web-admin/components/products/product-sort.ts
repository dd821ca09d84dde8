'use client';

import type { TableProps } from 'antd';

import { useListNavigation, withoutCursor } from '@/components/list/list-navigation';

import type { ProductSortKey } from './catalog-enums';

/** Which way each sort key runs before `reverse` (the API's natural order). */
const naturalOrder: Record<ProductSortKey, 'ascend' | 'descend'> = {
  CREATED_AT: 'descend',
  UPDATED_AT: 'descend',
  TITLE: 'ascend',
  PRICE: 'ascend',
};

/** Columns that sort, by the API sort key they use. */
const sortable: Partial<Record<string, ProductSortKey>> = { title: 'TITLE', price: 'PRICE', createdAt: 'CREATED_AT' };

export interface ProductSort {
  key: ProductSortKey;
  reverse: boolean;
}

/**
 * Column sort kept in the URL as `sort` and `reverse`; a new sort starts again at the first
 * page. `sorted(column)` are the column's antd sort props, `onChange` the table's.
 */
export function useProductSort<Row>(sort: ProductSort) {
  const { searchParams, go } = useListNavigation();

  const orderOf = (column: string) => {
    const key = sortable[column];
    if (key !== sort.key) return null;
    const natural = naturalOrder[key];
    return sort.reverse ? (natural === 'ascend' ? 'descend' : 'ascend') : natural;
  };

  const onChange: TableProps<Row>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.columnKey ? sortable[String(one.columnKey)] : undefined;
    const search = withoutCursor(searchParams);
    search.delete('sort');
    search.delete('reverse');
    if (key && one?.order) {
      search.set('sort', key);
      if (one.order !== naturalOrder[key]) search.set('reverse', '1');
    }
    go(search);
  };

  const sorted = (column: string) => ({
    sorter: true,
    sortOrder: orderOf(column),
    sortDirections: ['ascend', 'descend', 'ascend'] as ('ascend' | 'descend')[],
  });

  return { sorted, onChange };
}
