'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';

import type { OrderFilter } from '@/app/(console)/orders/orders.graphql';
import { ListTable } from '@/components/list/list-table';
import type { Connection } from '@/lib/connection';

import { OrderBatchBar } from './batch/order-batch-bar';
import { useOrderColumns, type OrderRow } from './orders-columns';

/**
 * `filtered`: whether a filter is set, to tell "nothing matches" from "no orders yet".
 * `batch`: the list's filter and whether the viewer may change and print orders, for the batch bar.
 */
export function OrdersTable({
  orders,
  filtered,
  keep,
  batch,
}: {
  orders: Connection<OrderRow>;
  filtered: boolean;
  keep: Record<string, string | null>;
  batch: { filter: OrderFilter; canWrite: boolean; canPrint: boolean };
}) {
  const t = useTranslations('orders');
  // Picked orders stay picked across pages; the bar acts on the filter when none is.
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <>
      <OrderBatchBar selectedIds={selected} filter={batch.filter} total={orders.totalCount} canWrite={batch.canWrite} canPrint={batch.canPrint} />
      <ListTable<OrderRow>
        connection={orders}
        keep={keep}
        columns={useOrderColumns()}
        emptyText={filtered ? t('noMatch') : t('empty')}
        rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys as string[]) }}
        rowData={(row) => ({ 'data-testid': 'order-row', 'data-number': row.number, 'data-status': row.status })}
      />
    </>
  );
}
