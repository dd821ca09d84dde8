// Promotions as a pricing rule source: every active promotion in the cart's currency becomes one rule.
import type { RuleSource } from '../pricing/sources.js';
import type { PricingEffect, PricingMember, PricingRule, PricingScope, PricingStage } from '../pricing/types.js';
import { applicablePromotions } from './service.js';
import type { PromotionRow } from './tables.js';

/** Groups a combinable promotion stacks with; a non-combinable one stacks only with payments. */
const COMBINABLE_WITH = ['PROMOTION', 'COUPON', 'POINTS', 'STORE_CREDIT'];
const PAYMENTS_ONLY = ['POINTS', 'STORE_CREDIT'];

/** Unit-level kinds change item prices (ITEM stage); spend-based kinds act on the order (ORDER stage). */
const STAGE: Record<PromotionRow['kind'], PricingStage> = {
  TIERED_SPEND: 'ORDER',
  PERCENT_OFF: 'ORDER',
  FIXED_OFF: 'ORDER',
  BUY_X_GET_Y: 'ITEM',
  NTH_ITEM_PERCENT: 'ITEM',
  TIER_PRICE: 'ITEM',
};

function effectOf(row: PromotionRow): PricingEffect {
  const percentBp = row.percentBp ?? 0;
  switch (row.kind) {
    case 'TIERED_SPEND':
      return { kind: 'TIERED_SPEND', tiers: (row.spendTiers ?? []).map((t) => ({ thresholdMinor: BigInt(t.thresholdMinor), offMinor: BigInt(t.offMinor) })) };
    case 'PERCENT_OFF':
    case 'TIER_PRICE':
      return { kind: 'PERCENT_OFF', percentBp, ...(row.maxDiscountMinor != null ? { capMinor: row.maxDiscountMinor } : {}) };
    case 'FIXED_OFF':
      return { kind: 'FIXED_OFF', amountMinor: row.amountOffMinor ?? 0n };
    case 'BUY_X_GET_Y':
      return { kind: 'BUY_X_GET_Y', buy: row.buyQuantity ?? 1, get: row.getQuantity ?? 1, percentBp };
    case 'NTH_ITEM_PERCENT':
      return { kind: 'NTH_ITEM_PERCENT', nth: row.nth ?? 2, percentBp };
  }
}

function scopeOf(row: PromotionRow): PricingScope {
  return row.scopeKind === 'ALL' ? { kind: 'ALL' } : { kind: row.scopeKind, ids: row.scopeIds };
}

/** One promotion as the engine's rule (pure: the rows were read by the caller). */
export function promotionRule(row: PromotionRow): PricingRule {
  return {
    id: `promotion:${row.id}`,
    source: row.kind === 'TIER_PRICE' ? 'TIER_PRICE' : 'PROMOTION',
    title: row.titles,
    stage: STAGE[row.kind],
    priority: row.priority,
    scope: scopeOf(row),
    effect: effectOf(row),
    group: 'PROMOTION',
    combinesWith: row.combinable ? COMBINABLE_WITH : PAYMENTS_ONLY,
    conditions: {
      ...(row.startsAt ? { startsAt: row.startsAt } : {}),
      ...(row.endsAt ? { endsAt: row.endsAt } : {}),
      ...(row.channels.length ? { channels: row.channels } : {}),
      ...(row.memberTiers.length ? { tiers: row.memberTiers as PricingMember['tier'][] } : {}),
      ...(row.segmentIds.length ? { segmentIds: row.segmentIds } : {}),
      ...(row.minSpendMinor != null && row.minSpendMinor > 0n ? { minSpendMinor: row.minSpendMinor } : {}),
    },
  };
}

/**
 * Active promotions in the cart's currency at the cart's moment. Eligibility (channel, tier, segment, spend)
 * is left to the engine, so the explanation says why a promotion did not apply.
 */
export const promotionsSource: RuleSource = {
  name: 'promotions',
  async rules(tx, request) {
    const rows = await applicablePromotions(tx, request.cart.at, request.cart.currencyCode);
    return rows.map(promotionRule);
  },
};
