// Sales reports: the sales summary and recording the order facts it reads.
import { and, eq, gte, lt, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fail, money, ok, type Db, type MoneyValue, type Result } from '@shop/kit';
import { shopToday } from '@shop/kit/shop-time';
import { orderFact } from './tables.js';

/** Orders that never turned into a sale do not count towards GMV. */
const NON_SALE_STATUSES = ['CANCELLED', 'CLOSED'];

/** Does an order in this status count as a sale? */
export function isCounted(status: string): boolean {
  return !NON_SALE_STATUSES.includes(status);
}

/** The longest range a summary may span: one (leap) year. */
export const MAX_RANGE_DAYS = 366;

export interface SalesSummary {
  from: Date;
  to: Date;
  gmv: MoneyValue;
  orderCount: number;
  averageOrderValue: MoneyValue;
}

export type SalesSummaryErrorCode = 'RANGE_REVERSED' | 'RANGE_TOO_LONG';

/** dividend / divisor (divisor >= 0) rounded to the nearest integer, halves up; 0 when divisor is 0. */
export function divideRoundHalfUp(dividend: bigint, divisor: bigint): bigint {
  if (divisor === 0n) return 0n;
  const numerator = 2n * dividend + divisor;
  const denominator = 2n * divisor;
  const quotient = numerator / denominator;
  // BigInt division truncates towards zero; stepping down on a negative remainder floors it.
  return numerator % denominator < 0n ? quotient - 1n : quotient;
}

/**
 * GMV, order count and average order value of orders placed in [from, to) in
 * one currency, excluding cancelled and closed orders. One SQL statement; `tx`
 * may be the pool (or a read replica).
 */
export async function salesSummary(
  tx: Db,
  input: { from: Date; to: Date; currencyCode: string },
): Promise<Result<SalesSummary, SalesSummaryErrorCode>> {
  const { from, to, currencyCode } = input;
  if (from > to) return fail('RANGE_REVERSED', '`from` must not be after `to`.', ['from']);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    return fail('RANGE_TOO_LONG', `A summary spans at most ${MAX_RANGE_DAYS} days.`, ['to']);
  }
  const [row] = await tx
    .select({
      // sum(bigint) is numeric in PostgreSQL: text carries it to BigInt without a float in between.
      gmv: sql<string>`coalesce(sum(${orderFact.totalMinor}), 0)::text`,
      orderCount: sql<number>`count(*)::int`,
    })
    .from(orderFact)
    .where(
      and(
        gte(orderFact.placedAt, from),
        lt(orderFact.placedAt, to),
        eq(orderFact.currencyCode, currencyCode),
        notInArray(orderFact.status, NON_SALE_STATUSES),
      ),
    );
  const gmv = BigInt(row!.gmv);
  const orderCount = row!.orderCount;
  return ok({
    from,
    to,
    gmv: money(gmv, currencyCode),
    orderCount,
    averageOrderValue: money(divideRoundHalfUp(gmv, BigInt(orderCount)), currencyCode),
  });
}

/** What the orders domain enqueues as `reports.recordOrder` whenever an order is placed or changes. */
export const recordOrderPayload = z.object({
  orderId: z.uuid(),
  placedAt: z.iso.datetime({ offset: true }),
  channel: z.string().min(1),
  status: z.string().min(1),
  // A string because JSON has no bigint.
  totalMinor: z.string().regex(/^-?\d+$/),
  currencyCode: z.string().length(3),
});

export type RecordOrderPayload = z.infer<typeof recordOrderPayload>;

/**
 * Creates or overwrites the fact for one order. Idempotent: a retried job
 * writes the same row again. `tx` may be the pool.
 */
export async function recordOrder(tx: Db, payload: RecordOrderPayload): Promise<void> {
  const fact = {
    orderId: payload.orderId,
    placedAt: new Date(payload.placedAt),
    day: shopToday(new Date(payload.placedAt)),
    counted: isCounted(payload.status),
    sourceUpdatedAt: new Date(payload.placedAt),
    channel: payload.channel,
    status: payload.status,
    totalMinor: BigInt(payload.totalMinor),
    currencyCode: payload.currencyCode,
  };
  await tx
    .insert(orderFact)
    .values(fact)
    .onConflictDoUpdate({ target: orderFact.orderId, set: { ...fact, updatedAt: sql`now()` } });
}
