// The sales summary: GMV and orders of any time range, straight from the order facts.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { fail, money, ok, type Db, type MoneyValue, type Result } from '@shop/kit';
import { orderFact } from './tables.js';


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
        eq(orderFact.counted, true),
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
