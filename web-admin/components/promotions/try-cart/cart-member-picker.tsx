'use client';

import { Select, Spin } from 'antd';
import { useTranslations } from 'next-intl';

import { searchCartMembers } from '@/app/(console)/promotions/search-actions';
import { useSearchOptions } from '@/components/list/use-search-options';

/** Picks the member the trial cart is priced for (tier and segment rules); empty is a guest. */
export function CartMemberPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const t = useTranslations('promotions.tryCart');
  const tiers = useTranslations('promotions.tiers');
  const { options, loading, search } = useSearchOptions(searchCartMembers);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value ?? undefined}
      onChange={(id?: string) => onChange(id ?? null)}
      placeholder={t('guest')}
      notFoundContent={loading ? <Spin size="small" /> : t('noMembers')}
      style={{ width: '100%' }}
      data-testid="try-cart-member"
      options={options.map((member) => ({
        value: member.id,
        label: member.tier ? `${member.name} · ${tiers(member.tier)}` : member.name,
      }))}
    />
  );
}
