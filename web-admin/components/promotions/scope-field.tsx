'use client';

import { useMemo } from 'react';
import { Form, Radio, Select, Spin, TreeSelect } from 'antd';
import { useTranslations } from 'next-intl';

import type { CatalogCategory } from '@/app/(console)/products/products.graphql';
import { searchScopeProducts, type ScopeChoice } from '@/app/(console)/promotions/search-actions';
import { useSearchOptions } from '@/components/list/use-search-options';
import { categoryNodes } from '@/components/products/category-nodes';
import { CollectionPicker } from '@/components/products/collection-picker';

import type { ScopeKind } from './promotion-form-values';

const scopeKinds: ScopeKind[] = ['ALL', 'CATEGORIES', 'PRODUCTS', 'COLLECTIONS'];

/** Searches products as the operator types; `known` labels the ones already chosen. */
function ProductPicker({ known, ...props }: { known: ScopeChoice[]; value?: string[]; onChange?: (ids: string[]) => void }) {
  const t = useTranslations('promotions.editor');
  const { options, loading, search } = useSearchOptions(searchScopeProducts);
  const all = useMemo(() => [...new Map([...known, ...options].map((p) => [p.id, p])).values()], [known, options]);
  return (
    <Select<string[]>
      {...props}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: search }}
      placeholder={t('scopeProductsPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('noProducts')}
      data-testid="promotion-scope-products"
      options={all.map((product) => ({ value: product.id, label: <bdi dir="auto">{product.title}</bdi> }))}
    />
  );
}

/**
 * Which lines the promotion looks at: the whole cart, or categories (a category includes the ones
 * below it), products or collections, each with its picker.
 */
export function ScopeField({
  categories,
  knownProducts,
  knownCollections,
}: {
  categories: readonly CatalogCategory[];
  knownProducts: ScopeChoice[];
  knownCollections: ScopeChoice[];
}) {
  const t = useTranslations('promotions.editor');
  const kind = Form.useWatch<ScopeKind | undefined>(['scope', 'kind']) ?? 'ALL';
  const tree = useMemo(() => categoryNodes(categories), [categories]);
  const idsRule = [{ required: true, type: 'array' as const, min: 1, message: t('scopeIdsRequired') }];
  return (
    <>
      <Form.Item name={['scope', 'kind']} label={t('scope')}>
        <Radio.Group
          optionType="button"
          data-testid="promotion-scope-kind"
          options={scopeKinds.map((value) => ({ value, label: t(`scopeKinds.${value}`) }))}
        />
      </Form.Item>
      {kind === 'CATEGORIES' && (
        <Form.Item name={['scope', 'ids']} label={t('scopeKinds.CATEGORIES')} rules={idsRule}>
          <TreeSelect
            multiple
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={tree}
            placeholder={t('scopeCategoriesPlaceholder')}
            data-testid="promotion-scope-categories"
          />
        </Form.Item>
      )}
      {kind === 'PRODUCTS' && (
        <Form.Item name={['scope', 'ids']} label={t('scopeKinds.PRODUCTS')} rules={idsRule}>
          <ProductPicker known={knownProducts} />
        </Form.Item>
      )}
      {kind === 'COLLECTIONS' && (
        <Form.Item name={['scope', 'ids']} label={t('scopeKinds.COLLECTIONS')} rules={idsRule}>
          <CollectionPicker mode="multiple" known={knownCollections} placeholder={t('scopeCollectionsPlaceholder')} data-testid="promotion-scope-collections" />
        </Form.Item>
      )}
    </>
  );
}
