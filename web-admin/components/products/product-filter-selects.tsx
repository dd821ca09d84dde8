'use client';

import { useState, type ReactNode } from 'react';
import { Form, Select, TreeSelect } from 'antd';
import { useTranslations } from 'next-intl';

import type { CatalogChoices, CollectionChoice } from '@/app/(console)/products/products.graphql';

import { productStatuses } from './catalog-enums';
import { categoryNodes } from './category-nodes';
import { CollectionPicker } from './collection-picker';
import type { ProductFilterValues } from './product-filter-values';

/** A control whose value posts with the GET form through a hidden input (antd's selects have no native one). */
function Posted({ name, label, initial, render }: { name: string; label: string; initial: string; render: (value: string, set: (value: string) => void) => ReactNode }) {
  const [value, setValue] = useState(initial);
  return (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      {value && <input type="hidden" name={name} value={value} />}
      {render(value, setValue)}
    </Form.Item>
  );
}

/** Status, category, collection, brand and stock of the product filter bar. */
export function ProductFilterSelects({ choices, collectionLabel, values }: { choices: CatalogChoices; collectionLabel: CollectionChoice | null; values: ProductFilterValues }) {
  const t = useTranslations('products.filters');
  const tp = useTranslations('products');
  const anyOr = (label: string, options: { value: string; label: string }[]) => [{ value: '', label }, ...options];
  return (
    <>
      <Posted name="status" label={t('status')} initial={values.status.join(',')} render={(value, set) => (
        <Select mode="multiple" aria-label={t('status')} placeholder={t('anyStatus')} value={value ? value.split(',') : []} onChange={(list: string[]) => set(list.join(','))}
          style={{ minWidth: 160 }} data-testid="product-filter-status" options={productStatuses.map((status) => ({ value: status, label: tp(`status.${status}`) }))} />
      )} />
      <Posted name="category" label={t('category')} initial={values.category ?? ''} render={(value, set) => (
        <TreeSelect aria-label={t('category')} placeholder={t('anyCategory')} value={value || undefined} onChange={(next?: string) => set(next ?? '')} allowClear showSearch
          treeNodeFilterProp="title" treeDefaultExpandAll treeData={categoryNodes(choices.categories)} style={{ width: 200 }} />
      )} />
      <Posted name="collection" label={t('collection')} initial={values.collection ?? ''} render={(value, set) => (
        <CollectionPicker aria-label={t('collection')} placeholder={t('anyCollection')} known={collectionLabel ? [collectionLabel] : []} value={value || undefined}
          onChange={(next) => set(typeof next === 'string' ? next : '')} allowClear style={{ width: 180 }} />
      )} />
      <Posted name="brand" label={t('brand')} initial={values.brand ?? ''} render={(value, set) => (
        <Select aria-label={t('brand')} value={value} onChange={set} showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }}
          options={anyOr(t('anyBrand'), choices.brands.map((b) => ({ value: b.id, label: b.name })))} />
      )} />
      <Posted name="stock" label={t('stock')} initial={values.stock ?? ''} render={(value, set) => (
        <Select aria-label={t('stock')} value={value} onChange={set} style={{ width: 140 }}
          options={anyOr(t('anyStock'), [{ value: 'IN_STOCK', label: tp('stock.IN_STOCK') }, { value: 'OUT_OF_STOCK', label: tp('stock.OUT_OF_STOCK') }])} />
      )} />
    </>
  );
}
