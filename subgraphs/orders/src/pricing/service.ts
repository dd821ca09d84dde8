// Order pricing: shipping rules, the coupons domain's pricing engine, included tax and totals.
import { callersLocale, currencyExponent, money, type Db } from '@shop/kit';
import { priceForOrder, renderReason, titleIn, type PricingRequest, type PricingResult } from '@shop/coupons/commands';

/**
 * How an order is priced, in one place for carts, checkout, priceExplain and staff orders.
 *
 * - Lines: unit price × quantity, at the catalog's price (or a staff/marketplace price).
 * - Shipping: a rule per method, in the currency's major units: STANDARD 50 (free
 *   from goods of 1,000 after discounts), EXPRESS 120, PICKUP 0; handed to the engine.
 * - Discounts, shipping discounts, points and store credit: coupons' pricing engine
 *   (`priceForOrder`), so the price a cart shows is the price checkout charges.
 * - Tax: prices are tax-inclusive. The tax contained in the total is
 *   total × rate / (1 + rate), rounded half up; ORDER_TAX_RATE_BP sets the rate in
 *   basis points (default 700, Thai VAT 7%). The total does not change with it.
 */
export const SHIPPING_METHODS = ['STANDARD', 'EXPRESS', 'PICKUP'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

const SHIPPING_RULES: Record<ShippingMethod, { fee: bigint; freeFrom: bigint | null }> = {
  STANDARD: { fee: 50n, freeFrom: 1000n },
  EXPRESS: { fee: 120n, freeFrom: null },
  PICKUP: { fee: 0n, freeFrom: null },
};

export interface PricedLine {
  variantId: string;
  productId: string;
  quantity: number;
  unitPriceMinor: bigint;
}

/**
 * An order's totals. `discountMinor` holds everything taken off the goods and shipping and what points and
 * store credit pay (as before the engine: points were a discount), `shippingMinor` the fee after shipping rules.
 */
export interface OrderTotals {
  subtotalMinor: bigint;
  shippingMinor: bigint;
  discountMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
}

const major = (amount: bigint, currencyCode: string) => amount * 10n ** BigInt(currencyExponent(currencyCode));

/** The shipping fee of a method for goods worth `goodsMinor`; for showing each method's price. */
export function shippingFee(method: ShippingMethod | null, goodsMinor: bigint, currencyCode: string): bigint {
  if (!method) return 0n;
  const terms = shippingTerms(method, currencyCode);
  return terms.freeFromMinor !== null && goodsMinor >= terms.freeFromMinor ? 0n : terms.feeMinor;
}

/** A method's fee and free-from threshold in minor units, or an explicit price (a marketplace's). */
export function shippingTerms(method: ShippingMethod | null, currencyCode: string, explicitMinor?: bigint | null) {
  if (explicitMinor != null) return { feeMinor: explicitMinor, freeFromMinor: null };
  if (!method) return { feeMinor: 0n, freeFromMinor: null };
  const rule = SHIPPING_RULES[method];
  return { feeMinor: major(rule.fee, currencyCode), freeFromMinor: rule.freeFrom === null ? null : major(rule.freeFrom, currencyCode) };
}

export function taxRateBp(): bigint {
  const value = Number(process.env.ORDER_TAX_RATE_BP ?? 700);
  return Number.isInteger(value) && value >= 0 && value <= 10_000 ? BigInt(value) : 700n;
}

/** Tax contained in a tax-inclusive amount, rounded half up. */
export function includedTax(totalMinor: bigint, rateBp = taxRateBp()): bigint {
  const denominator = 10_000n + rateBp;
  return (totalMinor * rateBp * 2n + denominator) / (denominator * 2n);
}

/** What the lines cost before discounts and shipping. */
export function subtotalOf(lines: readonly { quantity: number; unitPriceMinor: bigint }[]): bigint {
  return lines.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n);
}

