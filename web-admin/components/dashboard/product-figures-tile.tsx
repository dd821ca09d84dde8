'use client';

import { Card, Table } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { formatMoney, formatNumber, type Money } from '@/lib/format';

/** DashboardProductFigure: a product's units and GMV over the period. */
export interface ProductFigure {
  productId: string;
  title: string | null;
  unitsSold: number;
  gmv: Money;
}

/** The best sellers or the slow movers of the period, as a table. */
export function ProductFiguresTile({ kind, rows, days }: { kind: 'topProducts' | 'slowMovers'; rows: ProductFigure[]; days: number }) {
  const t = useTranslations('dashboardHome.products');
  const locale = useLocale();
  return (
    <Card title={t(`${kind}`, { days })} data-testid={`tile-${kind}`}>
      <Table<ProductFigure>
        rowKey="productId"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('empty') }}
        columns={[
          { key: 'title', title: t('product'), render: (_, row) => <bdi>{row.title ?? row.productId}</bdi> },
          { key: 'units', title: t('units'), align: 'end', render: (_, row) => formatNumber(row.unitsSold, locale) },
          { key: 'gmv', title: t('gmv'), align: 'end', render: (_, row) => formatMoney(row.gmv, locale) },
        ]}
      />
    </Card>
  );
}
