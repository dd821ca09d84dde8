'use client';

import { useTranslations } from 'next-intl';

import { ListTable } from '@/components/list/list-table';
import type { Connection } from '@/lib/connection';

import { useOrderColumns, type OrderRow } from './orders-columns';

/** `filtered`: whether a filter is set, to tell "nothing matches" from "no orders yet". */
export function OrdersTable({
  orders,
  filtered,
  keep,
}: {
  orders: Connection<OrderRow>;
  filtered: boolean;
  keep: Record<string, string | null>;
}) {
  const t = useTranslations('orders');
  return (
    <ListTable<OrderRow>
      connection={orders}
      keep={keep}
      columns={useOrderColumns()}
      emptyText={filtered ? t('noMatch') : t('empty')}
      rowData={(row) => ({ 'data-testid': 'order-row', 'data-number': row.number, 'data-status': row.status })}
    />
  );
}
