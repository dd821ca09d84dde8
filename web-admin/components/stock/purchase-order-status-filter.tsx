'use client';

import { Select } from 'antd';
import { useTranslations } from 'next-intl';

import { useListNavigation, withoutCursor } from '@/components/list/list-navigation';
import { purchaseOrderStatuses, type PurchaseOrderStatus } from '@/lib/stock';

/** `?status=`: one status or any; a change starts again at the first page. */
export function PurchaseOrderStatusFilter({ status }: { status: PurchaseOrderStatus | null }) {
  const t = useTranslations('stock.purchaseOrders');
  const ts = useTranslations('stock.poStatus');
  const { searchParams, go } = useListNavigation();
  const choose = (value: string) => {
    const next = withoutCursor(searchParams);
    if (value) next.set('status', value);
    else next.delete('status');
    go(next);
  };
  return (
    <Select
      aria-label={t('statusFilter')}
      data-testid="po-status-filter"
      value={status ?? ''}
      style={{ width: 220 }}
      onChange={choose}
      options={[{ value: '', label: t('anyStatus') }, ...purchaseOrderStatuses.map((value) => ({ value, label: ts(value), 'data-status': value }))]}
    />
  );
}
