'use client';

import { useRef } from 'react';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, type InputRef } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useDebouncedSearch } from '@/components/list/use-debounced-search';

import { OrderFilterFields } from './order-filter-fields';
import { stateWith, valuesOf, type FilterValues } from './order-filter-values';
import { listStateParams, queryString, type OrderListState } from './order-list-params';
import { OrderSortSelect } from './order-sort-select';

/**
 * The filter bar. Its values live in the URL (`order-list-params.ts`): applying a filter or a
 * sort starts again at the first page, and the address can be shared. The search applies itself
 * as one types. `flags`: whether the viewer may filter by flags (orders:read_internal).
 */
export function OrderFilters({ state, flags }: { state: OrderListState; flags: boolean }) {
  const t = useTranslations('orders.filters');
  const tc = useTranslations('common');
  const router = useRouter();
  const search = useDebouncedSearch();
  const box = useRef<InputRef>(null);
  const go = (next: OrderListState) => router.push(queryString(listStateParams(next)));
  // The box, not the search state: what was typed before the page was interactive counts too.
  const apply = (values: FilterValues) => go({ ...stateWith(state, values), q: box.current?.input?.value.trim() || null });

  return (
    <Form<FilterValues> layout="vertical" role="search" data-testid="order-filters" onFinish={apply} style={{ marginBottom: 16 }} initialValues={valuesOf(state)}>
      <Flex wrap gap={12} align="flex-end">
        <Form.Item label={t('search')} htmlFor="order-q" style={{ marginBottom: 0 }}>
          <Input
            id="order-q"
            type="search"
            prefix={<SearchOutlined />}
            placeholder={t('searchPlaceholder')}
            key={search.revision}
            ref={box}
            defaultValue={search.defaultValue}
            onChange={(event) => search.onChange(event.target.value)}
            allowClear
            style={{ width: 300 }}
            data-testid="order-search"
          />
        </Form.Item>
        <OrderFilterFields flags={flags} />
        <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="order-filter-apply">
          {tc('search')}
        </Button>
        <Button href="/orders" data-testid="order-filter-reset">
          {t('reset')}
        </Button>
        <OrderSortSelect state={state} onSort={(sort, reverse) => go({ ...state, sort, reverse })} />
      </Flex>
    </Form>
  );
}
