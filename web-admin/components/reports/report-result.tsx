'use client';

import { useMemo } from 'react';
import { Alert, Card, Table, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import type { ReportPreviewResult } from '@/app/(console)/reports/reports.graphql';
import { SeriesChart } from '@/components/charts/series-chart';
import { valueFormatter, type ValueUnit } from '@/components/charts/value-format';
import type { ReportDimension, ReportMetric } from '@/gql/graphql';
import { formatDay, type ShopCalendar } from '@/lib/format';

import { TIME_DIMENSIONS } from './report-enums';

/** Which calendar days are written in (the shop's Buddhist era / Hijri choices). */
export type DayCalendar = Pick<ShopCalendar, 'buddhistEra' | 'hijri'>;

type Row = ReportPreviewResult['rows'][number];
type Values = readonly { metric: ReportMetric; value?: string | null }[];

/** A row key as people read it: the server's label (product title…), a day in the locale, else the key. */
const labelOf = (key: Row['keys'][number], locale: string, calendar: DayCalendar) =>
  key.label ?? (key.dimension === 'DAY' ? formatDay(key.key, locale, calendar) : key.key);

const numberOf = (values: Values | null | undefined, metric: ReportMetric): number | null => {
  const value = values?.find((entry) => entry.metric === metric)?.value;
  return value == null ? null : Number(value);
};

/**
 * The preview of a report: a chart of the first metric (a line over time, bars otherwise;
 * with two dimensions one series per key of the second) and a table of every row with
 * the totals (and the comparison period's) underneath.
 */
export function ReportResultView({
  result,
  units,
  calendar,
}: {
  result: ReportPreviewResult;
  units: Partial<Record<ReportMetric, ValueUnit>>;
  calendar: DayCalendar;
}) {
  const t = useTranslations('reportBuilder');
  const enums = useTranslations('reportEnums');
  const locale = useLocale();
  const compared = !!result.comparisonTotals;
  const unitOf = (metric: ReportMetric): ValueUnit => units[metric] ?? 'COUNT';
  const format = (metric: ReportMetric, value: number | null) =>
    value === null ? '–' : valueFormatter(unitOf(metric), locale, result.currencyCode)(value);
  const keyLabel = (key: Row['keys'][number]) => labelOf(key, locale, calendar);

  const chart = useMemo(() => {
    const keyLabel = (key: Row['keys'][number]) => labelOf(key, locale, calendar);
    const [first, second] = result.dimensions as [ReportDimension?, ReportDimension?];
    const metric = result.metrics[0];
    if (!first || !metric) return null;
    const categories = [...new Set(result.rows.map((row) => keyLabel(row.keys[0]!)))];
    const at = (row: Row) => categories.indexOf(keyLabel(row.keys[0]!));
    const series = second
      ? [...new Set(result.rows.map((row) => keyLabel(row.keys[1]!)))].map((name) => {
          const values: (number | null)[] = categories.map(() => null);
          for (const row of result.rows) if (keyLabel(row.keys[1]!) === name) values[at(row)] = numberOf(row.values, metric);
          return { name, values };
        })
      : [
          { name: enums(`metric.${metric}`), values: result.rows.map((row) => numberOf(row.values, metric)) },
          ...(compared
            ? [{ name: t('comparisonOf', { metric: enums(`metric.${metric}`) }), values: result.rows.map((row) => numberOf(row.comparisonValues, metric)) }]
            : []),
        ];
    return { kind: TIME_DIMENSIONS.includes(first) ? ('line' as const) : ('bar' as const), categories, series, metric };
  }, [result, locale, calendar, compared, enums, t]);

  const columns = [
    ...result.dimensions.map((dimension, index) => ({
      key: `key-${dimension}`,
      title: enums(`dimension.${dimension}`),
      render: (_: unknown, row: Row) => <bdi>{keyLabel(row.keys[index]!)}</bdi>,
    })),
    ...result.metrics.flatMap((metric) => [
      {
        key: metric,
        title: enums(`metric.${metric}`),
        align: 'end' as const,
        render: (_: unknown, row: Row) => format(metric, numberOf(row.values, metric)),
      },
      ...(compared
        ? [
            {
              key: `${metric}-comparison`,
              title: t('comparisonOf', { metric: enums(`metric.${metric}`) }),
              align: 'end' as const,
              render: (_: unknown, row: Row) => format(metric, numberOf(row.comparisonValues, metric)),
            },
          ]
        : []),
    ]),
  ];
  const totals = result.metrics.flatMap((metric) => [
    format(metric, numberOf(result.totals, metric)),
    ...(compared ? [format(metric, numberOf(result.comparisonTotals, metric))] : []),
  ]);
  const title = t('previewTitle', { from: formatDay(result.range.from, locale, calendar), to: formatDay(result.range.to, locale, calendar) });

  return (
    <Card title={title} data-testid="report-preview">
      {result.comparisonRange && (
        <Typography.Paragraph type="secondary">
          {t('comparedWith', { from: formatDay(result.comparisonRange.from, locale, calendar), to: formatDay(result.comparisonRange.to, locale, calendar) })}
        </Typography.Paragraph>
      )}
      {result.truncated && <Alert type="warning" showIcon title={t('truncated')} style={{ marginBottom: 16 }} />}
      {chart && result.rows.length > 0 && (
        <SeriesChart
          kind={chart.kind}
          categories={chart.categories}
          series={chart.series}
          unit={unitOf(chart.metric)}
          currencyCode={result.currencyCode}
          label={title}
        />
      )}
      <Table<Row>
        data-testid="report-table"
        size="small"
        rowKey={(row) => row.keys.map((key) => key.key).join('|') || 'total'}
        dataSource={result.rows}
        columns={columns}
        pagination={result.rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: true }}
        locale={{ emptyText: t('noRows') }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="report-totals">
              {result.dimensions.length > 0 && (
                <Table.Summary.Cell index={0} colSpan={result.dimensions.length}>
                  <Typography.Text strong>{t('totals')}</Typography.Text>
                </Table.Summary.Cell>
              )}
              {totals.map((text, index) => (
                <Table.Summary.Cell key={index} index={result.dimensions.length + index} align="end">
                  <Typography.Text strong>{text}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}
