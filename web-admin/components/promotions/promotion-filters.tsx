'use client';

import { Select } from 'antd';
import { useTranslations } from 'next-intl';

import { useListNavigation, withoutCursor } from '@/components/list/list-navigation';
import { SearchBox } from '@/components/list/search-box';

import { promotionKinds, promotionStatuses } from './promotion-enums';

/** Status and kind of the promotion list (`?status=`, `?kind=`) and its search box (`?q=`); a change starts at page one. */
export function PromotionFilters() {
  const t = useTranslations('promotions');
  const { searchParams, go } = useListNavigation();
  const set = (name: string, value: string | undefined) => {
    const next = withoutCursor(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    go(next);
  };
  return (
    <>
      <Select<string>
        allowClear
        value={searchParams.get('status') ?? undefined}
        onChange={(value) => set('status', value)}
        placeholder={t('filters.anyStatus')}
        aria-label={t('filters.status')}
        style={{ width: 160 }}
        data-testid="promotion-filter-status"
        options={promotionStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
      />
      <Select<string>
        allowClear
        value={searchParams.get('kind') ?? undefined}
        onChange={(value) => set('kind', value)}
        placeholder={t('filters.anyKind')}
        aria-label={t('filters.kind')}
        style={{ width: 220 }}
        data-testid="promotion-filter-kind"
        options={promotionKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
      />
      <SearchBox placeholder={t('filters.search')} testId="promotion-search" />
    </>
  );
}
