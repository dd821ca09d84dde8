import type { CurrencyCode, ReportComparison, ReportDimension, ReportMetric } from '@/gql/graphql';
import { enumValues } from '@/lib/enum-values';

export const REPORT_METRICS = enumValues<ReportMetric>()([
  'GMV',
  'ORDERS',
  'AVERAGE_ORDER_VALUE',
  'UNITS_SOLD',
  'PAYING_MEMBERS',
  'NEW_MEMBERS',
  'RETURNING_MEMBERS',
  'REFUNDS',
  'REFUND_RATE',
  'NET_SALES',
  'SESSIONS',
  'PAGE_VIEWS',
  'UNIQUE_VISITORS',
  'CONVERSION_RATE',
  'COUPON_COST',
  'PROMOTION_COST',
] as const);

export const REPORT_DIMENSIONS = enumValues<ReportDimension>()([
  'DAY',
  'WEEK',
  'MONTH',
  'CHANNEL',
  'CATEGORY',
  'PRODUCT',
  'BRAND',
  'WAREHOUSE',
  'REGION',
  'MEMBER_TIER',
  'TRAFFIC_SOURCE',
  'CAMPAIGN',
] as const);

export const REPORT_COMPARISONS = enumValues<ReportComparison>()(['NONE', 'PREVIOUS_PERIOD', 'PREVIOUS_YEAR'] as const);

export const CURRENCY_CODES = enumValues<CurrencyCode>()(['THB', 'CNY', 'HKD', 'TWD', 'SAR', 'AED', 'KWD', 'USD', 'JPY'] as const);

/** Dimensions that are time: the preview draws them as a line, the others as bars. */
export const TIME_DIMENSIONS: readonly ReportDimension[] = ['DAY', 'WEEK', 'MONTH'];
