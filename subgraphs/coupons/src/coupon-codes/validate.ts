// Whether a code may go on a cart (cartApplyCoupon), answered before the cart changes; the engine still judges the goods.
import { and, eq } from 'drizzle-orm';
import { pricingStanding } from '@shop/members/commands';
import { ok, type Db } from '@shop/kit';
import { couponFail, type CouponErrorCode, type CouponResult } from '../errors/index.js';
import { couponStatus } from '../service.js';
import { canonicalCode, findCodes } from './lookup.js';
import { blockedReason } from './rules.js';
import { couponMemberUsage } from './tables.js';

export interface CouponCodeCheck {
  code: string;
  memberId: string | null;
  currencyCode: string;
  channel: string;
  at: Date;
}

/** The source's reasons as the userError codes a cart answers with. */
const CODE_OF_REASON: Record<string, CouponErrorCode> = {
  SIGN_IN_REQUIRED: 'SIGN_IN_REQUIRED',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  SOLD_OUT: 'SOLD_OUT',
  LIMIT_REACHED: 'LIMIT_REACHED',
};

/**
 * Checks a code for a cart, in the caller's `tx`: it names a coupon the caller
 * may use (unknown, archived and other members' codes alike: CODE_NOT_FOUND),
 * running now, on this channel, for this member's tier and segments, not used
 * up. The goods (minimum spend, scope) are left to the engine, which explains
 * them on the cart. Answers the canonical code to store on the cart.
 */
export async function checkCouponCode(tx: Db, input: CouponCodeCheck): Promise<CouponResult<{ code: string; couponId: string }>> {
  const field = ['input', 'code'];
  const code = canonicalCode(input.code);
  const hit = (await findCodes(tx, [code])).get(code);
  if (!hit) return couponFail('CODE_NOT_FOUND', field);
  const row = hit.coupon;
  const [usage] = input.memberId
    ? await tx.select().from(couponMemberUsage).where(and(eq(couponMemberUsage.couponId, row.id), eq(couponMemberUsage.memberId, input.memberId)))
    : [];
  const blocked = blockedReason(hit, input.memberId, input.currencyCode, usage?.used ?? 0);
  if (blocked === 'UNKNOWN') return couponFail('CODE_NOT_FOUND', field);
  if (blocked) {
    const used = blocked.code === 'LIMIT_REACHED' && hit.code?.redeemedOrderId;
    return couponFail(used ? 'CODE_USED' : (CODE_OF_REASON[blocked.code] ?? 'CODE_NOT_FOUND'), field, { limit: blocked.params.limit ?? 0 });
  }
  const status = couponStatus(row, input.at);
  if (status === 'SCHEDULED') return couponFail('NOT_STARTED', field);
  if (status === 'EXPIRED') return couponFail('ENDED', field);
  if (row.channels.length && !row.channels.includes(input.channel)) return couponFail('CHANNEL_NOT_ELIGIBLE', field);
  if (row.perMemberLimit !== null && !input.memberId) return couponFail('SIGN_IN_REQUIRED', field);
  if (row.tiers.length || row.segmentIds.length) {
    const standing = input.memberId ? await pricingStanding(tx, input.memberId) : null;
    if (!standing) return couponFail('SIGN_IN_REQUIRED', field);
    if (row.tiers.length && !row.tiers.includes(standing.tier)) return couponFail('NOT_ELIGIBLE', field);
    if (row.segmentIds.length && !row.segmentIds.some((id) => standing.segmentIds.includes(id))) return couponFail('NOT_ELIGIBLE', field);
  }
  return ok({ code, couponId: row.id });
}
