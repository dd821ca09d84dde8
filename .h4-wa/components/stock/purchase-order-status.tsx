'use client';

import { Tag } from 'antd';
import { useTranslations } from 'next-intl';

import type { PurchaseOrderStatus } from '@/lib/stock';

const colors: Record<PurchaseOrderStatus, string> = {
  DRAFT: 'default',
  ORDERED: 'blue',
  PARTIALLY_RECEIVED: 'orange',
  RECEIVED: 'green',
  CLOSED: 'purple',
  CANCELLED: 'red',
};

/** A purchase order's status as a coloured tag; `data-status` carries the code. */
export function PurchaseOrderStatusTag({ status }: { status: PurchaseOrderStatus }) {
  const t = useTranslations('stock.poStatus');
  return (
    <Tag color={colors[status]} data-testid="po-status" data-status={status}>
      {t(status)}
    </Tag>
  );
}
