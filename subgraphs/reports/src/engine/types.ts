// The engine's request and answer shapes (the GraphQL contract's ReportQueryInput and ReportResult).
import type { ReportDimension, ReportMetric } from '../catalog/index.js';
import type { CurrencyCode } from '../generated/resolvers-types.js';
import type { ReportMessageCode } from './messages.js';

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
export type ReportErrorCode = ReportMessageCode;
