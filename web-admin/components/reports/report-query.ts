import type { CurrencyCode, ReportComparison, ReportDimension, ReportMetric, ReportQueryInput } from '@/gql/graphql';

import { presetRange, type DayRange, type RangePreset } from './report-range';

/** The builder form's values: a preset range, or CUSTOM with two shop days. */
export interface BuilderValues {
  metrics: ReportMetric[];
  dimensions: ReportDimension[];
  filters: { dimension: ReportDimension; values: string[] }[];
  preset: RangePreset | 'CUSTOM';
  from?: string;
  to?: string;
  comparison: ReportComparison;
  currencyCode: CurrencyCode;
}

/** The days the form asks for: the preset resolved on the shop's today, or the custom range. */
export function rangeOf(values: BuilderValues, today: string, weekStartsOn: number): DayRange {
  return values.preset === 'CUSTOM'
    ? { from: values.from ?? today, to: values.to ?? today }
    : presetRange(values.preset, today, weekStartsOn);
}

/** The `report(input)` the form asks for; filters without a value are left out. */
export function queryInputOf(values: BuilderValues, today: string, weekStartsOn: number): ReportQueryInput {
  return {
    metrics: values.metrics,
    dimensions: values.dimensions,
    filters: values.filters.filter((filter) => filter.dimension && filter.values.length),
    range: rangeOf(values, today, weekStartsOn),
    comparison: values.comparison,
    currencyCode: values.currencyCode,
  };
}
