// The signed-in customer's coupon codes offered on a cart: each priced with the cart as it is, best first.
import { usableCodesOf } from '@shop/coupons/commands';
import { money, type Db } from '@shop/kit';
import type { PricingReason } from '@shop/coupons/commands';
import { explanationOf, priceOrder, type PriceOrderInput } from '../pricing/index.js';
import type { CartRow } from '../cart/tables.js';

/** How many of the customer's codes a cart prices (one engine run each). */
const MAX_OFFERED = 10;

export interface AvailableCoupon {
  code: string;
  title: string;
  applicable: boolean;
  discount: ReturnType<typeof money>;
  reason: { code: PricingReason['code']; message: string } | null;
}

/**
 * The customer's usable codes (a guest has none) each priced alone with the
 * cart's lines, channel and shipping, through the same engine as the cart and
 * checkout: what it would take off now, or why it would not apply (minimum
 * spend, scope, tier...) in the caller's language. Applicable ones first, the
 * biggest discount first. `db` may be the pool (a read).
 */
export async function availableCoupons(
  db: Db,
  row: CartRow,
  lines: PriceOrderInput['lines'],
  acceptLanguage: string | null | undefined,
): Promise<AvailableCoupon[]> {
  if (!row.memberId) return [];
  const wallet = (await usableCodesOf(db, row.memberId)).slice(0, MAX_OFFERED);
  const offered = await Promise.all(
    wallet.map(async ({ code }) => {
      const ruleId = `coupon:${code.code}`;
      const { result } = await priceOrder(db, {
        currencyCode: row.currencyCode, channel: row.channel, memberId: row.memberId, lines,
        shippingMethod: row.shippingMethod as PriceOrderInput['shippingMethod'], couponCodes: [code.code],
      });
      const explained = explanationOf(result, acceptLanguage);
      const applied = explained.applied.filter((a) => a.ruleId === ruleId);
      const amountMinor = result.applied.filter((a) => a.ruleId === ruleId).reduce((sum, a) => sum + a.amountMinor, 0n);
      const rejected = explained.rejected.find((r) => r.ruleId === ruleId);
      return {
        code: code.code,
        title: applied[0]?.title ?? rejected?.title ?? code.code,
        applicable: amountMinor > 0n,
        discount: money(amountMinor, row.currencyCode),
        reason: amountMinor > 0n || !rejected ? null : { code: rejected.reason.code as PricingReason['code'], message: rejected.reason.message },
        amountMinor,
      };
    }),
  );
  return offered
    .sort((a, b) => Number(b.applicable) - Number(a.applicable) || (b.amountMinor > a.amountMinor ? 1 : b.amountMinor < a.amountMinor ? -1 : 0))
    .map(({ amountMinor: _amount, ...coupon }) => coupon);
}
