import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { priceCart } from '../src/pricing/engine.js';
import type { PricingCart, PricingEffect, PricingRule, PricingStage } from '../src/pricing/types.js';

const GROUPS = ['PROMOTION', 'COUPON', 'FLASH_SALE', 'POINTS'] as const;
const money = (max: number) => fc.bigInt({ min: 0n, max: BigInt(max) });

const lineArb = fc.record({
  key: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5'),
  productId: fc.constantFrom('p1', 'p2', 'p3'),
  categoryIds: fc.subarray(['c1', 'c2']),
  collectionIds: fc.subarray(['k1']),
  quantity: fc.integer({ min: 1, max: 6 }),
  unitPriceMinor: money(50_000),
});

const cartArb: fc.Arbitrary<PricingCart> = fc.record({
  currencyCode: fc.constant('THB'),
  channel: fc.constantFrom('ONLINE_STORE', 'MOBILE_APP'),
  at: fc.constant(new Date('2026-06-15T05:00:00Z')),
  member: fc.option(fc.record({ id: fc.constant('m'), tier: fc.constantFrom('BRONZE', 'GOLD'), segmentIds: fc.subarray(['s1']) }), { nil: null }),
  lines: fc.uniqueArray(lineArb, { selector: (l) => l.key, minLength: 0, maxLength: 5 }),
  shipping: fc.record({ feeMinor: money(10_000), freeFromMinor: fc.option(money(100_000), { nil: null }) }),
});

const effectArb: fc.Arbitrary<PricingEffect> = fc.oneof(
  fc.record({ kind: fc.constant('UNIT_PRICE' as const), unitPriceMinor: money(50_000), maxQuantity: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('PERCENT_OFF' as const), percentBp: fc.integer({ min: 0, max: 10_000 }), capMinor: fc.option(money(20_000), { nil: undefined }) }),
  fc.record({ kind: fc.constant('FIXED_OFF' as const), amountMinor: money(100_000) }),
  fc.record({ kind: fc.constant('TIERED_SPEND' as const), tiers: fc.array(fc.record({ thresholdMinor: money(200_000), offMinor: money(50_000) }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('BUY_X_GET_Y' as const), buy: fc.integer({ min: 0, max: 3 }), get: fc.integer({ min: 0, max: 2 }), percentBp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('NTH_ITEM_PERCENT' as const), nth: fc.integer({ min: 1, max: 4 }), percentBp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('FREE_SHIPPING' as const), capMinor: fc.option(money(10_000), { nil: undefined }) }),
  fc.record({ kind: fc.constant('PAYMENT' as const), amountMinor: money(100_000) }),
);

const ruleArb: fc.Arbitrary<PricingRule> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  source: fc.constant('PROMOTION' as const),
  title: fc.constant({ en: 'rule' }),
  stage: fc.constantFrom<PricingStage>('ITEM', 'ORDER', 'SHIPPING', 'PAYMENT'),
  priority: fc.integer({ min: 0, max: 3 }),
  scope: fc.oneof(
    fc.constant({ kind: 'ALL' as const }),
    fc.record({ kind: fc.constant('PRODUCTS' as const), ids: fc.subarray(['p1', 'p2', 'p3']) }),
    fc.record({ kind: fc.constant('CATEGORIES' as const), ids: fc.subarray(['c1', 'c2']) }),
    fc.record({ kind: fc.constant('COLLECTIONS' as const), ids: fc.subarray(['k1']) }),
  ),
  effect: effectArb,
  group: fc.constantFrom(...GROUPS),
  combinesWith: fc.subarray([...GROUPS]),
  conditions: fc.record(
    {
      channels: fc.subarray(['ONLINE_STORE', 'MOBILE_APP']),
      tiers: fc.subarray(['BRONZE', 'GOLD'] as const),
      minSpendMinor: money(100_000),
    },
    { requiredKeys: [] },
  ),
});

// Ids unique per rule set: a rule's id is its identity in explanations.
const rulesArb = fc.uniqueArray(ruleArb, { selector: (r) => r.id, maxLength: 6 });
const RUNS = { numRuns: 400 };

describe('priceCart properties', () => {
  test('the total is never below zero, and no line, discount or payment exceeds what it acts on', () => {
    fc.assert(
      fc.property(cartArb, rulesArb, (cart, rules) => {
        const result = priceCart(cart, rules);
        expect(result.totalMinor >= 0n).toBe(true);
        expect(result.discountMinor <= result.subtotalMinor).toBe(true);
        expect(result.shippingDiscountMinor <= result.shippingMinor).toBe(true);
        for (const line of result.lines) expect(line.totalMinor >= 0n).toBe(true);
        expect(result.totalMinor).toBe(
          result.subtotalMinor - result.discountMinor + result.shippingMinor - result.shippingDiscountMinor - result.paidMinor,
        );
        for (const a of result.applied) expect(a.amountMinor > 0n).toBe(true);
      }),
      RUNS,
    );
  });

  test('no two applied rules are non-combinable', () => {
    fc.assert(
      fc.property(cartArb, rulesArb, (cart, rules) => {
        const byId = new Map(rules.map((r) => [r.id, r]));
        const applied = priceCart(cart, rules).applied.map((a) => byId.get(a.ruleId)!);
        for (const a of applied) {
          for (const b of applied) {
            if (a !== b) expect(a.combinesWith.includes(b.group) && b.combinesWith.includes(a.group)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  test('the result does not depend on the order of lines or rules', () => {
    fc.assert(
      fc.property(cartArb, rulesArb, fc.nat(), (cart, rules, seed) => {
        const shuffle = <T>(items: readonly T[]) => {
          const copy = [...items];
          let s = seed + 1;
          for (let i = copy.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
          }
          return copy;
        };
        const byKey = <T extends { key: string }>(lines: readonly T[]) => [...lines].sort((a, b) => (a.key < b.key ? -1 : 1));
        const a = priceCart(cart, rules);
        const b = priceCart({ ...cart, lines: shuffle(cart.lines) }, shuffle(rules));
        expect({ ...b, lines: byKey(b.lines) }).toEqual({ ...a, lines: byKey(a.lines) });
      }),
      RUNS,
    );
  });

  test("each adjustment's line spreads sum to its amount, and line discounts add up to the cart's", () => {
    fc.assert(
      fc.property(cartArb, rulesArb, (cart, rules) => {
        const result = priceCart(cart, rules);
        for (const a of result.applied) {
          if (a.stage === 'ITEM' || a.stage === 'ORDER') {
            expect(a.lines.reduce((s, l) => s + l.amountMinor, 0n)).toBe(a.amountMinor);
            for (const l of a.lines) expect(l.amountMinor > 0n).toBe(true);
          } else expect(a.lines).toEqual([]);
        }
        expect(result.lines.reduce((s, l) => s + l.discountMinor, 0n)).toBe(result.discountMinor);
      }),
      RUNS,
    );
  });
});
