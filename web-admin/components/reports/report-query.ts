import type {
  CurrencyCode,
  ReportComparison,
  ReportDimension,
  ReportMetric,
  ReportQueryInput,
  SavedReportDefinitionInput,
  SavedReportOpenQuery,
} from '@/gql/graphql';

type SavedReportDefinition = NonNullable<SavedReportOpenQuery['savedReport']>['definition'];

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

/** The builder's values as a saved report keeps them: the preset itself (resolved at each run), or the fixed range. */
export function definitionOf(values: BuilderValues): SavedReportDefinitionInput {
  const custom = values.preset === 'CUSTOM';
  return {
    metrics: values.metrics,
    dimensions: values.dimensions,
    filters: values.filters.filter((filter) => filter.dimension && filter.values.length),
    rangePreset: custom ? null : (values.preset as RangePreset),
    range: custom ? { from: values.from ?? '', to: values.to ?? '' } : null,
    comparison: values.comparison,
    currencyCode: values.currencyCode,
  };
}

/** A saved definition back in the builder's form; the shop currency where it named none. */
export function valuesOf(definition: SavedReportDefinition, shopCurrency: CurrencyCode): BuilderValues {
  return {
    metrics: definition.metrics,
    dimensions: definition.dimensions,
    filters: definition.filters.map((filter) => ({ dimension: filter.dimension, values: filter.values })),
    preset: definition.rangePreset ?? 'CUSTOM',
    from: definition.range?.from,
    to: definition.range?.to,
    comparison: definition.comparison,
    currencyCode: definition.currencyCode ?? shopCurrency,
  };
}
