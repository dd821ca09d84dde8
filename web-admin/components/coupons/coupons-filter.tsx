'use client';

import { Button, Flex, Select } from 'antd';
import { useTranslations } from 'next-intl';

import type { CouponStatus } from '@/app/(console)/coupons/coupons.graphql';
import { useListNavigation, withoutCursor } from '@/components/list/list-navigation';

const STATUSES: CouponStatus[] = ['ACTIVE', 'SCHEDULED', 'EXPIRED', 'ARCHIVED'];

/** The status filter of the coupon list (search parameter `status`) and the way to a new coupon. */
export function CouponsFilter({ canCreate }: { canCreate: boolean }) {
  const t = useTranslations('coupons');
  const { searchParams, go } = useListNavigation();
  const status = STATUSES.find((s) => s === searchParams.get('status')) ?? null;
  return (
    <Flex gap={8}>
      <Select
        allowClear
        style={{ minWidth: 180 }}
        placeholder={t('filterStatus')}
        value={status}
        data-testid="coupons-status-filter"
        onChange={(value: CouponStatus | undefined) => {
          const next = withoutCursor(searchParams);
          if (value) next.set('status', value);
          else next.delete('status');
          go(next);
        }}
        options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      {canCreate && (
        <Button type="primary" href="/coupons/new" data-testid="coupon-new">
          {t('new')}
        </Button>
      )}
    </Flex>
  );
}
