import { callersLocale } from '@shop/kit';
import { describe, expect, test } from 'vitest';
import { priceCart } from '../src/pricing/engine.js';
import { renderReason } from '../src/pricing/reasons.js';
import type { PricingCart, PricingLine, PricingRule } from '../src/pricing/types.js';

const AT = new Date('2026-06-15T05:00:00Z');

function line(key: string, unitPriceMinor: bigint, quantity = 1, extra: Partial<PricingLine> = {}): PricingLine {
  return { key, productId: `p-${key}`, categoryIds: [], collectionIds: [], quantity, unitPriceMinor, ...extra };
}

function cart(lines: PricingLine[], extra: Partial<PricingCart> = {}): PricingCart {
  return {
    currencyCode: 'THB', channel: 'ONLINE_STORE', at: AT, member: null, lines,
    shipping: { feeMinor: 0n, freeFromMinor: null }, ...extra,
  };
}

function rule(id: string, effect: PricingRule['effect'], extra: Partial<PricingRule> = {}): PricingRule {
  return {
    id, source: 'PROMOTION', title: { en: id }, stage: 'ORDER', priority: 0, scope: { kind: 'ALL' }, effect,
    group: 'PROMOTION', combinesWith: ['PROMOTION', 'COUPON', 'POINTS', 'STORE_CREDIT'], conditions: {}, ...extra,
  };
}

