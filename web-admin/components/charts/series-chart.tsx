'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';

import { directionOf } from '@/i18n/config';

import { pieChartOption, seriesChartOption, type ChartSeries } from './chart-options';
import { EChart } from './echart';
import { valueFormatter, type ValueUnit } from './value-format';

interface Measure {
  unit: ValueUnit;
  currencyCode: string;
  /** Accessible name of the chart, also the PNG file's name. */
  label: string;
  height?: number;
}

function useFrame({ unit, currencyCode, label }: Measure) {
  const locale = useLocale();
  const t = useTranslations('reportCharts');
  return useMemo(
    () => ({
      rtl: directionOf(locale) === 'rtl',
      format: valueFormatter(unit, locale, currencyCode),
      formatAxis: valueFormatter(unit, locale, currencyCode, true),
      saveAsImageTitle: t('saveAsImage'),
      fileName: label,
    }),
    [locale, unit, currencyCode, label, t],
  );
}

/** A line (over time) or bar chart of one or more series, mirrored in right-to-left locales. */
export function SeriesChart({
  kind,
  categories,
  series,
  ...measure
}: Measure & { kind: 'line' | 'bar'; categories: string[]; series: ChartSeries[] }) {
  const frame = useFrame(measure);
  const option = useMemo(() => seriesChartOption(kind, categories, series, frame), [kind, categories, series, frame]);
  return <EChart option={option} label={measure.label} height={measure.height} />;
}

/** A pie of shares (channel split), mirrored in right-to-left locales. */
export function ShareChart({ slices, ...measure }: Measure & { slices: { name: string; value: number }[] }) {
  const frame = useFrame(measure);
  const option = useMemo(() => pieChartOption(slices, frame), [slices, frame]);
  return <EChart option={option} label={measure.label} height={measure.height} />;
}
