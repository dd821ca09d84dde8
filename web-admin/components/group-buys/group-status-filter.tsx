'use client';

import { Segmented } from 'antd';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';

import type { GroupBuyGroupStatus } from '@/app/(console)/group-buys/group-buys.graphql';

const ALL = 'ALL';

/** The monitor's state filter, kept in the address (?status=OPEN) so a view can be shared; a change starts from the first page. */
export function GroupStatusFilter({ value }: { value: GroupBuyGroupStatus | null }) {
  const t = useTranslations('groupBuys');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const change = (next: string) => {
    const query = new URLSearchParams();
    const campaign = params.get('campaign');
    if (campaign) query.set('campaign', campaign);
    if (next !== ALL) query.set('status', next);
    router.push(query.size ? `${pathname}?${query}` : pathname);
  };
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      value={value ?? ALL}
      onChange={change}
      data-testid="group-status-filter"
      options={[ALL, 'OPEN', 'SUCCEEDED', 'FAILED'].map((s) => ({ value: s, label: s === ALL ? t('groupStatus.ALL') : t(`groupStatus.${s as GroupBuyGroupStatus}`) }))}
    />
  );
}
