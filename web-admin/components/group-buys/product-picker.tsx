'use client';

import { Select, Spin } from 'antd';
import { useTranslations } from 'next-intl';

import { searchProducts, type ProductOption } from '@/app/(console)/group-buys/actions';
import { useSearchOptions } from '@/components/list/use-search-options';

/** Picks the campaign's product by title or SKU (searched on the server as the person types); its value is the product id. */
export function ProductPicker({ value, onChange, initial }: { value?: string; onChange?: (id: string) => void; initial: ProductOption | null }) {
  const t = useTranslations('groupBuys.editor');
  const { options, loading, search } = useSearchOptions<ProductOption>(searchProducts);
  const known = initial && !options.some((o) => o.id === initial.id) ? [initial, ...options] : options;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={onChange}
      placeholder={t('productPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('productNotFound')}
      data-testid="group-buy-product"
      options={known.map((p) => ({ value: p.id, label: p.title }))}
    />
  );
}
