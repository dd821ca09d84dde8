'use client';

import { Typography, type TableColumnsType } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { PurchaseOrderStatus } from '@/lib/stock';

import { PurchaseOrderStatusTag } from './purchase-order-status';
import { WarehouseLabel } from './variant-label';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

/** A purchase order as the list shows it; money and dates formatted on the server. */
export interface PurchaseOrderRow {
  id: string;
  number: string;
  supplierName: string | null;
  warehouse: WarehouseLabel_Warehouse | null;
  status: PurchaseOrderStatus;
  total: string;
  lineCount: number;
  createdAt: string;
}

/** The purchase orders list's columns; the number opens the order. */
export function usePurchaseOrderColumns(): TableColumnsType<PurchaseOrderRow> {
  const t = useTranslations('stock.purchaseOrders');
  const tc = useTranslations('common');
  return [
    {
      key: 'number',
      dataIndex: 'number',
      title: t('columns.number'),
      render: (number: string, row) => (
        <Link href={`/stock/purchase-orders/${encodeURIComponent(row.id)}`} data-testid="po-link">
          <Typography.Text code>{number}</Typography.Text>
        </Link>
      ),
    },
    { key: 'supplier', dataIndex: 'supplierName', title: t('columns.supplier'), render: (n: string | null) => n ?? tc('none') },
    { key: 'warehouse', title: t('columns.warehouse'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.warehouse} /> },
    { key: 'status', dataIndex: 'status', title: t('columns.status'), render: (s: PurchaseOrderStatus) => <PurchaseOrderStatusTag status={s} /> },
    { key: 'lineCount', dataIndex: 'lineCount', title: t('columns.lines'), align: 'end' },
    { key: 'total', dataIndex: 'total', title: t('columns.total'), align: 'end' },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
  ];
}