export interface PriceOrderInput {
  currencyCode: string;
  channel: string;
  memberId: string | null;
  lines: readonly PricedLine[];
  shippingMethod: ShippingMethod | null;
  /** A shipping price set elsewhere (a marketplace's), instead of the method's rule. */
  shippingMinor?: bigint | null;
  couponCodes?: readonly string[];
  pointsToRedeem?: number;
  /** Store credit the engine may take (up to what is left to pay): the member's balance, or an amount tried in priceExplain. */
  storeCreditMinor?: bigint;
  groupBuy?: PricingRequest['groupBuy'];
  at?: Date;
}

export interface PricedOrder {
  totals: OrderTotals;
  request: PricingRequest;
  result: PricingResult;
}

/** Prices an order through coupons' engine, in `tx` (the checkout's at placement, so what is read is what is charged). */
export async function priceOrder(tx: Db, input: PriceOrderInput): Promise<PricedOrder> {
  const { request, result } = await priceForOrder(tx, {
    currencyCode: input.currencyCode,
    channel: input.channel,
    at: input.at ?? new Date(),
    memberId: input.memberId,
    lines: input.lines,
    shipping: shippingTerms(input.shippingMethod, input.currencyCode, input.shippingMinor),
    couponCodes: input.couponCodes ?? [],
    ...(input.pointsToRedeem ? { pointsToRedeem: input.pointsToRedeem } : {}),
    ...(input.storeCreditMinor ? { storeCreditMinor: input.storeCreditMinor } : {}),
    ...(input.groupBuy ? { groupBuy: input.groupBuy } : {}),
  });
  const totalMinor = result.totalMinor;
  return {
    request,
    result,
    totals: {
      subtotalMinor: result.subtotalMinor,
      shippingMinor: result.shippingMinor - result.shippingDiscountMinor,
      discountMinor: result.discountMinor + result.paidMinor,
      taxMinor: includedTax(totalMinor),
      totalMinor,
    },
  };
}

/** What a rule's payment was in a result (points, store credit), zero when it did not apply. */
export function paidBy(result: PricingResult, ruleId: string): bigint {
  return result.applied.find((a) => a.ruleId === ruleId)?.amountMinor ?? 0n;
}

/** A price explanation as stored on an order: plain JSON (amounts as decimal strings), the reasons as codes. */
export function snapshotOf(result: PricingResult): JsonPricing {
  return JSON.parse(JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? v.toString() : v))) as JsonPricing;
}

/** The stored shape of a PricingResult: bigints became decimal strings. */
type Jsonified<T> = T extends bigint ? string : T extends Date ? string : T extends readonly (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
export type JsonPricing = Jsonified<PricingResult>;

/** A price explanation for GraphQL, rendered in the caller's language, from a live result or a stored snapshot. */
export function explanationOf(result: PricingResult | JsonPricing, acceptLanguage: string | null | undefined) {
  const locale = callersLocale(acceptLanguage);
  const currency = result.currencyCode;
  const m = (minor: bigint | string) => money(minor, currency);
  return {
    subtotal: m(result.subtotalMinor),
    discount: m(result.discountMinor),
    shipping: m(result.shippingMinor),
    shippingDiscount: m(result.shippingDiscountMinor),
    paid: m(result.paidMinor),
    total: m(result.totalMinor),
    lines: result.lines.map((l) => ({
      variantId: l.key, quantity: l.quantity, unitPrice: m(l.unitPriceMinor), subtotal: m(l.subtotalMinor), discount: m(l.discountMinor), total: m(l.totalMinor),
    })),
    applied: result.applied.map((a) => ({
      ruleId: a.ruleId, source: a.source, stage: a.stage, title: titleIn(a.titles, locale, a.title), amount: m(a.amountMinor),
    })),
    rejected: result.rejected.map((r) => ({
      ruleId: r.ruleId, source: r.source, title: titleIn(r.titles, locale, r.title),
      reason: { code: r.reason.code, message: renderReason(r.reason, locale, currency) },
    })),
  };
}
