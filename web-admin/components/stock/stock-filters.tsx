'use client';

import { useState } from 'react';
import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Switch } from 'antd';
import { useTranslations } from 'next-intl';

import { useDebouncedSearch } from '@/components/list/use-debounced-search';

import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

export interface StockFilterValues {
  warehouseId: string | null;
  lowStockOnly: boolean;
}

/**
 * A GET form (`?warehouseId=&q=&low=1`): filtering starts again at the first page. The search
 * text applies itself as one types; warehouse and low stock apply with the button.
 */
export function StockFilters({
  warehouses,
  values,
}: {
  warehouses: WarehouseLabel_Warehouse[];
  values: StockFilterValues;
}) {
  const t = useTranslations('stock.overview');
  const tc = useTranslations('common');
  const [warehouseId, setWarehouseId] = useState(values.warehouseId ?? '');
  const [low, setLow] = useState(values.lowStockOnly);
  const search = useDebouncedSearch();
  return (
    <form method="get" role="search" data-testid="stock-filters" style={{ marginBottom: 16 }}>
      {warehouseId && <input type="hidden" name="warehouseId" value={warehouseId} />}
      {low && <input type="hidden" name="low" value="1" />}
      <Form layout="vertical" component="div">
        <Flex wrap gap={12} align="flex-end">
          <Form.Item label={t('warehouse')} style={{ marginBottom: 0 }}>
            <Select
              aria-label={t('warehouse')}
              data-testid="stock-filter-warehouse"
              value={warehouseId}
              onChange={setWarehouseId}
              style={{ width: 220 }}
              options={[
                { value: '', label: t('allWarehouses') },
                ...warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, 'data-code': w.code })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('search')} htmlFor="stock-q" style={{ marginBottom: 0 }}>
            <Input
              id="stock-q"
              name="q"
              type="search"
              placeholder={t('searchPlaceholder')}
              key={search.revision}
              defaultValue={search.defaultValue}
              onChange={(event) => search.onChange(event.target.value)}
              allowClear
              style={{ width: 240 }}
              data-testid="stock-filter-query"
            />
          </Form.Item>
          <Form.Item label={t('lowStockOnly')} style={{ marginBottom: 0 }}>
            <Switch checked={low} onChange={setLow} aria-label={t('lowStockOnly')} data-testid="stock-filter-low" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="stock-filter-apply">
            {tc('search')}
          </Button>
          <Button href="?">{t('reset')}</Button>
        </Flex>
      </Form>
    </form>
  );
}
