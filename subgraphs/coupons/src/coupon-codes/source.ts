// The coupons rule source: the cart's codes as pricing rules, redeemed at checkout and released when the order ends.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import type { PricingCart, PricingRule } from '../pricing/types.js';
import { canonicalCode, findCodes } from './lookup.js';
import { redeemCoupons, releaseCoupons } from './redemption.js';
import { blockedReason, ruleOf, unknownCodeRule } from './rules.js';
import { couponMemberUsage } from './tables.js';

/** How many redemptions a member holds of each coupon, for the per-member limit. */
async function usageOf(tx: Db, memberId: string | null, couponIds: readonly string[]): Promise<Map<string, number>> {
  if (!memberId || !couponIds.length) return new Map();
  const rows = await tx
    .select({ couponId: couponMemberUsage.couponId, used: couponMemberUsage.used })
    .from(couponMemberUsage)
    .where(and(eq(couponMemberUsage.memberId, memberId), sql`${couponMemberUsage.couponId} = any(${sql.param(couponIds)}::uuid[])`));
  return new Map(rows.map((r) => [r.couponId, r.used]));
}

/** What the rules need of a PricingRequest (structurally: pricing/sources.ts imports this area, not the other way). */
export interface CouponRequest {
  cart: Pick<PricingCart, 'member' | 'currencyCode'>;
  couponCodes: readonly string[];
}

/**
 * One rule per code on the cart, in the order applied: an unknown code (or
 * another member's, or an archived coupon's) is a NOT_FOUND rule, so the
 * explanation says so; a used code, a used-up quantity or a member at the
 * limit are blocked with LIMIT_REACHED or SOLD_OUT; the rest the engine judges.
 */
export async function couponRules(tx: Db, request: CouponRequest): Promise<PricingRule[]> {
  const codes = [...new Set(request.couponCodes.map(canonicalCode))];
  if (!codes.length) return [];
  const memberId = request.cart.member?.id ?? null;
  const found = await findCodes(tx, codes);
  const usage = await usageOf(tx, memberId, [...new Set([...found.values()].map((f) => f.coupon.id))]);
  return codes.map((code) => {
    const hit = found.get(code);
    if (!hit) return unknownCodeRule(code);
    const blocked = blockedReason(hit, memberId, request.cart.currencyCode, usage.get(hit.coupon.id) ?? 0);
    if (blocked === 'UNKNOWN') return unknownCodeRule(code);
    return ruleOf(hit, code, blocked ?? undefined);
  });
}

/** The source pricing/sources.ts registers in RULE_SOURCES. */
export const couponCodesSource = {
  name: 'coupon-codes',
  rules: couponRules,
  commit: redeemCoupons,
  release: releaseCoupons,
};
