// The redemption report: what live redemptions (not released) gave off, per coupon.
import { isNull, sql } from 'drizzle-orm';
import { anyId, type Db } from '@shop/kit';
import { couponRedemption } from './tables.js';

/** Each coupon's discount over the orders that hold a redemption; coupons without any are absent. One query per batch. */
export async function redeemedDiscounts(db: Db, couponIds: readonly string[]): Promise<{ couponId: string; discountMinor: bigint }[]> {
  const rows = await db
    .select({ couponId: couponRedemption.couponId, discountMinor: sql<string>`sum(${couponRedemption.discountMinor})` })
    .from(couponRedemption)
    .where(sql`${anyId(couponRedemption.couponId, couponIds)} and ${isNull(couponRedemption.releasedAt)}`)
    .groupBy(couponRedemption.couponId);
  return rows.map((r) => ({ couponId: r.couponId, discountMinor: BigInt(r.discountMinor) }));
}
