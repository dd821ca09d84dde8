'use client';

import { EditOutlined, HistoryOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Space, Tag, type TableColumnsType } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { StockLevelsListNode } from '@/app/(console)/stock/stock.graphql';

import { VariantLabel, WarehouseLabel } from './variant-label';

interface StockLevelHandlers {
  onAdjust: (row: StockLevelsListNode) => void;
  onLevels: (row: StockLevelsListNode) => void;
}

/** Adjust and Levels (with stock:write), and the level's movement history. */
function StockLevelActions({ row, handlers }: { row: StockLevelsListNode; handlers: StockLevelHandlers | null }) {
  const t = useTranslations('stock.overview');
  return (
    <Space wrap>
      {handlers && (
        <>
          <Button size="small" icon={<SwapOutlined />} disabled={!row.variant} onClick={() => handlers.onAdjust(row)} data-testid="stock-adjust">
            {t('adjust')}
          </Button>
          <Button size="small" icon={<EditOutlined />} disabled={!row.variant} onClick={() => handlers.onLevels(row)} data-testid="stock-levels">
            {t('levels')}
          </Button>
        </>
      )}
      {row.variant && (
        <Link
          href={`/stock/movements?variantId=${encodeURIComponent(row.variant.id)}&warehouseId=${encodeURIComponent(row.warehouse.id)}`}
          data-testid="stock-history"
        >
          <HistoryOutlined /> {t('history')}
        </Link>
      )}
    </Space>
  );
}

const number = (testId: string) => (value: number) => <span data-testid={testId}>{value}</span>;

/** The stock overview's columns; `handlers` null without stock:write. */
export function useStockLevelColumns(handlers: StockLevelHandlers | null): TableColumnsType<StockLevelsListNode> {
  const t = useTranslations('stock.overview');
  return [
    {
      key: 'variant',
      title: t('columns.variant'),
      render: (_: unknown, row) => (
        <Space>
          <VariantLabel variant={row.variant} />
          {row.lowStock && (
            <Tag color="red" data-testid="low-stock-tag">
              {t('lowStock')}
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'warehouse', title: t('columns.warehouse'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.warehouse} /> },
    { key: 'onHand', dataIndex: 'onHand', title: t('columns.onHand'), align: 'end', render: number('on-hand') },
    { key: 'reserved', dataIndex: 'reserved', title: t('columns.reserved'), align: 'end', render: number('reserved') },
    { key: 'available', dataIndex: 'available', title: t('columns.available'), align: 'end', render: number('available') },
    { key: 'safetyStock', dataIndex: 'safetyStock', title: t('columns.safetyStock'), align: 'end', render: number('safety-stock') },
    { key: 'reorderPoint', dataIndex: 'reorderPoint', title: t('columns.reorderPoint'), align: 'end', render: number('reorder-point') },
    { key: 'actions', title: t('columns.actions'), render: (_: unknown, row) => <StockLevelActions row={row} handlers={handlers} /> },
  ];
}
