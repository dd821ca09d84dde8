'use client';

import type { FormEvent } from 'react';
import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import type { CatalogChoices, CollectionChoice } from '@/app/(console)/products/products.graphql';
import { useDebouncedSearch } from '@/components/list/use-debounced-search';

import { ProductFilterInputs } from './product-filter-inputs';
import type { ProductFilterValues } from './product-filter-values';
import { ProductFilterSelects } from './product-filter-selects';

/**
 * The filter bar: a GET form whose empty fields are dropped from the URL; filtering
 * (or a new sort) starts again at the first page. Selects post through hidden inputs; the
 * search applies itself as one types.
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
  const search = useDebouncedSearch();

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
      {Object.entries(keep).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <Form layout="vertical" component="div">
        <Flex wrap gap={12} align="flex-end">
          <Form.Item label={t('search')} htmlFor="product-q" style={{ marginBottom: 0 }}>
            <Input
              id="product-q"
              name="q"
              type="search"
              placeholder={tp('searchPlaceholder')}
              key={search.revision}
              defaultValue={search.defaultValue}
              onChange={(event) => search.onChange(event.target.value)}
              allowClear
              style={{ width: 240 }}
              data-testid="product-filter-query"
            />
          </Form.Item>
          <ProductFilterSelects choices={choices} collectionLabel={collectionLabel} values={values} />
          <ProductFilterInputs values={values} />
          <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="product-filter-apply">
            {t('apply')}
          </Button>
          <Button href="/products">{t('reset')}</Button>
        </Flex>
      </Form>
    </form>
  );
}
