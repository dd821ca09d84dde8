// Where pricing rules come from: each marketing feature is a source that reads its own tables.
import type { Db, Result } from '@shop/kit';
import type { PricingCart, PricingResult, PricingRule } from './types.js';

/** What a cart or checkout asks to be priced with, beyond its lines. */
export interface PricingRequest {
  cart: PricingCart;
  /** Codes the customer applied to the cart (orders keeps them on the cart). */
  couponCodes: readonly string[];
  /** The group buy the purchase opens or joins, if any. */
  groupBuy?: { groupId: string } | { openForProductId: string } | null;
  /** Points the customer asks to spend (members' balance and rate decide what they are worth). */
  pointsToRedeem?: number;
  /** Store credit (minor units) the customer asks to spend. */
  storeCreditMinor?: bigint;
}

/** The order a priced checkout became, handed to sources inside the checkout's transaction. */
export interface PlacedPricing {
  orderId: string;
  memberId: string | null;
  request: PricingRequest;
  result: PricingResult;
}

/** What a source's commit asks of the order: a flash-sale order must be paid sooner. */
export interface CommitOutcome {
  paymentTimeoutMinutes?: number;
}

export interface RuleSource {
  name: string;
  /** The rules this source offers for the request, read in `tx` (the checkout's transaction at checkout). */
  rules(tx: Db, request: PricingRequest): Promise<PricingRule[]>;
  /**
   * At placement, in the checkout's `tx`: makes what applied binding (redeems a
   * coupon, takes flash quota). A failure (sold out in the meantime, limit
   * reached by a parallel order) is a userError and the checkout rolls back.
   */
  commit?(tx: Db, placed: PlacedPricing): Promise<Result<CommitOutcome, string>>;
  /** When the order is cancelled, closed or expires unpaid, in that `tx`: gives back what commit took. Idempotent. */
  release?(tx: Db, orderId: string): Promise<void>;
}

// The registry of sources is RULE_SOURCES in ./registry.ts: each source imports the types above, so the list
// that imports every source lives in its own module (no import cycle).
