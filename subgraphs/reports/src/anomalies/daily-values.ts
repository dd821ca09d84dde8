// A metric's value per shop day, for the anomaly baseline.
import { and, eq, gte, lt, notInArray, sql } from 'drizzle-orm';
import { formatMinor, type Db } from '@shop/kit';
import { shopTimeZone } from '@shop/kit/shop-time';
import { addDays, shopInstant } from '../schedules/calendar.js';
import { NON_SALE_STATUSES } from '../service.js';
import { orderFact } from '../tables.js';

/** The metrics alerts can watch, with how a value reads in a message and an alert (money in major units). */
export const WATCHABLE_METRICS = {
  GMV: (value: number, currencyCode: string) => formatMinor(BigInt(Math.round(value)), currencyCode),
  ORDERS: (value: number) => value.toFixed(Math.abs(value % 1) < 1e-9 ? 0 : 1),
} as const;

export type WatchableMetric = keyof typeof WATCHABLE_METRICS;

export function isWatchable(metric: string): metric is WatchableMetric {
  return Object.hasOwn(WATCHABLE_METRICS, metric);
}

/**
 * The metric on each of `days` (shop days; a day without sales is 0), in minor units for money. One statement
 * over the order facts between the first and last day; cancelled and closed orders are not sales.
 */
export async function dailyValues(db: Db, metric: WatchableMetric, currencyCode: string, days: readonly string[]): Promise<Map<string, number>> {
  const sorted = [...days].sort();
  const shopDay = sql<string>`(${orderFact.placedAt} at time zone ${shopTimeZone()})::date::text`;
  const value = metric === 'GMV' ? sql<string>`sum(${orderFact.totalMinor})::text` : sql<string>`count(*)::text`;
  const rows = await db
    .select({ day: shopDay, value })
    .from(orderFact)
    .where(
      and(
        gte(orderFact.placedAt, shopInstant(sorted[0]!, '00:00')),
        lt(orderFact.placedAt, shopInstant(addDays(sorted[sorted.length - 1]!, 1), '00:00')),
        eq(orderFact.currencyCode, currencyCode),
        notInArray(orderFact.status, NON_SALE_STATUSES),
        sql`${shopDay} = any(${sorted})`,
      ),
    )
    .groupBy(shopDay);
  const byDay = new Map(days.map((day) => [day, 0]));
  for (const row of rows) byDay.set(row.day, Number(row.value));
  return byDay;
}
