'use client';

import type { HTMLAttributes } from 'react';
import { Empty, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';

import type { StockAlertsListNode } from '@/app/(console)/stock/alerts/alerts.graphql';

import { VariantLabel, WarehouseLabel } from './variant-label';

/** An open alert; `raisedAt` is formatted on the server. */
export type LowStockRow = StockAlertsListNode;

const rowProps = (row: LowStockRow): HTMLAttributes<HTMLElement> =>
  ({
    'data-testid': 'stock-alert-row',
    'data-sku': row.variant?.sku ?? '',
    'data-warehouse-id': row.warehouse?.id ?? '',
    'data-status': row.status,
  }) as HTMLAttributes<HTMLElement>;

export function LowStockTable({ rows }: { rows: LowStockRow[] }) {
  const t = useTranslations('stock.alerts');
  return (
    <Table<LowStockRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      onRow={rowProps}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        { key: 'variant', title: t('columns.variant'), render: (_: unknown, row) => <VariantLabel variant={row.variant} /> },
        { key: 'warehouse', title: t('columns.warehouse'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.warehouse} /> },
        { key: 'available', dataIndex: 'available', title: t('columns.available'), align: 'end' },
        { key: 'reorderPoint', dataIndex: 'reorderPoint', title: t('columns.reorderPoint'), align: 'end' },
        {
          key: 'status',
          dataIndex: 'status',
          title: t('columns.status'),
          render: (status: LowStockRow['status']) => (
            <Tag color={status === 'OPEN' ? 'red' : 'green'} data-testid="alert-status">
              {t(`status.${status}`)}
            </Tag>
          ),
        },
        { key: 'raisedAt', dataIndex: 'raisedAt', title: t('columns.raisedAt') },
      ]}
    />
  );
}
