import { Card, Col, Row, Statistic } from 'antd';
import { getLocale, getTranslations } from 'next-intl/server';

import { formatMoney, formatNumber, type Money } from '@/lib/format';

/** What `salesSummary(from, to)` selects for this card. */
export interface SalesSummaryData {
  gmv: Money;
  orderCount: number;
  averageOrderValue: Money;
}

/** Sales figures of one period, formatted in the request's locale. */
export async function SalesSummary({ title, summary }: { title: string; summary: SalesSummaryData }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('sales')]);
  const figures = [
    { key: 'gmv', title: t('gmv'), value: formatMoney(summary.gmv, locale) },
    { key: 'orderCount', title: t('orderCount'), value: formatNumber(summary.orderCount, locale) },
    {
      key: 'averageOrderValue',
      title: t('averageOrderValue'),
      value: formatMoney(summary.averageOrderValue, locale),
    },
  ];
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={24} md={8}>
            <Statistic title={figure.title} value={figure.value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
