'use client';

import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { useTranslations } from 'next-intl';

import { SeriesChart } from '@/components/charts/series-chart';

/** One shop day of the GMV trend, its label already in the viewer's calendar. */
export interface TrendPoint {
  label: string;
  gmv: number;
  previousGmv: number;
}

/** GMV per shop day with the comparison line (the same weekday a period earlier). */
export function TrendTile({ points, days, currencyCode }: { points: TrendPoint[]; days: number; currencyCode: string }) {
  const t = useTranslations('dashboardHome.trend');
  const categories = useMemo(() => points.map((point) => point.label), [points]);
  const series = useMemo(
    () => [
      { name: t('current'), values: points.map((point) => point.gmv) },
      { name: t('previous'), values: points.map((point) => point.previousGmv) },
    ],
    [points, t],
  );
  const title = t('title', { days });
  return (
    <Card title={title} data-testid="tile-trend">
      {points.length ? (
        <SeriesChart kind="line" categories={categories} series={series} unit="MONEY" currencyCode={currencyCode} label={title} />
      ) : (
        <Empty description={t('empty')} />
      )}
    </Card>
  );
}
