'use client';

import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { formatMoney, formatNumber, type Money } from '@/lib/format';

/** DashboardComparison: a period against the one before it. */
export interface Comparison {
  gmv: Money;
  orders: number;
  previousGmv: Money;
  previousOrders: number;
}

/** The change from `previous` to `current` as a signed percentage; none when there was nothing before. */
function change(current: number, previous: number, locale: string): string | null {
  if (previous === 0) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(
    (current - previous) / previous,
  );
}

/** GMV and orders of a period (today, this week) beside the previous one and the change. */
export function ComparisonTile({ kind, figures }: { kind: 'today' | 'thisWeek'; figures: Comparison }) {
  const t = useTranslations('dashboardHome.comparison');
  const locale = useLocale();
  const rows = [
    {
      key: 'gmv',
      value: formatMoney(figures.gmv, locale),
      previous: formatMoney(figures.previousGmv, locale),
      delta: change(Number(figures.gmv.amount), Number(figures.previousGmv.amount), locale),
    },
    {
      key: 'orders',
      value: formatNumber(figures.orders, locale),
      previous: formatNumber(figures.previousOrders, locale),
      delta: change(figures.orders, figures.previousOrders, locale),
    },
  ] as const;
  return (
    <Card title={t(`${kind}.title`)} data-testid={`tile-${kind}`}>
      <Row gutter={[16, 16]}>
        {rows.map((row) => (
          <Col key={row.key} xs={24} sm={12}>
            <Statistic title={t(row.key)} value={row.value} />
            <Typography.Text type="secondary">
              {t(`${kind}.previous`, { value: row.previous })}
              {row.delta && <bdi> ({row.delta})</bdi>}
            </Typography.Text>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
