// The dashboard's sales tiles, each one statement over the daily roll-ups (never the facts or another domain's tables).
import { sql } from 'drizzle-orm';
import { callersLocale, codedError, DEFAULT_CURRENCY, money, type Db, type MoneyValue } from '@shop/kit';
import { addShopDays, shopToday, shopWeekStart } from '@shop/kit/shop-time';
import { activeProductIds, productReportLabels } from '@shop/products/commands';
import { productRollup, salesRollup } from '../tables.js';

/** The longest window a tile looks back over: a leap year. */
const MAX_DAYS = 366;
const MAX_PRODUCTS = 100;

/** Days from `days - 1` days ago to today, both inclusive; BAD_USER_INPUT outside 1..366. */
function lastDays(days: number, today: string): { from: string; to: string } {
  inRange('days', days, MAX_DAYS);
  return { from: addShopDays(today, 1 - days), to: today };
}

function inRange(argument: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw codedError('BAD_USER_INPUT', `${argument} must be between 1 and ${max}.`, { argument });
  }
}

export interface DashboardComparison {
  gmv: MoneyValue;
  orders: number;
  previousGmv: MoneyValue;
  previousOrders: number;
}

/** GMV and orders of two day ranges (inclusive) in one statement. */
async function compare(db: Db, current: { from: string; to: string }, previous: { from: string; to: string }): Promise<DashboardComparison> {
  const currency = DEFAULT_CURRENCY;
  const inCurrent = sql`${salesRollup.day} between ${current.from} and ${current.to}`;
  const inPrevious = sql`${salesRollup.day} between ${previous.from} and ${previous.to}`;
  // sum(bigint) is numeric: text carries it to BigInt without a float in between.
  const [row] = await db.execute<{ gmv: string; orders: number; previous_gmv: string; previous_orders: number }>(sql`
    select coalesce(sum(${salesRollup.gmvMinor}) filter (where ${inCurrent}), 0)::text as gmv,
           coalesce(sum(${salesRollup.orders}) filter (where ${inCurrent}), 0)::int as orders,
           coalesce(sum(${salesRollup.gmvMinor}) filter (where ${inPrevious}), 0)::text as previous_gmv,
           coalesce(sum(${salesRollup.orders}) filter (where ${inPrevious}), 0)::int as previous_orders
    from ${salesRollup}
    where ${salesRollup.currencyCode} = ${currency} and (${inCurrent} or ${inPrevious})`);
  return {
    gmv: money(row!.gmv, currency),
    orders: row!.orders,
    previousGmv: money(row!.previous_gmv, currency),
    previousOrders: row!.previous_orders,
  };
}

/** The shop's today so far beside the whole of yesterday. */
export function salesToday(db: Db, now: Date = new Date()): Promise<DashboardComparison> {
  const today = shopToday(now);
  const yesterday = addShopDays(today, -1);
  return compare(db, { from: today, to: today }, { from: yesterday, to: yesterday });
}

/** This fiscal week so far beside the same days of last week (like for like: Monday to Wednesday against Monday to Wednesday). */
export function salesThisWeek(db: Db, now: Date = new Date()): Promise<DashboardComparison> {
  const today = shopToday(now);
  const start = shopWeekStart(today);
  return compare(db, { from: start, to: today }, { from: addShopDays(start, -7), to: addShopDays(today, -7) });
}

export interface TrendPoint {
  day: string;
  gmv: MoneyValue;
  previousGmv: MoneyValue;
}

/**
 * GMV per shop day over the last `days` days, each beside the same weekday a
 * whole number of weeks earlier (the first multiple of 7 not below `days`, so
 * the comparison never overlaps the trend). Days without sales are zero.
 */
export async function gmvTrend(db: Db, days: number, now: Date = new Date()): Promise<TrendPoint[]> {
  const currency = DEFAULT_CURRENCY;
  const { from, to } = lastDays(days, shopToday(now));
  const shift = Math.ceil(days / 7) * 7;
  const rows = await db.execute<{ day: string; gmv: string; previous_gmv: string }>(sql`
    with daily as (
      select ${salesRollup.day} as day, sum(${salesRollup.gmvMinor}) as gmv from ${salesRollup}
      where ${salesRollup.currencyCode} = ${currency}
        and (${salesRollup.day} between ${from} and ${to} or ${salesRollup.day} between ${addShopDays(from, -shift)} and ${addShopDays(to, -shift)})
      group by 1)
    select d::date::text as day, coalesce(c.gmv, 0)::text as gmv, coalesce(p.gmv, 0)::text as previous_gmv
    from generate_series(${from}::date, ${to}::date, interval '1 day') d
    left join daily c on c.day = d::date
    left join daily p on p.day = d::date - ${shift}::int
    order by d`);
  return rows.map((r) => ({ day: r.day, gmv: money(r.gmv, currency), previousGmv: money(r.previous_gmv, currency) }));
}

