'use client';

import { Select, Spin } from 'antd';
import { useTranslations } from 'next-intl';

import { searchMembers } from '@/app/(console)/orders/actions';
import { useSearchOptions } from '@/components/list/use-search-options';

/** Picks a member by display name as the person types (members:read); its value is the member id. */
export function MemberPicker({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const t = useTranslations('orders.create');
  const { options, loading, search } = useSearchOptions(searchMembers);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value ?? undefined}
      onChange={(id?: string) => onChange?.(id ?? null)}
      placeholder={t('memberPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('memberNotFound')}
      data-testid="order-create-member"
      options={options.map((member) => ({
        value: member.id,
        label: member.maskedPhone ? `${member.displayName} · ${member.maskedPhone}` : member.displayName,
      }))}
    />
  );
}