describe('priceCart, hand-computed', () => {
  test('PERCENT_OFF rounds half up once and spreads by line amount, remainder on the largest line', () => {
    // 10% of 333 + 667 = 100.0 → 100; spread 33.3 → 33 and 66.7 → 66, remainder 1 on the 667 line.
    const result = priceCart(cart([line('a', 333n), line('b', 667n)]), [rule('r', { kind: 'PERCENT_OFF', percentBp: 1000 })]);
    expect(result.discountMinor).toBe(100n);
    expect(result.applied[0]!.lines).toEqual([{ key: 'a', amountMinor: 33n }, { key: 'b', amountMinor: 67n }]);
    expect(result.totalMinor).toBe(900n);
  });

  test('PERCENT_OFF of 15% on 1003 is 150.45 → 150, and 15% of 1010 = 151.5 → 152 (half up)', () => {
    expect(priceCart(cart([line('a', 1003n)]), [rule('r', { kind: 'PERCENT_OFF', percentBp: 1500 })]).discountMinor).toBe(150n);
    expect(priceCart(cart([line('a', 1010n)]), [rule('r', { kind: 'PERCENT_OFF', percentBp: 1500 })]).discountMinor).toBe(152n);
  });

  test('PERCENT_OFF honours its cap', () => {
    const result = priceCart(cart([line('a', 100_000n)]), [rule('r', { kind: 'PERCENT_OFF', percentBp: 5000, capMinor: 10_000n })]);
    expect(result.discountMinor).toBe(10_000n);
  });

  test('FIXED_OFF never takes more than the scoped lines cost', () => {
    const result = priceCart(cart([line('a', 3000n)]), [rule('r', { kind: 'FIXED_OFF', amountMinor: 5000n })]);
    expect(result.discountMinor).toBe(3000n);
    expect(result.totalMinor).toBe(0n);
  });

  test('TIERED_SPEND takes the highest tier reached', () => {
    const tiers = [{ thresholdMinor: 20_000n, offMinor: 2_000n }, { thresholdMinor: 50_000n, offMinor: 8_000n }];
    const result = priceCart(cart([line('a', 30_000n), line('b', 25_000n)]), [rule('t', { kind: 'TIERED_SPEND', tiers })]);
    expect(result.discountMinor).toBe(8_000n);
  });

  test('TIERED_SPEND below every tier reports what is missing for the next one', () => {
    const tiers = [{ thresholdMinor: 50_000n, offMinor: 5_000n }];
    const result = priceCart(cart([line('a', 38_000n)]), [rule('t', { kind: 'TIERED_SPEND', tiers })]);
    expect(result.applied).toEqual([]);
    expect(result.rejected[0]!.reason).toEqual({
      code: 'MIN_SPEND_NOT_MET',
      params: { missingMinor: '12000', thresholdMinor: '50000', offMinor: '5000', currencyCode: 'THB' },
    });
    expect(renderReason(result.rejected[0]!.reason, 'en', 'THB')).toBe('Spend ฿120.00 more to get ฿50.00 off.');
  });

  test('BUY_X_GET_Y discounts the cheapest units', () => {
    // Buy 2 get 1 free over 3 units at 500, 300, 100 (two lines): the 100 unit is free.
    const result = priceCart(cart([line('a', 500n, 2), line('b', 100n, 1)]), [
      rule('b', { kind: 'BUY_X_GET_Y', buy: 2, get: 1, percentBp: 10_000 }, { stage: 'ITEM' }),
    ]);
    expect(result.discountMinor).toBe(100n);
    expect(result.applied[0]!.lines).toEqual([{ key: 'b', amountMinor: 100n }]);
  });

  test('NTH_ITEM_PERCENT: second item half price, per line', () => {
    // 5 units at 200: units 2 and 4 at 50% → 200 off.
    const result = priceCart(cart([line('a', 200n, 5)]), [rule('n', { kind: 'NTH_ITEM_PERCENT', nth: 2, percentBp: 5000 }, { stage: 'ITEM' })]);
    expect(result.discountMinor).toBe(200n);
  });

  test('UNIT_PRICE sets a special price on at most maxQuantity units', () => {
    const result = priceCart(cart([line('a', 1000n, 3)]), [
      rule('f', { kind: 'UNIT_PRICE', unitPriceMinor: 600n, maxQuantity: 2 }, { stage: 'ITEM', source: 'FLASH_SALE', group: 'FLASH_SALE' }),
    ]);
    expect(result.discountMinor).toBe(800n);
    expect(result.lines[0]!.totalMinor).toBe(2200n);
  });

  test('FREE_SHIPPING waives the fee; the method threshold uses goods after discounts', () => {
    const shipping = { feeMinor: 5000n, freeFromMinor: 100_000n };
    const noRule = priceCart(cart([line('a', 100_000n)], { shipping }), [rule('r', { kind: 'FIXED_OFF', amountMinor: 1n })]);
    expect(noRule.shippingMinor).toBe(5000n);
    const free = priceCart(cart([line('a', 50_000n)], { shipping }), [rule('s', { kind: 'FREE_SHIPPING' }, { stage: 'SHIPPING' })]);
    expect(free.shippingMinor).toBe(5000n);
    expect(free.shippingDiscountMinor).toBe(5000n);
    expect(free.totalMinor).toBe(50_000n);
  });

  test('PAYMENT pays at most what is left', () => {
    const result = priceCart(cart([line('a', 1000n)]), [
      rule('points', { kind: 'PAYMENT', amountMinor: 5000n }, { stage: 'PAYMENT', source: 'POINTS', group: 'POINTS' }),
    ]);
    expect(result.paidMinor).toBe(1000n);
    expect(result.totalMinor).toBe(0n);
  });

  test('stages run in order: ORDER acts on the amount after ITEM rules', () => {
    const result = priceCart(cart([line('a', 10_000n)]), [
      rule('o', { kind: 'PERCENT_OFF', percentBp: 1000 }),
      rule('i', { kind: 'PERCENT_OFF', percentBp: 5000 }, { stage: 'ITEM' }),
    ]);
    expect(result.applied.map((a) => [a.ruleId, a.amountMinor])).toEqual([['i', 5000n], ['o', 500n]]);
  });

  test('a rule not combinable with one already applied is rejected, naming it', () => {
    const result = priceCart(cart([line('a', 10_000n)]), [
      rule('promo', { kind: 'PERCENT_OFF', percentBp: 1000 }, { combinesWith: [] }),
      rule('coupon', { kind: 'FIXED_OFF', amountMinor: 100n }, { priority: 1, source: 'COUPON', group: 'COUPON' }),
    ]);
    expect(result.applied.map((a) => a.ruleId)).toEqual(['promo']);
    expect(result.rejected[0]!.reason).toEqual({ code: 'NOT_COMBINABLE', params: { withRuleId: 'promo', withTitle: 'promo' } });
  });

  test('conditions: schedule, channel, member, tier, segment, scope', () => {
    const eff = { kind: 'FIXED_OFF', amountMinor: 1n } as const;
    const member = { id: 'm', tier: 'SILVER' as const, segmentIds: ['s1'] };
    const result = priceCart(cart([line('a', 100n)], { member }), [
      rule('1', eff, { conditions: { startsAt: new Date('2026-07-01T00:00:00Z') } }),
      rule('2', eff, { conditions: { endsAt: AT } }),
      rule('3', eff, { conditions: { channels: ['MOBILE_APP'] } }),
      rule('4', eff, { conditions: { tiers: ['GOLD'] } }),
      rule('5', eff, { conditions: { segmentIds: ['s2'] } }),
      rule('6', eff, { scope: { kind: 'PRODUCTS', ids: ['p-zzz'] } }),
      rule('7', eff, { blocked: { code: 'SOLD_OUT', params: {} } }),
    ]);
    expect(result.rejected.map((r) => r.reason.code)).toEqual([
      'NOT_STARTED', 'ENDED', 'CHANNEL_NOT_ELIGIBLE', 'TIER_NOT_ELIGIBLE', 'SEGMENT_NOT_ELIGIBLE', 'NOTHING_IN_SCOPE', 'SOLD_OUT',
    ]);
    const guest = priceCart(cart([line('a', 100n)]), [rule('4', eff, { conditions: { tiers: ['GOLD'] } })]);
    expect(guest.rejected[0]!.reason.code).toBe('SIGN_IN_REQUIRED');
  });

  test('scope by category only discounts the lines in it', () => {
    const result = priceCart(cart([line('a', 1000n, 1, { categoryIds: ['c1'] }), line('b', 1000n)]), [
      rule('r', { kind: 'PERCENT_OFF', percentBp: 1000 }, { scope: { kind: 'CATEGORIES', ids: ['c1'] } }),
    ]);
    expect(result.applied[0]!.lines).toEqual([{ key: 'a', amountMinor: 100n }]);
  });

  test('a rule that would take nothing off is NO_BENEFIT', () => {
    const result = priceCart(cart([line('a', 500n)]), [
      rule('f', { kind: 'UNIT_PRICE', unitPriceMinor: 600n }, { stage: 'ITEM' }),
    ]);
    expect(result.rejected[0]!.reason.code).toBe('NO_BENEFIT');
  });
});

describe('reasons', () => {
  const reason = { code: 'MIN_SPEND_NOT_MET' as const, params: { missingMinor: '12000', thresholdMinor: '50000', offMinor: '5000' } };

  test('render in every locale, with money formatted per locale', () => {
    expect(renderReason(reason, 'th', 'THB')).toContain('120.00');
    expect(renderReason(reason, 'zh-CN', 'THB')).toMatch(/^再买/);
    expect(renderReason(reason, 'zh-TW', 'THB')).toMatch(/^再買/);
    expect(renderReason(reason, 'ar', 'THB')).toMatch(/^أنفق \u2068/);
  });

  test('Accept-Language picks the best supported locale, en otherwise', () => {
    expect(callersLocale('fr-FR, th;q=0.8')).toBe('th');
    expect(callersLocale('zh-Hant-TW')).toBe('zh-TW');
    expect(callersLocale('zh')).toBe('zh-CN');
    expect(callersLocale('ar-SA')).toBe('ar');
    expect(callersLocale('de')).toBe('en');
    expect(callersLocale(null)).toBe('en');
  });
});
