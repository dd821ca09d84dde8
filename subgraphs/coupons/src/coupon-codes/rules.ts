// A coupon as the pricing engine's rule, and what the coupons source itself knows blocks it.
import type { PricingMember, PricingReason, PricingRule } from '../pricing/types.js';
import { titlesOf } from '../service.js';
import type { CouponRow } from '../tables.js';
import type { FoundCode } from './lookup.js';

/** The rule id of a code, as the contract names it. */
export const ruleIdOf = (code: string) => `coupon:${code}`;
export const codeOfRuleId = (ruleId: string) => (ruleId.startsWith('coupon:') ? ruleId.slice('coupon:'.length) : null);

/** Coupons come after promotions of the same stage: a coupon takes its share off what promotions left. */
const COUPON_PRIORITY = 100;

function effectOf(row: CouponRow): PricingRule['effect'] {
  const cap = row.maxDiscountMinor ?? undefined;
  switch (row.kind) {
    case 'PERCENTAGE':
      return { kind: 'PERCENT_OFF', percentBp: Number(row.value) * 100, ...(cap ? { capMinor: cap } : {}) };
    case 'FIXED_AMOUNT':
      return { kind: 'FIXED_OFF', amountMinor: row.value };
    case 'FREE_SHIPPING':
      return { kind: 'FREE_SHIPPING', ...(cap ? { capMinor: cap } : {}) };
  }
}

/**
 * The rule of a coupon under the code typed. Window, channels, tiers, segments
 * and minimum spend are conditions the engine checks (and explains); a
 * per-member limit or a personal code needs a signed-in member.
 */
export function ruleOf(found: FoundCode, code: string, blocked?: PricingReason): PricingRule {
  const row = found.coupon;
  return {
    id: ruleIdOf(code),
    source: 'COUPON',
    title: titlesOf(row),
    stage: row.kind === 'FREE_SHIPPING' ? 'SHIPPING' : 'ORDER',
    priority: COUPON_PRIORITY,
    scope: row.scopeKind === 'ALL' ? { kind: 'ALL' } : { kind: row.scopeKind, ids: row.scopeIds },
    effect: effectOf(row),
    group: 'COUPON',
    // Two coupons never stack (COUPON is never listed); a coupon not combinable leaves out promotions.
    combinesWith: row.combinable ? ['PROMOTION', 'POINTS', 'STORE_CREDIT'] : ['POINTS', 'STORE_CREDIT'],
    conditions: {
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      ...(row.channels.length ? { channels: row.channels } : {}),
      ...(row.tiers.length ? { tiers: row.tiers as PricingMember['tier'][] } : {}),
      ...(row.segmentIds.length ? { segmentIds: row.segmentIds } : {}),
      ...(row.perMemberLimit !== null || found.code?.memberId ? { memberOnly: true } : {}),
      ...(row.minimumSpendMinor > 0n ? { minSpendMinor: row.minimumSpendMinor } : {}),
    },
    ...(blocked ? { blocked } : {}),
  };
}

/** The rule of a code that names nothing the caller may use: reported as NOT_FOUND, never applied. */
export function unknownCodeRule(code: string): PricingRule {
  return {
    id: ruleIdOf(code),
    source: 'COUPON',
    title: { en: code },
    stage: 'ORDER',
    priority: COUPON_PRIORITY,
    scope: { kind: 'ALL' },
    effect: { kind: 'FIXED_OFF', amountMinor: 0n },
    group: 'COUPON',
    combinesWith: [],
    conditions: {},
    blocked: { code: 'NOT_FOUND', params: { code } },
  };
}

/**
 * What blocks a found code before the engine looks at the cart: another
 * member's personal code reads as unknown (codes cannot be probed), an
 * archived coupon too; a personal code needs its member signed in; a used
 * single-use code, a used-up quantity, a member at the limit, a currency the
 * coupon is not in. `usedByMember` is what the member holds of the coupon.
 */
export function blockedReason(found: FoundCode, memberId: string | null, currencyCode: string, usedByMember: number): PricingReason | 'UNKNOWN' | null {
  const row = found.coupon;
  if (row.archivedAt) return 'UNKNOWN';
  if (found.code?.memberId) {
    if (!memberId) return { code: 'SIGN_IN_REQUIRED', params: {} };
    if (found.code.memberId !== memberId) return 'UNKNOWN';
  }
  if (found.code?.redeemedOrderId) return { code: 'LIMIT_REACHED', params: { limit: '1' } };
  if (row.currencyCode.trim() !== currencyCode) return { code: 'CURRENCY_MISMATCH', params: { currencyCode: row.currencyCode.trim() } };
  if (row.totalQuantity !== null && row.redeemedCount >= row.totalQuantity) return { code: 'SOLD_OUT', params: {} };
  if (row.perMemberLimit !== null && memberId && usedByMember >= row.perMemberLimit) {
    return { code: 'LIMIT_REACHED', params: { limit: String(row.perMemberLimit) } };
  }
  return null;
}
