// Order pricing: shipping fees, included tax and totals.
import { currencyExponent } from '@shop/kit';

/**
 * How an order is priced, in one place for carts, checkout and staff orders.
 *
 * - Lines: unit price × quantity, at the catalog's price (or a staff/marketplace price).
 * - Shipping: a rule per method, in the currency's major units: STANDARD 50 (free
 *   from a subtotal of 1,000), EXPRESS 120, PICKUP 0.
 * - Discounts: each adjuster (the seam for the coupons domain) may take an
 *   amount off; together they never exceed the subtotal.
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
  quantity: number;
  unitPriceMinor: bigint;
}

/** What the adjusters see: the lines and the subtotal before discounts. */
export interface PricingDraft {
  currencyCode: string;
  lines: readonly PricedLine[];
  subtotalMinor: bigint;
  memberId: string | null;
}

/**
 * Takes an amount off an order (coupons, promotions). Runs inside the order's
 * transaction at checkout, so a coupon redemption can be written atomically.
 */
export interface PriceAdjuster {
  name: string;
  discountMinor(draft: PricingDraft): Promise<bigint>;
}

export interface OrderTotals {
  subtotalMinor: bigint;
  shippingMinor: bigint;
  discountMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
}

const major = (amount: bigint, currencyCode: string) => amount * 10n ** BigInt(currencyExponent(currencyCode));

/** The shipping fee of a method for a subtotal; an explicit price (marketplace) wins. */
export function shippingFee(method: ShippingMethod | null, subtotalMinor: bigint, currencyCode: string): bigint {
  if (!method) return 0n;
  const rule = SHIPPING_RULES[method];
  if (rule.freeFrom !== null && subtotalMinor >= major(rule.freeFrom, currencyCode)) return 0n;
  return major(rule.fee, currencyCode);
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
export function subtotalOf(lines: readonly PricedLine[]): bigint {
  return lines.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n);
}

/** Prices lines, shipping, adjusters and tax into an order's totals. */
export async function priceOrder(input: {
  currencyCode: string;
  lines: readonly PricedLine[];
  shippingMethod: ShippingMethod | null;
  memberId?: string | null;
  /** A shipping price set elsewhere (a marketplace's), instead of the method's rule. */
  shippingMinor?: bigint | null;
  adjusters?: readonly PriceAdjuster[];
}): Promise<OrderTotals> {
  const subtotalMinor = subtotalOf(input.lines);
  const draft: PricingDraft = { currencyCode: input.currencyCode, lines: input.lines, subtotalMinor, memberId: input.memberId ?? null };
  let discountMinor = 0n;
  for (const adjuster of input.adjusters ?? []) discountMinor += await adjuster.discountMinor(draft);
  if (discountMinor > subtotalMinor) discountMinor = subtotalMinor;
  const shippingMinor = input.shippingMinor ?? shippingFee(input.shippingMethod, subtotalMinor - discountMinor, input.currencyCode);
  const totalMinor = subtotalMinor - discountMinor + shippingMinor;
  return { subtotalMinor, shippingMinor, discountMinor, taxMinor: includedTax(totalMinor), totalMinor };
}
