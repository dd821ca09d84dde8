'use client';

import { Select, Spin } from 'antd';
import { useTranslations } from 'next-intl';

import { searchVariants } from '@/app/(console)/stock/actions';
import { useSearchOptions } from '@/components/list/use-search-options';

import type { VariantLabel_ProductVariant } from './variant-label.graphql';

/**
 * Picks a variant by SKU (or product title): the search runs on the server (catalog
 * search) as the person types. Its value is the variant id, so it sits in a Form.Item.
 */
export function VariantPicker({
  value,
  onChange,
  testId = 'variant-picker',
}: {
  value?: string;
  onChange?: (id: string) => void;
  testId?: string;
}) {
  const t = useTranslations('stock.picker');
  const { options, loading, search } = useSearchOptions<VariantLabel_ProductVariant>(searchVariants);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={onChange}
      placeholder={t('placeholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('notFound')}
      data-testid={testId}
      style={{ minWidth: 260 }}
      options={options.map((v) => ({
        value: v.id,
        label: `${v.sku} · ${[v.product?.title, v.title].filter(Boolean).join(' / ')}`,
        'data-sku': v.sku,
      }))}
    />
  );
}