export interface Share {
  key: string;
  gmv: MoneyValue;
  orders: number;
}

/** GMV and orders per channel over the last `days` days, largest GMV first. */
export async function channelSplit(db: Db, days: number, now: Date = new Date()): Promise<Share[]> {
  const currency = DEFAULT_CURRENCY;
  const { from, to } = lastDays(days, shopToday(now));
  const rows = await db.execute<{ channel: string; gmv: string; orders: number }>(sql`
    select ${salesRollup.channel} as channel, sum(${salesRollup.gmvMinor})::text as gmv, sum(${salesRollup.orders})::int as orders
    from ${salesRollup}
    where ${salesRollup.currencyCode} = ${currency} and ${salesRollup.day} between ${from} and ${to}
    group by 1
    having sum(${salesRollup.orders}) > 0
    order by sum(${salesRollup.gmvMinor}) desc, 1`);
  return rows.map((r) => ({ key: r.channel, gmv: money(r.gmv, currency), orders: r.orders }));
}

export interface ProductFigure {
  productId: string;
  title: string | null;
  unitsSold: number;
  gmv: MoneyValue;
}

type ProductSales = { product_id: string; units: number; revenue: string };

/** Titles in the caller's language from products, one query for the page. */
async function withTitles(db: Db, rows: ProductSales[], acceptLanguage: string | null | undefined): Promise<ProductFigure[]> {
  const labels = await productReportLabels(db, rows.map((r) => r.product_id), callersLocale(acceptLanguage));
  return rows.map((r) => ({
    productId: r.product_id,
    title: labels.get(r.product_id)?.title ?? null,
    unitsSold: r.units,
    gmv: money(r.revenue, DEFAULT_CURRENCY),
  }));
}

/** The `first` products with the most revenue over the last `days` days. */
export async function topProducts(db: Db, days: number, first: number, acceptLanguage?: string | null, now: Date = new Date()): Promise<ProductFigure[]> {
  const { from, to } = lastDays(days, shopToday(now));
  inRange('first', first, MAX_PRODUCTS);
  const rows = await db.execute<ProductSales>(sql`
    select ${productRollup.productId} as product_id, sum(${productRollup.units})::int as units, sum(${productRollup.revenueMinor})::text as revenue
    from ${productRollup}
    where ${productRollup.currencyCode} = ${DEFAULT_CURRENCY} and ${productRollup.day} between ${from} and ${to} and ${productRollup.productId} <> ''
    group by 1
    order by sum(${productRollup.revenueMinor}) desc, 2 desc, 1
    limit ${first}`);
  return withTitles(db, rows, acceptLanguage);
}

/**
 * The `first` active products that sold the fewest units over the last `days`
 * days, those that sold nothing first: products lists what is on sale, the
 * roll-ups what sold.
 */
export async function slowMovers(db: Db, days: number, first: number, acceptLanguage?: string | null, now: Date = new Date()): Promise<ProductFigure[]> {
  const { from, to } = lastDays(days, shopToday(now));
  inRange('first', first, MAX_PRODUCTS);
  const active = await activeProductIds(db);
  if (!active.length) return [];
  const rows = await db.execute<ProductSales>(sql`
    select p.id as product_id, coalesce(sum(r.units), 0)::int as units, coalesce(sum(r.revenue_minor), 0)::text as revenue
    from unnest(${sql.param(active)}::text[]) as p(id)
    left join ${productRollup} r
      on r.product_id = p.id and r.currency_code = ${DEFAULT_CURRENCY} and r.day between ${from} and ${to}
    group by 1
    order by 2, coalesce(sum(r.revenue_minor), 0), 1
    limit ${first}`);
  return withTitles(db, rows, acceptLanguage);
}
