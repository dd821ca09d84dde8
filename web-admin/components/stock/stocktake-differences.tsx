'use client';

import { Card, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import type { StocktakeLine } from '@/app/(console)/stock/stocktake/stocktake.graphql';
import { ListTable } from '@/components/list/list-table';

import { VariantLabel } from './variant-label';

/** The preview: the lines whose count differs from stock on hand, with the difference signed. */
export function StocktakeDifferences({ lines }: { lines: StocktakeLine[] }) {
  const t = useTranslations('stock.stocktake');
  const differences = lines.filter((line) => line.difference !== 0);
  return (
    <Card title={t('differences', { count: differences.length, total: lines.length })}>
      <ListTable<StocktakeLine>
        rows={differences}
        rowKey="sku"
        emptyText={t('noDifferences')}
        rowData={(line) => ({ 'data-testid': 'stocktake-line', 'data-sku': line.sku })}
        columns={[
          {
            key: 'variant',
            title: t('variant'),
            render: (_: unknown, line) => (line.variant ? <VariantLabel variant={line.variant} /> : <Typography.Text code>{line.sku}</Typography.Text>),
          },
          { key: 'onHand', dataIndex: 'onHand', title: t('onHand'), align: 'end' },
          { key: 'counted', dataIndex: 'counted', title: t('counted'), align: 'end' },
          {
            key: 'difference',
            dataIndex: 'difference',
            title: t('difference'),
            align: 'end',
            render: (d: number) => (
              <Typography.Text type={d < 0 ? 'danger' : 'success'} dir="ltr">
                {d > 0 ? `+${d}` : `−${Math.abs(d)}`}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
