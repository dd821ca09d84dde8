'use client';

import { Select, Spin } from 'antd';
import { useTranslations } from 'next-intl';

import { useSearchOptions } from '@/components/list/use-search-options';

import { findMergeTargets, type MergeCandidate } from './actions';

/** Searches enabled members by name (or contact data, for who may read it) as the person types; never the member itself. */
export function MergeTargetPicker({ excludeId, value, onChange }: { excludeId: string; value: MergeCandidate | null; onChange: (target: MergeCandidate | null) => void }) {
  const t = useTranslations('memberDesk.merge');
  const { options, loading, search } = useSearchOptions((text: string) => findMergeTargets(text, excludeId));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      style={{ width: '100%' }}
      value={value?.id}
      onChange={(id?: string) => onChange(options.find((option) => option.id === id) ?? null)}
      placeholder={t('placeholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('notFound')}
      options={options.map((option) => ({ value: option.id, label: option.label }))}
      data-testid="member-merge-target"
    />
  );
}
