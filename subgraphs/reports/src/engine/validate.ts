// Checks a report request against the catalog and the caller's scopes before any SQL runs.
import { DEFAULT_CURRENCY, failWith, isId, ok, userError, type Locale, type Principal, type Result, type UserError } from '@shop/kit';
import {
  MEASURE_SOURCE, METRICS, mayUseDimension, mayUseMetric, SOURCE_DIMENSIONS,
  type Measure, type MetricSource, type ReportDimension, type ReportMetric,
} from '../catalog/index.js';
import { isChannel, reportMessage, type ReportMessageCode } from './messages.js';
import { dayCount, isDay, weekOf, type DayRange } from './periods.js';
import type { ReportComparison, ReportErrorCode, ReportQuery } from './types.js';

export const LIMITS = { days: 731, metrics: 8, dimensions: 2, filterValues: 100, rows: 1000, defaultRows: 100 } as const;

const PRODUCT_DIMENSIONS: readonly ReportDimension[] = ['PRODUCT', 'CATEGORY', 'BRAND'];

/** A request that passed every check, with what it reads. */
export interface CheckedQuery {
  metrics: ReportMetric[];
  dimensions: ReportDimension[];
  filters: Map<ReportDimension, string[]>;
  range: DayRange;
  comparison: ReportComparison;
  currencyCode: string;
  sortBy: ReportMetric | null;
  reverse: boolean;
  first: number;
  /** The measures to compute, each from its source. */
  measures: Map<Measure, MetricSource>;
}

/** The measures a metric reads: GMV split by product, category or brand is the lines' net revenue. */
function measuresOf(metric: ReportMetric, byProduct: boolean): Measure[] {
  return METRICS[metric].needs.map((measure) => (measure === 'gmvMinor' && byProduct ? 'lineRevenueMinor' : measure));
}

function filterValueKnown(dimension: ReportDimension, value: string): boolean {
  switch (dimension) {
    case 'DAY': return isDay(value);
    case 'WEEK': return isDay(value) && weekOf(value) === value;
    case 'MONTH': return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
    case 'CHANNEL': return isChannel(value);
    // '' is the key of lines whose product is unknown.
    case 'PRODUCT': case 'CATEGORY': case 'BRAND': return value === '' || isId(value);
    default: return value.length <= 200;
  }
}

/**
 * Every mistake of the request (BAD_USER_INPUT), or the first metric or
 * dimension the principal may not use (METRIC_FORBIDDEN, DIMENSION_FORBIDDEN),
 * with messages in `locale`.
 */
export function checkReportQuery(input: ReportQuery, principal: Principal, locale: Locale): Result<CheckedQuery, ReportErrorCode> {
  const errors: UserError<ReportErrorCode>[] = [];
  const refuse = (code: ReportMessageCode & ReportErrorCode, field: string[], params: Record<string, string | number> = {}) =>
    errors.push(userError(code, reportMessage(locale, code, params), ['input', ...field]));

  const forbidden = input.metrics.find((metric) => !mayUseMetric(principal, metric));
  if (forbidden) {
    return failWith([userError('METRIC_FORBIDDEN', reportMessage(locale, 'METRIC_FORBIDDEN', { metric: forbidden }), ['input', 'metrics'])]);
  }

  const hidden = [...(input.dimensions ?? []), ...(input.filters ?? []).map((f) => f.dimension)].find((d) => !mayUseDimension(principal, d));
  if (hidden) {
    return failWith([userError('DIMENSION_FORBIDDEN', reportMessage(locale, 'DIMENSION_FORBIDDEN', { dimension: hidden }), ['input', 'dimensions'])]);
  }

  const range = { from: input.range.from, to: input.range.to };
  if (!isDay(range.from) || !isDay(range.to)) refuse('RANGE_INVALID', ['range']);
  else if (range.from > range.to) refuse('RANGE_REVERSED', ['range', 'from']);
  else if (dayCount(range) > LIMITS.days) refuse('RANGE_TOO_LONG', ['range', 'to'], { max: LIMITS.days });

  const metrics = input.metrics;
  if (metrics.length < 1 || metrics.length > LIMITS.metrics) refuse('METRICS_COUNT', ['metrics'], { max: LIMITS.metrics });
  const dimensions = input.dimensions ?? [];
  if (dimensions.length > LIMITS.dimensions) refuse('DIMENSIONS_COUNT', ['dimensions'], { max: LIMITS.dimensions });
  const twiceIn = (list: readonly string[]) => list.find((name, index) => list.indexOf(name) !== index);
  const metricTwice = twiceIn(metrics);
  if (metricTwice) refuse('DUPLICATE', ['metrics'], { name: metricTwice });
  const dimensionTwice = twiceIn(dimensions);
  if (dimensionTwice) refuse('DUPLICATE', ['dimensions'], { name: dimensionTwice });

  const filters = new Map<ReportDimension, string[]>();
  (input.filters ?? []).forEach((filter, index) => {
    if (filters.has(filter.dimension)) refuse('DUPLICATE', ['filters', String(index), 'dimension'], { name: filter.dimension });
    if (filter.values.length < 1 || filter.values.length > LIMITS.filterValues) {
      refuse('FILTER_VALUES_COUNT', ['filters', String(index), 'values'], { max: LIMITS.filterValues });
    }
    const unknown = filter.values.find((value) => !filterValueKnown(filter.dimension, value));
    if (unknown !== undefined) {
      refuse('UNKNOWN_FILTER_VALUE', ['filters', String(index), 'values'], { value: unknown.slice(0, 60), dimension: filter.dimension });
    }
    filters.set(filter.dimension, [...new Set(filter.values)]);
  });

  const used = [...new Set([...dimensions, ...filters.keys()])];
  const byProduct = used.some((dimension) => PRODUCT_DIMENSIONS.includes(dimension));
  const measures = new Map<Measure, MetricSource>();
  for (const metric of metrics) {
    for (const measure of measuresOf(metric, byProduct)) {
      const source = MEASURE_SOURCE[measure];
      const unsupported = used.find((dimension) => !SOURCE_DIMENSIONS[source].includes(dimension));
      if (unsupported) {
        refuse('UNSUPPORTED_SPLIT', ['dimensions'], { metric, dimension: unsupported });
        break;
      }
      measures.set(measure, source);
    }
  }

  if (input.sortBy && !metrics.includes(input.sortBy)) refuse('SORT_NOT_A_METRIC', ['sortBy'], { metric: input.sortBy });
  const first = input.first ?? LIMITS.defaultRows;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.rows) refuse('FIRST_OUT_OF_RANGE', ['first'], { max: LIMITS.rows });

  if (errors.length) return failWith(errors);
  return ok({
    metrics, dimensions, filters, range,
    comparison: input.comparison ?? 'NONE',
    currencyCode: input.currencyCode ?? DEFAULT_CURRENCY,
    sortBy: input.sortBy ?? null,
    reverse: input.reverse ?? false,
    first,
    measures,
  });
}
