// The whitelisted catalog of report metrics and dimensions: what each metric reads, its unit and the scopes it needs.
import { scopesOf, type Principal } from '@shop/kit';

export const REPORT_METRICS = [
  'GMV', 'ORDERS', 'AVERAGE_ORDER_VALUE', 'UNITS_SOLD', 'PAYING_MEMBERS', 'NEW_MEMBERS', 'RETURNING_MEMBERS',
  'REFUNDS', 'REFUND_RATE', 'NET_SALES', 'SESSIONS', 'PAGE_VIEWS', 'UNIQUE_VISITORS', 'CONVERSION_RATE',
  'COUPON_COST', 'PROMOTION_COST',
] as const;
export type ReportMetric = (typeof REPORT_METRICS)[number];

export const REPORT_DIMENSIONS = [
  'DAY', 'WEEK', 'MONTH', 'CHANNEL', 'CATEGORY', 'PRODUCT', 'BRAND', 'WAREHOUSE', 'REGION', 'MEMBER_TIER',
  'TRAFFIC_SOURCE', 'CAMPAIGN',
] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export type MetricUnit = 'MONEY' | 'COUNT' | 'RATIO';

/**
 * Where a metric's figures come from. Each source is one query shape over
 * roll-ups (or, for distinct counts, facts) and can be split by some
 * dimensions only: traffic knows no channel, sales know no campaign.
 *  - sales: sales_rollup (orders, GMV, discounts, new members, refunds)
 *  - products: product_rollup joined with product_label (units, line revenue)
 *  - members: distinct members over order_fact (not additive over days)
 *  - traffic: traffic_fact (page views, visitor-days, distinct visitors)
 */
export type MetricSource = 'sales' | 'products' | 'members' | 'traffic';

const TIME: ReportDimension[] = ['DAY', 'WEEK', 'MONTH'];
const SALES_KEYS: ReportDimension[] = ['CHANNEL', 'WAREHOUSE', 'REGION', 'MEMBER_TIER'];
const PRODUCT_KEYS: ReportDimension[] = ['CATEGORY', 'PRODUCT', 'BRAND'];

/** The dimensions each source can split by. */
export const SOURCE_DIMENSIONS: Record<MetricSource, readonly ReportDimension[]> = {
  sales: [...TIME, ...SALES_KEYS],
  products: [...TIME, ...SALES_KEYS, ...PRODUCT_KEYS],
  members: [...TIME, ...SALES_KEYS],
  traffic: [...TIME, 'TRAFFIC_SOURCE', 'CAMPAIGN'],
};

/**
 * The base figures the sources compute; every metric is one of them or a
 * ratio/difference of two (computed after the query, so totals stay exact).
 */
export type Measure =
  | 'orders' | 'gmvMinor' | 'couponMinor' | 'promotionMinor' | 'newMembers' | 'refundMinor'
  | 'units' | 'lineRevenueMinor' | 'payingMembers' | 'pageViews' | 'sessions' | 'visitors';

export interface MetricDefinition {
  unit: MetricUnit;
  /** Every scope the metric needs; reports:read is always among them. */
  scopes: readonly string[];
  /** The measures it is computed from, by source. */
  needs: readonly Measure[];
}

const READ = ['reports:read'];
const MARKETING = ['reports:read', 'marketing:read'];

export const METRICS: Record<ReportMetric, MetricDefinition> = {
  GMV: { unit: 'MONEY', scopes: READ, needs: ['gmvMinor'] },
  ORDERS: { unit: 'COUNT', scopes: READ, needs: ['orders'] },
  AVERAGE_ORDER_VALUE: { unit: 'MONEY', scopes: READ, needs: ['gmvMinor', 'orders'] },
  UNITS_SOLD: { unit: 'COUNT', scopes: READ, needs: ['units'] },
  PAYING_MEMBERS: { unit: 'COUNT', scopes: READ, needs: ['payingMembers'] },
  NEW_MEMBERS: { unit: 'COUNT', scopes: READ, needs: ['newMembers'] },
  RETURNING_MEMBERS: { unit: 'COUNT', scopes: READ, needs: ['payingMembers', 'newMembers'] },
  REFUNDS: { unit: 'MONEY', scopes: READ, needs: ['refundMinor'] },
  REFUND_RATE: { unit: 'RATIO', scopes: READ, needs: ['refundMinor', 'gmvMinor'] },
  NET_SALES: { unit: 'MONEY', scopes: READ, needs: ['gmvMinor', 'refundMinor'] },
  SESSIONS: { unit: 'COUNT', scopes: READ, needs: ['sessions'] },
  PAGE_VIEWS: { unit: 'COUNT', scopes: READ, needs: ['pageViews'] },
  UNIQUE_VISITORS: { unit: 'COUNT', scopes: READ, needs: ['visitors'] },
  CONVERSION_RATE: { unit: 'RATIO', scopes: READ, needs: ['orders', 'sessions'] },
  COUPON_COST: { unit: 'MONEY', scopes: MARKETING, needs: ['couponMinor'] },
  PROMOTION_COST: { unit: 'MONEY', scopes: MARKETING, needs: ['promotionMinor'] },
};

/** The source of each measure. */
export const MEASURE_SOURCE: Record<Measure, MetricSource> = {
  orders: 'sales', gmvMinor: 'sales', couponMinor: 'sales', promotionMinor: 'sales', newMembers: 'sales',
  refundMinor: 'sales', units: 'products', lineRevenueMinor: 'products', payingMembers: 'members',
  pageViews: 'traffic', sessions: 'traffic', visitors: 'traffic',
};

/**
 * Dimensions beyond reports:read: rows by member tier tell members' tiers
 * apart, so they keep the member profile rule (schema/data-classes.ts).
 */
export const DIMENSION_SCOPES: Partial<Record<ReportDimension, readonly string[]>> = { MEMBER_TIER: ['members:read'] };

/** May this principal split or filter by the dimension? */
export function mayUseDimension(principal: Principal, dimension: ReportDimension): boolean {
  const held = scopesOf(principal);
  return (DIMENSION_SCOPES[dimension] ?? []).every((scope) => held.includes(scope));
}

/** May this principal read the metric? */
export function mayUseMetric(principal: Principal, metric: ReportMetric): boolean {
  const held = scopesOf(principal);
  return METRICS[metric].scopes.every((scope) => held.includes(scope));
}

/** The catalog as the caller may use it (ReportCatalog): metrics and dimensions its scopes cover. */
export function catalogFor(principal: Principal) {
  return {
    metrics: REPORT_METRICS.filter((metric) => mayUseMetric(principal, metric)).map((metric) => ({ metric, unit: METRICS[metric].unit })),
    dimensions: REPORT_DIMENSIONS.filter((dimension) => mayUseDimension(principal, dimension)),
  };
}
