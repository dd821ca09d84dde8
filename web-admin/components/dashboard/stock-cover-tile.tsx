'use client';

import { Card, Table } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { formatNumber } from '@/lib/format';

/** StockCoverFigure: how many days a variant's stock lasts at its current daily sales. */
export interface StockCover {
  variantId: string;
  sku: string;
  available: number;
  dailyVelocity: number;
  daysLeft: number | null;
}

/** Variants that run out soonest, with days of stock left (none when the variant does not sell). */
export function StockCoverTile({ rows }: { rows: StockCover[] }) {
  const t = useTranslations('dashboardHome.stockCover');
  const locale = useLocale();
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <Card title={t('title')} data-testid="tile-stockCover">
      <Table<StockCover>
        rowKey="variantId"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('empty') }}
        columns={[
          { key: 'sku', title: t('sku'), render: (_, row) => <bdi>{row.sku}</bdi> },
          { key: 'available', title: t('available'), align: 'end', render: (_, row) => formatNumber(row.available, locale) },
          { key: 'velocity', title: t('velocity'), align: 'end', render: (_, row) => decimal.format(row.dailyVelocity) },
          {
            key: 'daysLeft',
            title: t('daysLeft'),
            align: 'end',
            render: (_, row) => (row.daysLeft === null ? t('noSales') : decimal.format(row.daysLeft)),
          },
        ]}
      />
    </Card>
  );
}
