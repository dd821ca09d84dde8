// Coupons' part of a member's privacy request: the codes they hold, what their orders redeemed, flash-sale buys and group-buy places.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { couponCode, couponMemberUsage, couponRedemption } from '../coupon-codes/index.js';
import { flashSaleTake } from '../flash-sales/index.js';
import { groupBuyGroup, groupBuyPlace } from '../group-buys/index.js';

/** Everything coupons keeps under the member's id. `db` may be the pool. */
export async function memberMarketingExport(db: Db, memberId: string) {
  return {
    codes: await db
      .select({ code: couponCode.code, couponId: couponCode.couponId, source: couponCode.source, redeemedOrderId: couponCode.redeemedOrderId, createdAt: couponCode.createdAt })
      .from(couponCode)
      .where(eq(couponCode.memberId, memberId))
      .orderBy(asc(couponCode.createdAt)),
    redemptions: await db.select().from(couponRedemption).where(eq(couponRedemption.memberId, memberId)).orderBy(asc(couponRedemption.redeemedAt)),
    usage: await db.select().from(couponMemberUsage).where(eq(couponMemberUsage.memberId, memberId)),
    flashSaleBuys: await db.select().from(flashSaleTake).where(eq(flashSaleTake.memberId, memberId)).orderBy(asc(flashSaleTake.createdAt)),
    groupsLed: await db.select().from(groupBuyGroup).where(eq(groupBuyGroup.leaderMemberId, memberId)).orderBy(asc(groupBuyGroup.createdAt)),
    groupPlaces: await db.select().from(groupBuyPlace).where(eq(groupBuyPlace.memberId, memberId)).orderBy(asc(groupBuyPlace.takenAt)),
  };
}

/**
 * Erasure leaves coupons' rows as they are, on purpose: they hold the member's id (which members keeps,
 * anonymised) with order ids, codes and amounts, never a name, contact or address, and they are the
 * shop's record of what each discount cost and why a coupon's counts are what they are. Nothing here
 * identifies the person once members has erased them; the part is reported so the request completes.
 */
export async function eraseMemberMarketing(_tx: Db, _memberId: string): Promise<void> {}
