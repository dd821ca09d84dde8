'use client';

import { useState, type FormEvent } from 'react';
import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, TreeSelect } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import type { CatalogChoices, CollectionChoice } from '@/app/(console)/products/products.graphql';

import { productStatuses } from './catalog-enums';
import { CollectionPicker } from './collection-picker';
import { categoryNodes } from './category-nodes';

/** The list's filters as URL parameters (see products/page.tsx). */
export interface ProductFilterValues {
  q: string | null;
  status: string[];
  category: string | null;
  collection: string | null;
  tag: string | null;
  brand: string | null;
  minPrice: string | null;
  maxPrice: string | null;
  stock: string | null;
  from: string | null;
  to: string | null;
}

/**
 * The filter bar: a GET form whose empty fields are dropped from the URL; filtering
 * (or a new sort) starts again at the first page. Selects post through hidden inputs.
 */
export function ProductFilters({
  choices,
  collectionLabel,
  values,
  keep,
}: {
  choices: CatalogChoices;
  /** The collection filtered by, with its title. */
  collectionLabel: CollectionChoice | null;
  values: ProductFilterValues;
  /** Parameters that survive filtering (the sort). */
  keep: Record<string, string | null>;
}) {
  const t = useTranslations('products.filters');
  const tp = useTranslations('products');
  const router = useRouter();
  const [status, setStatus] = useState(values.status);
  const [category, setCategory] = useState(values.category ?? undefined);
  const [collection, setCollection] = useState(values.collection ?? '');
  const [brand, setBrand] = useState(values.brand ?? '');
  const [stock, setStock] = useState(values.stock ?? '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const search = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim()) search.append(name, value.trim());
    }
    for (const [name, value] of Object.entries(keep)) if (value) search.set(name, value);
    router.push(`?${search.toString()}`);
  };

  return (
    <form method="get" role="search" onSubmit={submit} data-testid="product-filters" style={{ marginBottom: 16 }}>
      {status.length > 0 && <input type="hidden" name="status" value={status.join(',')} />}
      {category && <input type="hidden" name="category" value={category} />}
      {collection && <input type="hidden" name="collection" value={collection} />}
      {brand && <input type="hidden" name="brand" value={brand} />}
      {stock && <input type="hidden" name="stock" value={stock} />}
      {Object.entries(keep).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <Form layout="vertical" component="div">
        <Flex wrap gap={12} align="flex-end">
          <Form.Item label={t('search')} htmlFor="product-q" style={{ marginBottom: 0 }}>
            <Input
              id="product-q"
              name="q"
              type="search"
              placeholder={tp('searchPlaceholder')}
              defaultValue={values.q ?? ''}
              allowClear
              style={{ width: 240 }}
              data-testid="product-filter-query"
            />
          </Form.Item>
          <Form.Item label={t('status')} style={{ marginBottom: 0 }}>
            <Select
              mode="multiple"
              aria-label={t('status')}
              placeholder={t('anyStatus')}
              value={status}
              onChange={setStatus}
              style={{ minWidth: 160 }}
              data-testid="product-filter-status"
              options={productStatuses.map((value) => ({ value, label: tp(`status.${value}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('category')} style={{ marginBottom: 0 }}>
            <TreeSelect
              aria-label={t('category')}
              placeholder={t('anyCategory')}
              value={category}
              onChange={(value?: string) => setCategory(value)}
              allowClear
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              treeData={categoryNodes(choices.categories)}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item label={t('collection')} style={{ marginBottom: 0 }}>
            <CollectionPicker
              aria-label={t('collection')}
              placeholder={t('anyCollection')}
              known={collectionLabel ? [collectionLabel] : []}
              value={collection || undefined}
              onChange={(value) => setCollection(typeof value === 'string' ? value : '')}
              allowClear
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item label={t('brand')} style={{ marginBottom: 0 }}>
            <Select
              aria-label={t('brand')}
              value={brand}
              onChange={setBrand}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 160 }}
              options={[{ value: '', label: t('anyBrand') }, ...choices.brands.map((b) => ({ value: b.id, label: b.name }))]}
            />
          </Form.Item>
          <Form.Item label={t('tag')} htmlFor="product-tag" style={{ marginBottom: 0 }}>
            <Input id="product-tag" name="tag" defaultValue={values.tag ?? ''} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t('minPrice')} htmlFor="product-min-price" style={{ marginBottom: 0 }}>
            <Input id="product-min-price" name="minPrice" inputMode="decimal" dir="ltr" defaultValue={values.minPrice ?? ''} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={t('maxPrice')} htmlFor="product-max-price" style={{ marginBottom: 0 }}>
            <Input id="product-max-price" name="maxPrice" inputMode="decimal" dir="ltr" defaultValue={values.maxPrice ?? ''} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={t('stock')} style={{ marginBottom: 0 }}>
            <Select
              aria-label={t('stock')}
              value={stock}
              onChange={setStock}
              style={{ width: 140 }}
              options={[
                { value: '', label: t('anyStock') },
                { value: 'IN_STOCK', label: tp('stock.IN_STOCK') },
                { value: 'OUT_OF_STOCK', label: tp('stock.OUT_OF_STOCK') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('createdFrom')} htmlFor="product-from" style={{ marginBottom: 0 }}>
            <Input id="product-from" name="from" type="date" defaultValue={values.from ?? ''} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label={t('createdTo')} htmlFor="product-to" style={{ marginBottom: 0 }}>
            <Input id="product-to" name="to" type="date" defaultValue={values.to ?? ''} style={{ width: 150 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="product-filter-apply">
            {t('apply')}
          </Button>
          <Button href="/products">{t('reset')}</Button>
        </Flex>
      </Form>
    </form>
  );
}
