'use client';

import { Select, Spin } from 'antd';
import { useTranslations } from 'next-intl';

import { searchCartVariants, type CartVariantOption } from '@/app/(console)/promotions/search-actions';
import { useSearchOptions } from '@/components/list/use-search-options';

import { VariantName } from './variant-name';

/** Searches products as the operator types; picking a variant hands it to `onPick` and clears the box. */
export function CartVariantSearch({ onPick }: { onPick: (variant: CartVariantOption) => void }) {
  const t = useTranslations('promotions.tryCart');
  const { options, loading, search } = useSearchOptions(searchCartVariants);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: search }}
      value={null}
      onChange={(id) => {
        const picked = options.find((option) => option.id === id);
        if (picked) onPick(picked);
      }}
      placeholder={t('searchProducts')}
      notFoundContent={loading ? <Spin size="small" /> : t('noProducts')}
      style={{ width: '100%' }}
      data-testid="try-cart-search"
      options={options.map((option) => ({
        value: option.id,
        label: (
          <span data-testid="try-cart-option" data-sku={option.sku}>
            <VariantName variant={option} /> · <bdi>{option.sku}</bdi>
          </span>
        ),
      }))}
    />
  );
}
