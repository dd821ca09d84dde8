// What other domains may call in coupons: pricing a cart or checkout, and making or undoing what a placed order used.
import { ok, type Db, type Result } from '@shop/kit';
import { pointsWorth, pricingStanding } from '@shop/members/commands';
import { categoryIdsByProduct, collectionIdsByProduct } from '@shop/products/commands';
import { canonicalCode, ruleIdOf } from './coupon-codes/index.js';
import { priceCart } from './pricing/engine.js';
import { RULE_SOURCES } from './pricing/registry.js';
import type { CommitOutcome, PlacedPricing, PricingRequest } from './pricing/sources.js';
import type { PricingMember, PricingResult, PricingRule } from './pricing/types.js';
import { pricingFail } from './errors/index.js';

export type { CommitOutcome, PlacedPricing, PricingRequest } from './pricing/sources.js';
export type * from './pricing/types.js';
export { renderReason, titleIn } from './pricing/reasons.js';

/** The pricing rule id of a coupon code as typed (results name codes by it). */
export const couponRuleId = (code: string) => ruleIdOf(canonicalCode(code));

export interface PriceForOrderInput {
  currencyCode: string;
  channel: string;
  at: Date;
  memberId: string | null;
  lines: readonly { variantId: string; productId: string; quantity: number; unitPriceMinor: bigint }[];
  shipping: { feeMinor: bigint; freeFromMinor: bigint | null };
  couponCodes: readonly string[];
  groupBuy?: PricingRequest['groupBuy'];
  pointsToRedeem?: number;
  storeCreditMinor?: bigint;
}

/** Points and store credit pay what is left; they combine with every discount, never with nothing. */
const PAYMENT_COMBINES = ['PROMOTION', 'COUPON', 'FLASH_SALE', 'GROUP_BUY', 'POINTS', 'STORE_CREDIT'];

/** The PAYMENT rules a request asks for: points at members' rate, store credit as asked (its balance is checked at commit by orders). */
async function paymentRules(tx: Db, input: PriceForOrderInput): Promise<PricingRule[]> {
  const rules: PricingRule[] = [];
  const base = { stage: 'PAYMENT' as const, priority: 0, scope: { kind: 'ALL' as const }, combinesWith: PAYMENT_COMBINES, conditions: { memberOnly: true } };
  if (input.pointsToRedeem && input.pointsToRedeem > 0) {
    const worth = await pointsWorth(tx, input.pointsToRedeem);
    rules.push({
      ...base, id: 'points', source: 'POINTS', group: 'POINTS',
      title: { en: `${input.pointsToRedeem} points`, th: `${input.pointsToRedeem} คะแนน`, 'zh-CN': `${input.pointsToRedeem} 积分`, 'zh-TW': `${input.pointsToRedeem} 點數`, ar: `${input.pointsToRedeem} نقطة` },
      effect: { kind: 'PAYMENT', amountMinor: worth.valueMinor },
      ...(worth.currencyCode !== input.currencyCode ? { blocked: { code: 'CURRENCY_MISMATCH' as const, params: {} } } : {}),
    });
  }
  if (input.storeCreditMinor && input.storeCreditMinor > 0n) {
    rules.push({
      ...base, id: 'store-credit', source: 'STORE_CREDIT', group: 'STORE_CREDIT', priority: 1,
      title: { en: 'Store credit', th: 'เครดิตร้านค้า', 'zh-CN': '商店余额', 'zh-TW': '購物金', ar: 'رصيد المتجر' },
      effect: { kind: 'PAYMENT', amountMinor: input.storeCreditMinor },
    });
  }
  return rules;
}

/**
 * Prices lines for orders, in `tx` (the cart read's, or the checkout's so what is read is what is charged).
 * Reads the products' categories and collections and the member's tier and segments, gathers the rules of
 * every RULE_SOURCES entry plus points and store credit as PAYMENT rules, and runs the engine. Lines are
 * keyed by variant id; a variant appearing twice is priced as one line of the summed quantity.
 */
export async function priceForOrder(tx: Db, input: PriceForOrderInput): Promise<{ request: PricingRequest; result: PricingResult }> {
  const merged = new Map<string, PriceForOrderInput['lines'][number]>();
  for (const line of input.lines) {
    const key = line.variantId.toLowerCase();
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line, variantId: key });
  }
  const productIds = [...merged.values()].map((l) => l.productId);
  const categories = await categoryIdsByProduct(tx, productIds);
  const collections = await collectionIdsByProduct(tx, productIds);
  const standing = input.memberId ? await pricingStanding(tx, input.memberId) : null;
  const member: PricingMember | null = standing ? { id: standing.id, tier: standing.tier, segmentIds: standing.segmentIds } : null;
  const request: PricingRequest = {
    cart: {
      currencyCode: input.currencyCode,
      channel: input.channel,
      at: input.at,
      member,
      lines: [...merged.values()].map((l) => ({
        key: l.variantId, productId: l.productId, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor,
        categoryIds: categories.get(l.productId) ?? [], collectionIds: collections.get(l.productId) ?? [],
      })),
      shipping: input.shipping,
    },
    couponCodes: input.couponCodes,
    ...(input.groupBuy !== undefined ? { groupBuy: input.groupBuy } : {}),
    ...(input.pointsToRedeem ? { pointsToRedeem: input.pointsToRedeem } : {}),
    ...(input.storeCreditMinor ? { storeCreditMinor: input.storeCreditMinor } : {}),
  };
  // Sources share the caller's transaction, so they run one after the other.
  const rules: PricingRule[] = [];
  for (const source of RULE_SOURCES) rules.push(...(await source.rules(tx, request)));
  rules.push(...(await paymentRules(tx, input)));
  return { request, result: priceCart(request.cart, rules) };
}

/**
 * At placement, in the checkout's `tx`: every source's commit (coupon redeemed, flash quota taken). The first
 * failure is returned and the caller rolls back; the shortest payment timeout any source asks for wins.
 */
export async function commitPricing(tx: Db, placed: PlacedPricing): Promise<Result<CommitOutcome, string>> {
  let paymentTimeoutMinutes: number | undefined;
  for (const source of RULE_SOURCES) {
    if (!source.commit) continue;
    const committed = await source.commit(tx, placed);
    if (!committed.ok) return committed.errors.length ? committed : pricingFail('PRICING_CHANGED', null);
    const asked = committed.value.paymentTimeoutMinutes;
    if (asked !== undefined && (paymentTimeoutMinutes === undefined || asked < paymentTimeoutMinutes)) paymentTimeoutMinutes = asked;
  }
  return ok(paymentTimeoutMinutes !== undefined ? { paymentTimeoutMinutes } : {});
}

/** When an order is cancelled, closed or expires unpaid, in that `tx`: every source gives back what commit took. Idempotent. */
export async function releasePricing(tx: Db, orderId: string): Promise<void> {
  for (const source of RULE_SOURCES) await source.release?.(tx, orderId);
}

/** Orders, in the transaction that marks a group-buy order PAID: the member counts as paid in the group (the Nth makes it succeed). */
export { placePaid as groupBuyOrderPaid } from './group-buys/index.js';
// Coupon codes on carts (orders' cart-coupons): whether a code may go on a cart, and the customer's codes to offer.
export { checkCouponCode, type CouponCodeCheck } from './coupon-codes/index.js';
export { usableCodesOf, type WalletCoupon } from './issuance/index.js';
export type { CouponError, CouponErrorCode } from './errors/index.js';
