// A metric's value per shop day from the daily roll-ups, for the anomaly baseline.
import { and, eq, sql } from 'drizzle-orm';
import { formatMinor, type Db } from '@shop/kit';
import { salesRollup, trafficFact } from '../tables.js';

/** The metrics alerts can watch, with how a value reads in an alert and a message (money in major units, ratios 0..1). */
export const WATCHABLE_METRICS = {
  GMV: (value: number, currencyCode: string) => formatMinor(BigInt(Math.round(value)), currencyCode),
  ORDERS: (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1)),
  REFUNDS: (value: number, currencyCode: string) => formatMinor(BigInt(Math.round(value)), currencyCode),
  CONVERSION_RATE: (value: number) => value.toFixed(4),
} as const;

export type WatchableMetric = keyof typeof WATCHABLE_METRICS;

export function isWatchable(metric: string): metric is WatchableMetric {
  return Object.hasOwn(WATCHABLE_METRICS, metric);
}

/**
 * The metric on each of `days` (shop days; a day without sales is 0), money in minor units. Sales figures come from
 * sales_rollup in one statement; conversion divides orders by the day's storefront visitors (sessions), 0 without any.
 */
export async function dailyValues(db: Db, metric: WatchableMetric, currencyCode: string, days: readonly string[]): Promise<Map<string, number>> {
  const sales = await db
    .select({
      day: sql<string>`${salesRollup.day}::text`,
      gmv: sql<string>`sum(${salesRollup.gmvMinor})::text`,
      orders: sql<string>`sum(${salesRollup.orders})::text`,
      refunds: sql<string>`sum(${salesRollup.refundMinor})::text`,
    })
    .from(salesRollup)
    .where(and(eq(salesRollup.currencyCode, currencyCode), sql`${salesRollup.day} = any(${sql.param([...days])}::text[]::date[])`))
    .groupBy(salesRollup.day);
  const byDay = new Map(days.map((day) => [day, 0]));
  const salesOf = new Map(sales.map((row) => [row.day, row]));
  if (metric !== 'CONVERSION_RATE') {
    const field = metric === 'GMV' ? 'gmv' : metric === 'ORDERS' ? 'orders' : 'refunds';
    for (const [day, row] of salesOf) byDay.set(day, Number(row[field]));
    return byDay;
  }
  const sessions = await db
    .select({ day: sql<string>`${trafficFact.day}::text`, sessions: sql<number>`count(distinct ${trafficFact.visitorHash})::int` })
    .from(trafficFact)
    .where(sql`${trafficFact.day} = any(${sql.param([...days])}::text[]::date[])`)
    .groupBy(trafficFact.day);
  for (const { day, sessions: count } of sessions) byDay.set(day, count ? Number(salesOf.get(day)?.orders ?? 0) / count : 0);
  return byDay;
}
