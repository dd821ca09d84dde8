'use client';

import { Form, Select } from 'antd';
import { useTranslations } from 'next-intl';

import type { OrderSortKey } from './order-enums';
import type { OrderListState } from './order-list-params';

/** Sort choices: a key and a direction, as one select. */
const sorts = ['CREATED_AT', 'CREATED_AT-reverse', 'TOTAL-reverse', 'TOTAL'] as const;
type Sort = (typeof sorts)[number];
const sortOf = (state: OrderListState): Sort => `${state.sort}${state.reverse ? '-reverse' : ''}` as Sort;

/** The list's order, at the end of the filter bar. */
export function OrderSortSelect({ state, onSort }: { state: OrderListState; onSort: (sort: OrderSortKey, reverse: boolean) => void }) {
  const t = useTranslations('orders.filters');
  const choose = (value: Sort) => {
    const [key, direction] = value.split('-') as [OrderSortKey, string | undefined];
    onSort(key, direction === 'reverse');
  };
  return (
    <Form.Item label={t('sort')} style={{ marginBottom: 0, marginInlineStart: 'auto' }}>
      <Select<Sort>
        aria-label={t('sort')}
        value={sortOf(state)}
        onChange={choose}
        style={{ width: 200 }}
        data-testid="order-sort"
        options={sorts.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
      />
    </Form.Item>
  );
}
