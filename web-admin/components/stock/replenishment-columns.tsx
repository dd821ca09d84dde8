'use client';

import { Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';

import type { ReplenishmentSuggestionNode } from '@/app/(console)/stock/replenishment/replenishment.graphql';

import { VariantLabel, WarehouseLabel } from './variant-label';

/** The replenishment suggestions' columns: stock, demand, lead time and the suggested quantity with its reason. */
export function useReplenishmentColumns(): TableColumnsType<ReplenishmentSuggestionNode> {
  const t = useTranslations('stock.replenishment');
  return [
    { key: 'variant', title: t('columns.variant'), render: (_: unknown, row) => <VariantLabel variant={row.variant} /> },
    { key: 'warehouse', title: t('columns.warehouse'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.warehouse} /> },
    { key: 'available', dataIndex: 'available', title: t('columns.available'), align: 'end' },
    { key: 'onOrder', dataIndex: 'onOrder', title: t('columns.onOrder'), align: 'end' },
    { key: 'velocity', dataIndex: 'velocityPerDay', title: t('columns.velocity'), align: 'end' },
    { key: 'leadTime', dataIndex: 'leadTimeDays', title: t('columns.leadTime'), align: 'end' },
    { key: 'safety', dataIndex: 'safetyStock', title: t('columns.safetyStock'), align: 'end' },
    {
      key: 'suggested',
      dataIndex: 'suggestedQuantity',
      title: t('columns.suggested'),
      align: 'end',
      render: (n: number) => <Typography.Text strong>{n}</Typography.Text>,
    },
    {
      key: 'reason',
      dataIndex: 'reason',
      title: t('columns.reason'),
      render: (reason: string) => (
        <Tooltip title={reason}>
          <Typography.Text ellipsis style={{ maxWidth: 280 }}>
            {reason}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'supplier',
      title: t('columns.supplier'),
      render: (_: unknown, row) => row.supplier?.name ?? <Typography.Text type="secondary">{t('noSupplier')}</Typography.Text>,
    },
  ];
}
