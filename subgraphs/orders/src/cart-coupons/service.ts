// Coupon codes on a storefront cart: applied after the coupons domain checked them, removed at will.
import { eq, sql } from 'drizzle-orm';
import { checkCouponCode, type CouponErrorCode } from '@shop/coupons/commands';
import { ok, reissued, type Db, type Principal, type Result, type UserError } from '@shop/kit';
import { openCart, type CartErrorCode } from '../cart/index.js';
import { cart, type CartRow } from '../cart/tables.js';
import { cartFail } from '../errors/index.js';

/** At most this many codes wait on a cart; the engine applies the best combinable ones and explains the rest. */
export const MAX_CART_COUPONS = 5;

export type CartCouponErrorCode =
  | CartErrorCode
  | 'COUPON_NOT_FOUND'
  | 'COUPON_USED'
  | 'COUPON_NOT_STARTED'
  | 'COUPON_ENDED'
  | 'COUPON_SOLD_OUT'
  | 'COUPON_LIMIT_REACHED'
  | 'COUPON_NOT_ELIGIBLE'
  | 'COUPON_SIGN_IN_REQUIRED'
  | 'COUPON_CHANNEL_NOT_ELIGIBLE'
  | 'COUPON_CURRENCY_MISMATCH';

/** The coupons domain's refusal as orders' code (OrderErrorCode); checkout maps commit refusals the same way. */
export function orderCodeOfCoupon(code: CouponErrorCode | string): CartCouponErrorCode {
  const codes: Record<string, CartCouponErrorCode> = {
    CODE_NOT_FOUND: 'COUPON_NOT_FOUND',
    COUPON_NOT_FOUND: 'COUPON_NOT_FOUND',
    COUPON_ARCHIVED: 'COUPON_NOT_FOUND',
    CODE_USED: 'COUPON_USED',
    NOT_STARTED: 'COUPON_NOT_STARTED',
    ENDED: 'COUPON_ENDED',
    SOLD_OUT: 'COUPON_SOLD_OUT',
    LIMIT_REACHED: 'COUPON_LIMIT_REACHED',
    NOT_ELIGIBLE: 'COUPON_NOT_ELIGIBLE',
    SIGN_IN_REQUIRED: 'COUPON_SIGN_IN_REQUIRED',
    CHANNEL_NOT_ELIGIBLE: 'COUPON_CHANNEL_NOT_ELIGIBLE',
    CURRENCY_MISMATCH: 'COUPON_CURRENCY_MISMATCH',
  };
  return codes[code] ?? 'COUPON_NOT_FOUND';
}

async function setCodes(tx: Db, cartId: string, codes: readonly string[]): Promise<CartRow> {
  const [row] = await tx.update(cart).set({ couponCodes: [...codes], updatedAt: sql`now()` }).where(eq(cart.id, cartId)).returning();
  return row!;
}

/**
 * Puts a code on the cart once the coupons domain accepted it for this cart's
 * member, channel and currency: an unknown, expired, used-up or ineligible
 * code is a userError with its code and the cart is left as it was. A code
 * already on the cart is accepted again without change.
 */
export async function cartApplyCoupon(tx: Db, principal: Principal, input: { cartId: string; code: string }): Promise<Result<CartRow, CartCouponErrorCode>> {
  const opened = await openCart(tx, input.cartId, principal);
  if (!opened.ok) return opened;
  const row = opened.value;
  const checked = await checkCouponCode(tx, { code: input.code, memberId: row.memberId, currencyCode: row.currencyCode, channel: row.channel, at: new Date() });
  if (!checked.ok) {
    return { ok: false, errors: checked.errors.map((e): UserError<CartCouponErrorCode> => reissued(e, { field: ['input', 'code'], code: orderCodeOfCoupon(e.code) })) };
  }
  if (row.couponCodes.includes(checked.value.code)) return ok(row);
  if (row.couponCodes.length >= MAX_CART_COUPONS) return cartFail('INVALID:tooManyCoupons', ['input', 'code'], { max: MAX_CART_COUPONS });
  return ok(await setCodes(tx, row.id, [...row.couponCodes, checked.value.code]));
}

/** Takes a code off the cart (any case); a code not on it is no mistake. */
export async function cartRemoveCoupon(tx: Db, principal: Principal, input: { cartId: string; code: string }): Promise<Result<CartRow, CartCouponErrorCode>> {
  const opened = await openCart(tx, input.cartId, principal);
  if (!opened.ok) return opened;
  const code = input.code.trim().toUpperCase();
  const row = opened.value;
  return ok(row.couponCodes.includes(code) ? await setCodes(tx, row.id, row.couponCodes.filter((c) => c !== code)) : row);
}
