// The report engine: validates a report request against the catalog and answers it from the roll-ups.
import type { Db, Principal, Result } from '@shop/kit';
import type { ReportDimension, ReportMetric } from '../catalog/index.js';
import type { CurrencyCode } from '../generated/resolvers-types.js';

export type ReportComparison = 'NONE' | 'PREVIOUS_PERIOD' | 'PREVIOUS_YEAR';

export interface ReportQuery {
  metrics: ReportMetric[];
  dimensions?: ReportDimension[] | null;
  filters?: { dimension: ReportDimension; values: string[] }[] | null;
  range: { from: string; to: string };
  comparison?: ReportComparison | null;
  currencyCode?: string | null;
  sortBy?: ReportMetric | null;
  reverse?: boolean | null;
  first?: number | null;
}

export interface ReportRange { from: string; to: string }
export interface ReportValue { metric: ReportMetric; value: string | null }
export interface ReportKey { dimension: ReportDimension; key: string; label: string | null }
export interface ReportRow { keys: ReportKey[]; values: ReportValue[]; comparisonValues: ReportValue[] | null }

export interface ReportResult {
  range: ReportRange;
  comparisonRange: ReportRange | null;
  metrics: ReportMetric[];
  dimensions: ReportDimension[];
  rows: ReportRow[];
  totals: ReportValue[];
  comparisonTotals: ReportValue[] | null;
  truncated: boolean;
  currencyCode: CurrencyCode;
}

/** Why a request is refused: a BAD_USER_INPUT (the caller's mistake) or FORBIDDEN (a metric beyond its scopes). */
export type ReportErrorCode =
  | 'RANGE_INVALID' | 'RANGE_REVERSED' | 'RANGE_TOO_LONG' | 'METRICS_COUNT' | 'DIMENSIONS_COUNT' | 'DUPLICATE'
  | 'UNSUPPORTED_SPLIT' | 'UNKNOWN_FILTER_VALUE' | 'SORT_NOT_A_METRIC' | 'FIRST_OUT_OF_RANGE' | 'METRIC_FORBIDDEN';

/**
 * Computes a report for `principal` (its scopes decide the metrics) in the
 * caller's `locale` (labels). Reads only; `db` may be the pool or a replica.
 */
export async function runReport(
  _db: Db,
  _input: ReportQuery,
  _principal: Principal,
  _acceptLanguage: string | null,
): Promise<Result<ReportResult, ReportErrorCode>> {
  throw new Error('not implemented yet');
}
