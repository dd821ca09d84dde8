import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { couponCode, couponMemberUsage, couponRedemption, couponRules, redeemCoupons, releaseCoupons } from '../src/coupon-codes/index.js';
import { priceCart } from '../src/pricing/engine.js';
import type { PricingCart } from '../src/pricing/types.js';
import { coupon } from '../src/tables.js';
import { insertCoupons, makeCoupon } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  // Enough connections for real parallel transactions.
  database = await createTestDatabase({ max: 30 });
});
afterAll(() => database.close());

const placedWith = (code: string, memberId: string | null, orderId = randomUUID()) => ({
  orderId,
  memberId,
  result: {
    currencyCode: 'THB',
    applied: [{ ruleId: `coupon:${code}`, source: 'COUPON' as const, stage: 'ORDER' as const, title: code, amountMinor: 1_000n, lines: [] }],
  },
});

/** One checkout's commit in its own transaction, rolled back when refused (as checkout does). */
const redeemInTransaction = (placed: ReturnType<typeof placedWith>) => mutate(database.db, (tx) => redeemCoupons(tx, placed));

async function singleUseCode(overrides: Parameters<typeof makeCoupon>[0] = {}) {
  const [row] = await insertCoupons(database.db, [makeCoupon({ code: null, ...overrides })]);
  const code = `ONE${randomUUID().slice(0, 8).toUpperCase()}`;
  await database.db.insert(couponCode).values({ couponId: row!.id, code, source: 'GENERATED' });
  return { coupon: row!, code };
}

const redemptionsOf = (couponId: string) => database.db.select().from(couponRedemption).where(eq(couponRedemption.couponId, couponId));
const couponRow = async (id: string) => (await database.db.select().from(coupon).where(eq(coupon.id, id)))[0]!;

describe('concurrency on real parallel transactions', () => {
  test('200 concurrent redemptions of one single-use code: exactly 1 order uses it, the rest get CODE_USED', async () => {
    const { coupon: row, code } = await singleUseCode();
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => redeemInTransaction(placedWith(code, null))));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const refusals = outcomes.flatMap((o) => (o.ok ? [] : o.errors.map((e) => e.code)));
    expect(new Set(refusals)).toEqual(new Set(['CODE_USED']));
    expect(await redemptionsOf(row.id)).toHaveLength(1);
    expect((await couponRow(row.id)).redeemedCount).toBe(1);
  });

  test('a per-member limit of 1 holds across 50 parallel carts of one member', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: `MEMBER${randomUUID().slice(0, 6).toUpperCase()}`, perMemberLimit: 1 })]);
    const memberId = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => redeemInTransaction(placedWith(row!.code!, memberId))));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(new Set(outcomes.flatMap((o) => (o.ok ? [] : o.errors.map((e) => e.code))))).toEqual(new Set(['LIMIT_REACHED']));
    const [usage] = await database.db.select().from(couponMemberUsage).where(eq(couponMemberUsage.couponId, row!.id));
    expect(usage!.used).toBe(1);
  });

  test('a total quantity of 5 under 40 parallel members: exactly 5 redemptions, the rest SOLD_OUT', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: `FIVE${randomUUID().slice(0, 6).toUpperCase()}`, totalQuantity: 5 })]);
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => redeemInTransaction(placedWith(row!.code!, randomUUID()))));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
    expect(new Set(outcomes.flatMap((o) => (o.ok ? [] : o.errors.map((e) => e.code))))).toEqual(new Set(['SOLD_OUT']));
    expect((await couponRow(row!.id)).redeemedCount).toBe(5);
  });
});

describe('release', () => {
  test('a cancelled order gives its coupon back once: cancelling twice counts it back once and frees the code', async () => {
    const { coupon: row, code } = await singleUseCode({ totalQuantity: 3, perMemberLimit: 1 });
    const memberId = randomUUID();
    const placed = placedWith(code, memberId);
    expect((await redeemInTransaction(placed)).ok).toBe(true);
    await database.db.transaction((tx) => releaseCoupons(tx, placed.orderId));
    await database.db.transaction((tx) => releaseCoupons(tx, placed.orderId));
    expect((await couponRow(row.id)).redeemedCount).toBe(0);
    const [usage] = await database.db.select().from(couponMemberUsage).where(eq(couponMemberUsage.couponId, row.id));
    expect(usage!.used).toBe(0);
    const [codeRow] = await database.db.select().from(couponCode).where(eq(couponCode.code, code));
    expect(codeRow!.redeemedOrderId).toBeNull();
    // The freed code works again, once.
    expect((await redeemInTransaction(placedWith(code, memberId))).ok).toBe(true);
  });

  test('expiry and cancel racing on the same order give the coupon back exactly once', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: `RACE${randomUUID().slice(0, 6).toUpperCase()}`, totalQuantity: 2 })]);
    const first = placedWith(row!.code!, randomUUID());
    const second = placedWith(row!.code!, randomUUID());
    expect((await redeemInTransaction(first)).ok).toBe(true);
    expect((await redeemInTransaction(second)).ok).toBe(true);
    await Promise.all(Array.from({ length: 10 }, () => database.db.transaction((tx) => releaseCoupons(tx, first.orderId))));
    expect((await couponRow(row!.id)).redeemedCount).toBe(1);
    const live = await database.db.select().from(couponRedemption).where(sql`${couponRedemption.couponId} = ${row!.id} and ${couponRedemption.releasedAt} is null`);
    expect(live.map((r) => r.orderId)).toEqual([second.orderId]);
  });
});

