// One SQL statement per metric source and period: the measures grouped by the report's keys, plus the totals.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import type { Measure, MetricSource, ReportDimension } from '../catalog/index.js';
import type { DayRange } from './periods.js';

/** Measure values by name; bigint so money never passes through a float. */
export type Measures = Partial<Record<Measure, bigint>>;

/** A source's answer: measures per key tuple (JSON of the keys), and over everything matched. */
export interface SourceFigures {
  rows: Map<string, { keys: string[]; measures: Measures }>;
  totals: Measures;
}

interface SourceShape {
  /** The table read, aliased r, and the rows of it that count. */
  from: string;
  where: string;
  /** Whether rows carry a currency (traffic has none). */
  currency: boolean;
  keys: Partial<Record<ReportDimension, string>>;
  measures: Partial<Record<Measure, string>>;
}

const TIME_KEYS = {
  DAY: 'r.day::text',
  WEEK: "date_trunc('week', r.day)::date::text",
  MONTH: "to_char(r.day, 'YYYY-MM')",
};
const SALES_KEYS = { CHANNEL: 'r.channel', WAREHOUSE: 'r.warehouse_id', REGION: 'r.region', MEMBER_TIER: 'r.member_tier' };

/**
 * The whitelisted SQL of each source (fixed strings: nothing from the request
 * becomes SQL; keys and values travel as parameters).
 */
const SOURCES: Record<MetricSource, SourceShape> = {
  sales: {
    from: 'reports.sales_rollup r', where: 'true', currency: true,
    keys: { ...TIME_KEYS, ...SALES_KEYS },
    measures: {
      orders: 'sum(r.orders)', gmvMinor: 'sum(r.gmv_minor)', couponMinor: 'sum(r.coupon_minor)',
      promotionMinor: 'sum(r.promotion_minor)', newMembers: 'sum(r.new_members)', refundMinor: 'sum(r.refund_minor)',
    },
  },
  products: {
    from: 'reports.product_rollup r', where: 'true', currency: true,
    // Category and brand are the product's, looked up in products after the query (see groupByProductLabel).
    keys: { ...TIME_KEYS, ...SALES_KEYS, PRODUCT: 'r.product_id', CATEGORY: 'r.product_id', BRAND: 'r.product_id' },
    measures: { units: 'sum(r.units)', lineRevenueMinor: 'sum(r.revenue_minor)' },
  },
  // Distinct members are not additive over days, so they are counted over the facts (index order_fact_day_idx).
  members: {
    from: 'reports.order_fact r', where: 'r.counted and r.member_id is not null', currency: true,
    keys: { ...TIME_KEYS, ...SALES_KEYS },
    measures: { payingMembers: 'count(distinct r.member_id)' },
  },
  traffic: {
    from: 'reports.traffic_fact r', where: 'true', currency: false,
    keys: { ...TIME_KEYS, TRAFFIC_SOURCE: 'r.source', CAMPAIGN: 'r.campaign' },
    measures: { pageViews: 'sum(r.page_views)', sessions: 'count(distinct (r.day, r.visitor_hash))', visitors: 'count(distinct r.visitor_hash)' },
  },
};

export interface SourceRequest {
  source: MetricSource;
  measures: Measure[];
  /** The key of each dimension, in the report's order. */
  dimensions: ReportDimension[];
  /** Filters the SQL applies (category and brand filters are applied after the label lookup). */
  filters: Map<ReportDimension, string[]>;
  range: DayRange;
  currencyCode: string;
}

/**
 * Reads one source for one period: one statement with GROUPING SETS, so the
 * totals are exact even for distinct counts (visitors over a month are not
 * the sum of daily visitors).
 */
export async function readSource(db: Db, request: SourceRequest): Promise<SourceFigures> {
  const shape = SOURCES[request.source];
  const keyExpressions = request.dimensions.map((dimension) => shape.keys[dimension]!);
  const conditions: SQL[] = [sql.raw(shape.where), sql`r.day between ${request.range.from}::date and ${request.range.to}::date`];
  if (shape.currency) conditions.push(sql`r.currency_code = ${request.currencyCode}`);
  for (const [dimension, values] of request.filters) {
    conditions.push(sql`${sql.raw(shape.keys[dimension]!)} = any(${sql.param(values)}::text[])`);
  }
  const keyColumns = keyExpressions.map((expression, index) => sql.raw(`${expression} as k${index}`));
  const measureColumns = request.measures.map((measure) => sql.raw(`coalesce(${shape.measures[measure]!}, 0)::text as "${measure}"`));
  const distinctKeys = [...new Set(keyExpressions)].join(', ');
  // grouping(...) is 0 on a keyed row and non-zero on the totals row; with no keys the one row is the totals.
  const totalColumn = sql.raw(distinctKeys ? `grouping(${distinctKeys}) as total` : '1 as total');
  const groupBy = sql.raw(distinctKeys ? `group by grouping sets ((${distinctKeys}), ())` : '');
  const rows = await db.execute<Record<string, string | number | null>>(sql`
    select ${sql.join([...keyColumns, ...measureColumns, totalColumn], sql`, `)}
    from ${sql.raw(shape.from)}
    where ${sql.join(conditions, sql` and `)}
    ${groupBy}`);
  const figures: SourceFigures = { rows: new Map(), totals: {} };
  for (const row of rows) {
    const measures: Measures = Object.fromEntries(request.measures.map((measure) => [measure, BigInt(String(row[measure] ?? '0'))]));
    if (Number(row.total) !== 0) {
      figures.totals = measures;
      // Without dimensions the totals are the report's one row.
      if (request.dimensions.length) continue;
    }
    const keys = request.dimensions.map((_, index) => String(row[`k${index}`] ?? ''));
    figures.rows.set(JSON.stringify(keys), { keys, measures });
  }
  return figures;
}
