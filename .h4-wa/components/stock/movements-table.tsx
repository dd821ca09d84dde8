'use client';

import type { HTMLAttributes } from 'react';
import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import type { StockMovementsListNode } from '@/app/(console)/stock/movements/movements.graphql';
import type { StockMovementKind } from '@/lib/stock';

import { WarehouseLabel } from './variant-label';

const kindColors: Record<StockMovementKind, string> = {
  RECEIPT: 'green',
  ADJUSTMENT: 'blue',
  TRANSFER_OUT: 'orange',
  TRANSFER_IN: 'cyan',
  RESERVATION: 'purple',
  RELEASE: 'geekblue',
  SHIPMENT: 'volcano',
  RETURN: 'lime',
  WRITE_OFF: 'red',
  STOCKTAKE: 'gold',
};

const rowProps = (row: StockMovementsListNode): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'stock-movement-row', 'data-kind': row.kind }) as HTMLAttributes<HTMLElement>;

/** A signed delta: "+5", "−3", "0"; the sign is kept left of the digits in RTL too. */
function Delta({ value }: { value: number }) {
  const text = value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
  return (
    <Typography.Text type={value < 0 ? 'danger' : value > 0 ? 'success' : 'secondary'} dir="ltr">
      {text}
    </Typography.Text>
  );
}

/** Ledger rows (createdAt formatted on the server). */
export function MovementsTable({ rows, emptyText }: { rows: StockMovementsListNode[]; emptyText?: string }) {
  const t = useTranslations('stock.movements');
  const tk = useTranslations('stock.kinds');
  const tr = useTranslations('stock.reasons');
  const tc = useTranslations('common');
  const reason = (code: string | null) => {
    if (!code) return tc('none');
    return tr.has(code as 'FOUND') ? tr(code as 'FOUND') : code;
  };
  return (
    <Table<StockMovementsListNode>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      onRow={rowProps}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={emptyText ?? t('empty')} /> }}
      columns={[
        { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
        {
          key: 'kind',
          dataIndex: 'kind',
          title: t('columns.kind'),
          render: (kind: StockMovementKind) => <Tag color={kindColors[kind] ?? 'default'}>{tk.has(kind) ? tk(kind) : kind}</Tag>,
        },
        { key: 'warehouse', title: t('columns.warehouse'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.warehouse} /> },
        { key: 'onHandDelta', dataIndex: 'onHandDelta', title: t('columns.onHandDelta'), align: 'end', render: (v: number) => <Delta value={v} /> },
        { key: 'reservedDelta', dataIndex: 'reservedDelta', title: t('columns.reservedDelta'), align: 'end', render: (v: number) => <Delta value={v} /> },
        { key: 'reasonCode', dataIndex: 'reasonCode', title: t('columns.reason'), render: reason },
        {
          key: 'reference',
          dataIndex: 'reference',
          title: t('columns.reference'),
          render: (ref: string | null) => (ref ? <Typography.Text code>{ref}</Typography.Text> : tc('none')),
        },
      ]}
    />
  );
}