describe('the coupon-codes rule source', () => {
  const member = { id: randomUUID(), tier: 'SILVER' as const, segmentIds: [] };
  const cart = (overrides: Partial<PricingCart> = {}): PricingCart => ({
    currencyCode: 'THB',
    channel: 'ONLINE_STORE',
    at: new Date(),
    member,
    lines: [{ key: randomUUID(), productId: randomUUID(), categoryIds: [], collectionIds: [], quantity: 2, unitPriceMinor: 50_000n }],
    shipping: { feeMinor: 5_000n, freeFromMinor: null },
    ...overrides,
  });

  test('an unknown code is a NOT_FOUND rejection; a known one takes its percentage off up to the cap', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: 'TENCAP', value: 10n, maxDiscountMinor: 5_000n })]);
    const priced = cart();
    const rules = await couponRules(database.db, { cart: priced, couponCodes: ['nosuchcode', ' tencap '] });
    const result = priceCart(priced, rules);
    expect(result.rejected).toEqual([expect.objectContaining({ ruleId: 'coupon:NOSUCHCODE', reason: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    expect(result.applied).toEqual([expect.objectContaining({ ruleId: 'coupon:TENCAP', amountMinor: 5_000n })]);
    expect(row!.code).toBe('TENCAP');
  });

  test('a used single-use code, a used-up quantity and a member at the limit are blocked with their reasons', async () => {
    const { code } = await singleUseCode();
    expect((await redeemInTransaction(placedWith(code, null))).ok).toBe(true);
    const [soldOut, limited] = await insertCoupons(database.db, [
      makeCoupon({ code: 'GONEALL', totalQuantity: 1, redeemedCount: 1 }),
      makeCoupon({ code: 'ONEEACH', perMemberLimit: 1 }),
    ]);
    await database.db.insert(couponMemberUsage).values({ couponId: limited!.id, memberId: member.id, used: 1 });
    const rules = await couponRules(database.db, { cart: cart(), couponCodes: [code, 'GONEALL', 'ONEEACH'] });
    expect(rules.map((r) => r.blocked?.code)).toEqual(['LIMIT_REACHED', 'SOLD_OUT', 'LIMIT_REACHED']);
    expect(soldOut!.totalQuantity).toBe(1);
  });

  test("another member's personal code reads as unknown; a guest is asked to sign in", async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: null })]);
    await database.db.insert(couponCode).values({ couponId: row!.id, code: 'MINEONLY', memberId: randomUUID(), source: 'CLAIMED' });
    const [other] = await couponRules(database.db, { cart: cart(), couponCodes: ['MINEONLY'] });
    const [guest] = await couponRules(database.db, { cart: cart({ member: null }), couponCodes: ['MINEONLY'] });
    expect(other!.blocked?.code).toBe('NOT_FOUND');
    expect(guest!.blocked?.code).toBe('SIGN_IN_REQUIRED');
  });

  test('a free-shipping coupon waives the fee; a fixed amount under its minimum spend is explained', async () => {
    await insertCoupons(database.db, [
      makeCoupon({ code: 'SHIPFREE', kind: 'FREE_SHIPPING', value: 0n }),
      makeCoupon({ code: 'BIGSPEND', kind: 'FIXED_AMOUNT', value: 10_000n, minimumSpendMinor: 500_000n }),
    ]);
    const priced = cart();
    const shipping = priceCart(priced, await couponRules(database.db, { cart: priced, couponCodes: ['SHIPFREE'] }));
    expect(shipping.shippingDiscountMinor).toBe(5_000n);
    const spend = priceCart(priced, await couponRules(database.db, { cart: priced, couponCodes: ['BIGSPEND'] }));
    expect(spend.rejected[0]!.reason.code).toBe('MIN_SPEND_NOT_MET');
  });
});
