// Redeeming coupons inside the checkout's transaction, and giving them back once when the order ends unpaid or cancelled.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { anyId, ok, type Db, type Result } from '@shop/kit';
import { couponFail, type CouponErrorCode } from '../errors/index.js';
import type { PricingResult } from '../pricing/types.js';
import { coupon } from '../tables.js';
import { canonicalCode, findCodes } from './lookup.js';
import { codeOfRuleId } from './rules.js';
import { couponCode, couponMemberUsage, couponRedemption } from './tables.js';

/**
 * What redemption needs of a placed order (the contract's PlacedPricing, structurally: the
 * registry in pricing/sources.ts imports this area, so this area does not import it back).
 */
export interface PlacedOrder {
  orderId: string;
  memberId: string | null;
  result: Pick<PricingResult, 'applied' | 'currencyCode'>;
}

const refused = (code: CouponErrorCode, params: Record<string, string | number> = {}) => couponFail(code, ['input', 'couponCodes'], params);

/**
 * Makes binding the coupons the engine applied to a placed order, in the
 * checkout's `tx`, each step one conditional statement so parallel checkouts
 * cannot over-redeem whatever their number:
 * - a single-use code: `UPDATE … WHERE redeemed_order_id IS NULL` (one order wins, the rest see it used);
 * - the quantity: `redeemed_count + 1 … WHERE redeemed_count < total_quantity`;
 * - the member's count: an upsert whose update holds only below the per-member limit.
 * A refusal is a userError; the caller rolls the whole checkout back.
 */
export async function redeemCoupons(tx: Db, placed: PlacedOrder): Promise<Result<Record<never, never>, string>> {
  const applied = placed.result.applied.filter((a) => a.source === 'COUPON');
  if (!applied.length) return ok({});
  const memberId = placed.memberId;
  const found = await findCodes(tx, applied.map((a) => codeOfRuleId(a.ruleId) ?? ''));
  for (const adjustment of applied) {
    const code = canonicalCode(codeOfRuleId(adjustment.ruleId) ?? '');
    const hit = found.get(code);
    if (!hit || hit.coupon.archivedAt || (hit.code?.memberId && hit.code.memberId !== memberId)) return refused('CODE_NOT_FOUND');
    const row = hit.coupon;
    if (hit.code) {
      const [taken] = await tx
        .update(couponCode)
        .set({ redeemedOrderId: placed.orderId, redeemedAt: new Date() })
        .where(and(eq(couponCode.id, hit.code.id), isNull(couponCode.redeemedOrderId)))
        .returning({ id: couponCode.id });
      if (!taken) return refused('CODE_USED');
    }
    const [counted] = await tx
      .update(coupon)
      .set({ redeemedCount: sql`${coupon.redeemedCount} + 1` })
      .where(and(eq(coupon.id, row.id), isNull(coupon.archivedAt), sql`(${coupon.totalQuantity} is null or ${coupon.redeemedCount} < ${coupon.totalQuantity})`))
      .returning({ id: coupon.id });
    if (!counted) return refused('SOLD_OUT');
    if (memberId) {
      // Counted for every member, limit or not, so a later limit counts what came before and release always has a count to give back.
      const [held] = await tx
        .insert(couponMemberUsage)
        .values({ couponId: row.id, memberId, used: 1 })
        .onConflictDoUpdate({
          target: [couponMemberUsage.couponId, couponMemberUsage.memberId],
          set: { used: sql`${couponMemberUsage.used} + 1` },
          setWhere: sql`${row.perMemberLimit}::int is null or ${couponMemberUsage.used} < ${row.perMemberLimit}::int`,
        })
        .returning({ used: couponMemberUsage.used });
      if (!held) return refused('LIMIT_REACHED', { limit: row.perMemberLimit ?? 0 });
    } else if (row.perMemberLimit !== null) {
      return refused('SIGN_IN_REQUIRED');
    }
    await tx.insert(couponRedemption).values({
      couponId: row.id,
      codeId: hit.code?.id ?? null,
      code,
      orderId: placed.orderId,
      memberId,
      discountMinor: adjustment.amountMinor,
      currencyCode: placed.result.currencyCode,
    });
  }
  return ok({});
}

/**
 * Gives back what an order redeemed, exactly once: the conditional UPDATE that
 * marks its redemptions released returns them only to the first caller, and
 * only those are counted back (the quantity, the member's count, the
 * single-use code). Cancel twice, or expiry then cancel: the second finds
 * nothing. `tx` is the cancelling transaction.
 */
export async function releaseCoupons(tx: Db, orderId: string): Promise<void> {
  const released = await tx
    .update(couponRedemption)
    .set({ releasedAt: new Date() })
    .where(and(anyId(couponRedemption.orderId, [orderId]), isNull(couponRedemption.releasedAt)))
    .returning();
  for (const r of released) {
    await tx.update(coupon).set({ redeemedCount: sql`${coupon.redeemedCount} - 1` }).where(eq(coupon.id, r.couponId));
    if (r.codeId) {
      await tx
        .update(couponCode)
        .set({ redeemedOrderId: null, redeemedAt: null })
        .where(and(eq(couponCode.id, r.codeId), eq(couponCode.redeemedOrderId, orderId)));
    }
    if (r.memberId) {
      await tx
        .update(couponMemberUsage)
        .set({ used: sql`${couponMemberUsage.used} - 1` })
        .where(and(eq(couponMemberUsage.couponId, r.couponId), eq(couponMemberUsage.memberId, r.memberId), sql`${couponMemberUsage.used} > 0`));
    }
  }
}
