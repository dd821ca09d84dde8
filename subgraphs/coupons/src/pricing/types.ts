// The pricing engine's contract: what it is given (a cart and rules), what it answers (prices and the why).
//
// Every price the shop shows or charges comes from one pure function,
// `priceCart(cart, rules)` in ./engine.ts. Rules come from sources (promotions,
// coupons, flash sales, group buys, points, store credit) that read the
// database and turn what they find into plain rule data; the engine never
// reads anything. Money is integer minor units (bigint) of the cart's currency.

/** A member's standing, as the sources read it (members' commands) before pricing. */
export interface PricingMember {
  id: string;
  tier: 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';
  /** Segments the member is in now (members' materialised segments). */
  segmentIds: readonly string[];
}

export interface PricingLine {
  /** Stable key of the line within the cart: the variant id. */
  key: string;
  productId: string;
  categoryIds: readonly string[];
  collectionIds: readonly string[];
  quantity: number;
  /** The catalog (list) price of one unit. */
  unitPriceMinor: bigint;
}

export interface PricingCart {
  currencyCode: string;
  /** orders' channel (ONLINE_STORE, MOBILE_APP, MINI_PROGRAM, ...). */
  channel: string;
  /** The moment prices are computed for; schedules and windows compare with it. */
  at: Date;
  member: PricingMember | null;
  lines: readonly PricingLine[];
  /**
   * The shipping method's fee, waived when the goods after ITEM and ORDER
   * rules reach `freeFromMinor` (orders' rule per method); an explicit price
   * (a marketplace's) comes with `freeFromMinor: null`.
   */
  shipping: { feeMinor: bigint; freeFromMinor: bigint | null };
}

/** Which lines a rule looks at. */
export type PricingScope =
  | { kind: 'ALL' }
  | { kind: 'PRODUCTS'; ids: readonly string[] }
  | { kind: 'CATEGORIES'; ids: readonly string[] }
  | { kind: 'COLLECTIONS'; ids: readonly string[] }
  /** Lines whose key (the variant id) is listed: a price per SKU (flash sales). */
  | { kind: 'VARIANTS'; ids: readonly string[] };

/**
 * Stacking order, fixed: ITEM rules change unit prices and item amounts first,
 * ORDER rules then take amounts off what the scoped lines cost after ITEM
 * rules, SHIPPING rules act on the shipping fee, PAYMENT rules (points, store
 * credit) pay part of what is left. Within a stage: `priority` ascending, then `id`.
 */
export type PricingStage = 'ITEM' | 'ORDER' | 'SHIPPING' | 'PAYMENT';

export type PricingSource = 'PROMOTION' | 'COUPON' | 'FLASH_SALE' | 'GROUP_BUY' | 'TIER_PRICE' | 'POINTS' | 'STORE_CREDIT';

export type PricingEffect =
  /** A special unit price for the scoped lines (flash, tier, group price), on at most `maxQuantity` units per line. */
  | { kind: 'UNIT_PRICE'; unitPriceMinor: bigint; maxQuantity?: number }
  /** Percent off (basis points, 10000 = 100%) of the scoped amount, at most `capMinor`. */
  | { kind: 'PERCENT_OFF'; percentBp: number; capMinor?: bigint }
  /** A fixed amount off the scoped amount (never more than it). */
  | { kind: 'FIXED_OFF'; amountMinor: bigint }
  /** 满减: the highest tier whose threshold the scoped amount reaches takes its amount off. */
  | { kind: 'TIERED_SPEND'; tiers: readonly { thresholdMinor: bigint; offMinor: bigint }[] }
  /** Buy `buy`, get `get` of the scoped units at `percentBp` off (10000 = free); the cheapest units are the ones discounted. */
  | { kind: 'BUY_X_GET_Y'; buy: number; get: number; percentBp: number }
  /** Every `nth` scoped unit (per line) at `percentBp` off: "second item half price" is nth 2, 5000. */
  | { kind: 'NTH_ITEM_PERCENT'; nth: number; percentBp: number }
  /** The shipping fee, or at most `capMinor` of it. */
  | { kind: 'FREE_SHIPPING'; capMinor?: bigint }
  /** Pays up to `amountMinor` of what is left to pay (points' value, store credit). */
  | { kind: 'PAYMENT'; amountMinor: bigint };

