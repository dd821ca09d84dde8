'use client';

import { useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslations } from 'next-intl';

import { searchMembers } from '@/app/(console)/orders/actions';
import type { MemberOption } from '@/app/(console)/orders/order-create.graphql';

/** Picks a member by display name as the person types (members:read); its value is the member id. */
export function MemberPicker({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const t = useTranslations('orders.create');
  const [options, setOptions] = useState<MemberOption[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const search = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const found = await searchMembers(text);
        if (ticket === latest.current) setOptions(found);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    }, 250);
  };

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
