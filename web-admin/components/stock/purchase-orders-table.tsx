'use client';

import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslations } from 'next-intl';

import type { SupplierOption } from '@/app/(console)/stock/purchase-orders/purchase-orders.graphql';
import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';
import type { PurchaseOrderStatus } from '@/lib/stock';

import { PurchaseOrderCreateModal } from './purchase-order-create-modal';
import { PurchaseOrderStatusFilter } from './purchase-order-status-filter';
import { usePurchaseOrderColumns, type PurchaseOrderRow } from './purchase-orders-columns';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

/** Purchase orders filtered by status; with stock:write, a new one. */
export function PurchaseOrdersTable({
  orders,
  status,
  suppliers,
  warehouses,
  canWrite,
}: {
  orders: Connection<PurchaseOrderRow>;
  status: PurchaseOrderStatus | null;
  suppliers: SupplierOption[];
  warehouses: WarehouseLabel_Warehouse[];
  canWrite: boolean;
}) {
  const t = useTranslations('stock.purchaseOrders');
  const mounted = useMounted();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ListTable<PurchaseOrderRow>
        connection={orders}
        keep={{ status }}
        columns={usePurchaseOrderColumns()}
        emptyText={t('empty')}
        rowData={(row) => ({ 'data-testid': 'po-row', 'data-number': row.number, 'data-status': row.status })}
        toolbar={
          <Flex justify="space-between" wrap gap={12} style={{ width: '100%' }}>
            <PurchaseOrderStatusFilter status={status} />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="po-create">
                {t('create')}
              </Button>
            )}
          </Flex>
        }
      />
      {mounted && canWrite && (
        <PurchaseOrderCreateModal open={creating} onClose={() => setCreating(false)} suppliers={suppliers} warehouses={warehouses} />
      )}
    </>
  );
}