/**
 * A reason, as a code and parameters; the caller's language renders it
 * (./reasons.ts). Money parameters are minor-unit strings with the currency
 * in `currencyCode`, so each locale places the symbol its own way.
 */
export interface PricingReason {
  code:
    | 'MIN_SPEND_NOT_MET' // params: missingMinor, thresholdMinor, offMinor (for TIERED_SPEND: the next tier)
    | 'NOT_COMBINABLE' // params: withRuleId, withTitle
    | 'NOT_STARTED' // params: startsAt (ISO)
    | 'ENDED' // params: endsAt
    | 'CHANNEL_NOT_ELIGIBLE' // params: channel
    | 'TIER_NOT_ELIGIBLE' // params: tiers (comma list)
    | 'SEGMENT_NOT_ELIGIBLE'
    | 'SIGN_IN_REQUIRED'
    | 'NOTHING_IN_SCOPE'
    | 'NO_BENEFIT' // applying it would take nothing off (e.g. the price is already lower)
    | 'LIMIT_REACHED' // params: limit — set by a source (per-member limit used up)
    | 'SOLD_OUT' // set by a source (coupon quantity, flash quota)
    | 'NOT_FOUND' // a coupon code that does not exist — set by the coupons source
    | 'CURRENCY_MISMATCH';
  params: Record<string, string>;
}

export interface PricingRule {
  /** Stable id: `promotion:<uuid>`, `coupon:<code>`, `flash:<itemId>`, `points`, ... */
  id: string;
  source: PricingSource;
  /** The rule's title in the shop's languages (en is the fallback), for explanations. */
  title: Readonly<Record<string, string>>;
  stage: PricingStage;
  priority: number;
  scope: PricingScope;
  effect: PricingEffect;
  /**
   * Combinability: rules are in groups (e.g. 'FLASH_SALE', 'PROMOTION',
   * 'COUPON', 'POINTS'); two rules may both apply only when each lists the
   * other's group in `combinesWith`. A pair that does not is never applied together.
   */
  group: string;
  combinesWith: readonly string[];
  /** Eligibility the engine checks itself. Absent = no restriction. */
  conditions: {
    startsAt?: Date;
    endsAt?: Date;
    channels?: readonly string[];
    tiers?: readonly PricingMember['tier'][];
    segmentIds?: readonly string[];
    memberOnly?: boolean;
    /** What the scoped lines must cost (after ITEM rules) for the rule to apply. */
    minSpendMinor?: bigint;
  };
  /** A source already knows it cannot apply (limit used up, sold out, unknown code): reported, never applied. */
  blocked?: PricingReason;
}

export interface PricingAdjustment {
  ruleId: string;
  source: PricingSource;
  stage: PricingStage;
  title: string;
  /** The rule's title in every language it has (added: explanations render the caller's language). */
  titles?: Readonly<Record<string, string>>;
  /** What the rule took off (or, for PAYMENT, paid). Always > 0. */
  amountMinor: bigint;
  /** How the amount is spread over the lines (ITEM and ORDER stages); sums to amountMinor. */
  lines: readonly { key: string; amountMinor: bigint }[];
}

export interface PricingRejection {
  ruleId: string;
  source: PricingSource;
  title: string;
  /** The rule's title in every language it has (added: explanations render the caller's language). */
  titles?: Readonly<Record<string, string>>;
  reason: PricingReason;
}

export interface PricedCartLine {
  key: string;
  quantity: number;
  unitPriceMinor: bigint;
  /** List price × quantity. */
  subtotalMinor: bigint;
  /** ITEM and ORDER adjustments spread onto this line. */
  discountMinor: bigint;
  totalMinor: bigint;
}

export interface PricingResult {
  currencyCode: string;
  lines: readonly PricedCartLine[];
  /** List prices × quantities. */
  subtotalMinor: bigint;
  /** ITEM + ORDER adjustments (never more than the subtotal). */
  discountMinor: bigint;
  shippingMinor: bigint;
  shippingDiscountMinor: bigint;
  /** Paid by PAYMENT rules (points, store credit). */
  paidMinor: bigint;
  /** subtotal − discount + shipping − shippingDiscount − paid; never below zero. */
  totalMinor: bigint;
  applied: readonly PricingAdjustment[];
  rejected: readonly PricingRejection[];
}
