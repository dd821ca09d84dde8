// The customer's coupons (myCoupons) and the coupons they may claim: what each is and whether it can be used now.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { couponCode, couponMemberUsage, type CouponCodeRow } from '../coupon-codes/tables.js';
import { couponStatus } from '../service.js';
import { coupon, type CouponRow } from '../tables.js';

export type UnusableReason = 'USED' | 'NOT_STARTED' | 'ENDED' | 'ARCHIVED' | 'SOLD_OUT' | 'LIMIT_REACHED';

export interface WalletCoupon {
  code: CouponCodeRow;
  coupon: CouponRow;
  unusableReason: UnusableReason | null;
}

/** Why a member's code cannot be used at `now`, or null; `used` is what the member holds of its coupon. */
export function unusableReason(code: CouponCodeRow, row: CouponRow, used: number, now: Date): UnusableReason | null {
  if (code.redeemedOrderId) return 'USED';
  const status = couponStatus(row, now);
  if (status === 'ARCHIVED') return 'ARCHIVED';
  if (status === 'SCHEDULED') return 'NOT_STARTED';
  if (status === 'EXPIRED') return 'ENDED';
  if (row.totalQuantity !== null && row.redeemedCount >= row.totalQuantity) return 'SOLD_OUT';
  if (row.perMemberLimit !== null && used >= row.perMemberLimit) return 'LIMIT_REACHED';
  return null;
}

/** The member's codes, newest first (at most 200), each with why it cannot be used now. `db` may be the pool. */
export async function myCoupons(db: Db, memberId: string, usable: boolean | null | undefined, now: Date = new Date()): Promise<WalletCoupon[]> {
  const rows = await db
    .select({ code: couponCode, coupon, used: sql<number>`coalesce(${couponMemberUsage.used}, 0)` })
    .from(couponCode)
    .innerJoin(coupon, eq(coupon.id, couponCode.couponId))
    .leftJoin(couponMemberUsage, and(eq(couponMemberUsage.couponId, coupon.id), eq(couponMemberUsage.memberId, memberId)))
    .where(eq(couponCode.memberId, memberId))
    .orderBy(desc(couponCode.createdAt), desc(couponCode.id))
    .limit(200);
  const wallet = rows.map((r) => ({ code: r.code, coupon: r.coupon, unusableReason: unusableReason(r.code, r.coupon, Number(r.used), now) }));
  return usable == null ? wallet : wallet.filter((w) => (w.unusableReason === null) === usable);
}

/** Running claimable coupons with some quantity left, newest first (at most 50). */
export async function claimableCoupons(db: Db, now: Date = new Date()): Promise<CouponRow[]> {
  const at = now.toISOString();
  return db
    .select()
    .from(coupon)
    .where(
      and(
        eq(coupon.claimable, true),
        isNull(coupon.archivedAt),
        sql`${coupon.startsAt} <= ${at}::timestamptz and ${coupon.endsAt} > ${at}::timestamptz`,
        sql`(${coupon.totalQuantity} is null or ${coupon.issuedCount} < ${coupon.totalQuantity})`,
      ),
    )
    .orderBy(desc(coupon.createdAt))
    .limit(50);
}

/** The member's usable codes for a cart's candidates (orders' available coupons): code and coupon. */
export async function usableCodesOf(db: Db, memberId: string, now: Date = new Date()): Promise<WalletCoupon[]> {
  return (await myCoupons(db, memberId, true, now)).slice(0, 50);
}
