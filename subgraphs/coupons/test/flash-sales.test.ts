import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { statementCounter } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { insertProduct } from '../../products/test/factories.js';
import { flashSaleSource } from '../src/flash-sales/index.js';
import { archiveFlashSale, createFlashSale, removeFlashSaleItem, setFlashSaleItem, updateFlashSale } from '../src/flash-sales/service.js';
import { SOLD_OUT_TTL_MS } from '../src/flash-sales/sold-out.js';
import { flashSaleBucket, flashSaleMemberUse, flashSaleTake } from '../src/flash-sales/tables.js';
import { priceCart } from '../src/pricing/engine.js';
import type { PlacedPricing, PricingRequest } from '../src/pricing/sources.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 40 });
});
afterAll(() => database.close());

const HOUR = 3_600_000;
const en = (text: string) => [{ locale: 'en', text }];

/** A running session (started an hour ago, ends in an hour) with one item on a fresh variant priced 100.00 THB. */
async function runningItem(options: { quota: number; perMemberLimit?: number | null; flashPrice?: string; timeout?: number }) {
  const { variants } = await insertProduct(database.db, {}, 1);
  const variant = variants[0]!;
  const sale = await mutate(database.db, (tx, changes) =>
    createFlashSale(tx, { titles: en('Midnight deals'), startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR), paymentTimeoutMinutes: options.timeout }, changes),
  );
  if (!sale.ok) throw new Error(JSON.stringify(sale.errors));
  const item = await mutate(database.db, (tx, changes) =>
    setFlashSaleItem(tx, { flashSaleId: sale.value.id, variantId: variant.id, flashPrice: options.flashPrice ?? '60.00', quota: options.quota, perMemberLimit: options.perMemberLimit ?? null }, changes),
  );
  if (!item.ok) throw new Error(JSON.stringify(item.errors));
  return { sale: sale.value, item: item.value, variant };
}

function request(variant: { id: string; productId: string; priceMinor: bigint }, quantity: number, memberId: string | null): PricingRequest {
  return {
    cart: {
      currencyCode: 'THB',
      channel: 'ONLINE_STORE',
      at: new Date(),
      member: memberId ? { id: memberId, tier: 'BRONZE', segmentIds: [] } : null,
      lines: [{ key: variant.id, productId: variant.productId, categoryIds: [], collectionIds: [], quantity, unitPriceMinor: variant.priceMinor }],
      shipping: { feeMinor: 0n, freeFromMinor: null },
    },
    couponCodes: [],
  };
}

/** What the engine answers when the flash price covered `units` units of the line (list − flash per unit). */
function placed(itemId: string, variant: { id: string; productId: string; priceMinor: bigint }, quantity: number, units: number, memberId: string | null, flashMinor = 6_000n): PlacedPricing {
  const amountMinor = (variant.priceMinor - flashMinor) * BigInt(units);
  return {
    orderId: randomUUID(),
    memberId,
    request: request(variant, quantity, memberId),
    result: {
      currencyCode: 'THB',
      lines: [],
      subtotalMinor: variant.priceMinor * BigInt(quantity),
      discountMinor: amountMinor,
      shippingMinor: 0n,
      shippingDiscountMinor: 0n,
      paidMinor: 0n,
      totalMinor: variant.priceMinor * BigInt(quantity) - amountMinor,
      applied: [{ ruleId: `flash:${itemId}`, source: 'FLASH_SALE', stage: 'ITEM', title: 'Midnight deals', amountMinor, lines: [{ key: variant.id, amountMinor }] }],
      rejected: [],
    },
  };
}

/** commitPricing as checkout runs it: one transaction per order, rolled back on a refusal. */
const commit = (p: PlacedPricing) => mutate(database.db, (tx) => flashSaleSource.commit!(tx, p));
const release = (orderId: string) => database.db.transaction((tx) => flashSaleSource.release!(tx, orderId));
const remaining = async (itemId: string) =>
  (await database.db.select({ n: sql<number>`sum(${flashSaleBucket.remaining})::int` }).from(flashSaleBucket).where(eq(flashSaleBucket.itemId, itemId)))[0]!.n;

describe('flash-sale sessions and items', () => {
  test('refuses a missing English title, an end before the start, an unknown channel and a timeout out of range, all at once', async () => {
    const result = await mutate(database.db, (tx, changes) =>
      createFlashSale(
        tx,
        { titles: [{ locale: 'th', text: 'ลดแรง' }], startsAt: new Date(Date.now() + HOUR), endsAt: new Date(), channels: ['FAX'], paymentTimeoutMinutes: 0 },
        changes,
      ),
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_TITLE', 'input.titles'],
      ['INVALID_WINDOW', 'input.endsAt'],
      ['INVALID_CHANNEL', 'input.channels'],
      ['INVALID_TIMEOUT', 'input.paymentTimeoutMinutes'],
    ]);
  });

  test('an item needs a flash price below the variant price; a variant cannot be in two overlapping sessions', async () => {
    const { sale, variant } = await runningItem({ quota: 10 });
    const set = (flashSaleId: string, flashPrice: string) =>
      mutate(database.db, (tx, changes) => setFlashSaleItem(tx, { flashSaleId, variantId: variant.id, flashPrice, quota: 5 }, changes));
    expect(await set(sale.id, '100.00')).toMatchObject({ ok: false, errors: [{ code: 'INVALID_PRICE', field: ['input', 'flashPrice'] }] });
    const other = await mutate(database.db, (tx, changes) =>
      createFlashSale(tx, { titles: en('Later'), startsAt: new Date(Date.now() + HOUR / 2), endsAt: new Date(Date.now() + 3 * HOUR) }, changes),
    );
    expect(other.ok && (await set(other.value.id, '50.00'))).toMatchObject({ ok: false, errors: [{ code: 'VARIANT_IN_OVERLAPPING_SALE' }] });
    const moved = await mutate(database.db, (tx, changes) => updateFlashSale(tx, other.ok ? other.value.id : '', { startsAt: new Date(Date.now() + 2 * HOUR) }, changes));
    expect(moved.ok).toBe(true);
    expect(await set(other.ok ? other.value.id : '', '50.00')).toMatchObject({ ok: true });
  });

  test('a quota cannot go below what is sold; raising it refills the buckets with the difference', async () => {
    const { sale, item, variant } = await runningItem({ quota: 10 });
    expect(await commit(placed(item.id, variant, 4, 4, null))).toMatchObject({ ok: true });
    const set = (quota: number) => mutate(database.db, (tx, changes) => setFlashSaleItem(tx, { flashSaleId: sale.id, variantId: variant.id, flashPrice: '60.00', quota }, changes));
    expect(await set(3)).toMatchObject({ ok: false, errors: [{ code: 'INVALID_QUOTA' }] });
    expect(await set(100)).toMatchObject({ ok: true, value: { id: item.id, quota: 100 } });
    expect(await remaining(item.id)).toBe(96);
  });

  test('archived sessions and removed items offer no rule; an archived session cannot change', async () => {
    const { sale, item, variant } = await runningItem({ quota: 5 });
    await mutate(database.db, (tx, changes) => removeFlashSaleItem(tx, item.id, changes));
    expect(await flashSaleSource.rules(database.db, request(variant, 1, null))).toEqual([]);
    await mutate(database.db, (tx, changes) => archiveFlashSale(tx, sale.id, changes));
    expect(await mutate(database.db, (tx, changes) => updateFlashSale(tx, sale.id, { titles: en('x') }, changes))).toMatchObject({
      ok: false,
      errors: [{ code: 'FLASH_SALE_ARCHIVED' }],
    });
  });
});

describe('flash-sale rules', () => {
  test('a UNIT_PRICE rule on the variant, FLASH_SALE combining with points and store credit only, capped at the member limit left', async () => {
    const { item, variant, sale } = await runningItem({ quota: 50, perMemberLimit: 3 });
    const memberId = randomUUID();
    expect(await commit(placed(item.id, variant, 1, 1, memberId))).toMatchObject({ ok: true });
    const [rule] = await flashSaleSource.rules(database.db, request(variant, 5, memberId));
    expect(rule).toMatchObject({
      id: `flash:${item.id}`,
      source: 'FLASH_SALE',
      stage: 'ITEM',
      scope: { kind: 'VARIANTS', ids: [variant.id] },
      effect: { kind: 'UNIT_PRICE', unitPriceMinor: 6_000n, maxQuantity: 2 },
      group: 'FLASH_SALE',
      combinesWith: ['POINTS', 'STORE_CREDIT'],
      conditions: { startsAt: sale.startsAt, endsAt: sale.endsAt, memberOnly: true },
    });
    expect(rule!.blocked).toBeUndefined();
  });

  test('SOLD_OUT when no unit is left, LIMIT_REACHED when the member bought their limit', async () => {
    const soldOut = await runningItem({ quota: 1 });
    expect(await commit(placed(soldOut.item.id, soldOut.variant, 1, 1, null))).toMatchObject({ ok: true });
    expect((await flashSaleSource.rules(database.db, request(soldOut.variant, 1, null)))[0]!.blocked).toEqual({ code: 'SOLD_OUT', params: {} });
    const limited = await runningItem({ quota: 10, perMemberLimit: 1 });
    const memberId = randomUUID();
    expect(await commit(placed(limited.item.id, limited.variant, 1, 1, memberId))).toMatchObject({ ok: true });
    expect((await flashSaleSource.rules(database.db, request(limited.variant, 1, memberId)))[0]!.blocked).toEqual({ code: 'LIMIT_REACHED', params: { limit: '1' } });
  });

  test('commit answers the session’s payment timeout, and PRICE_CHANGED when the amount does not match the flash price', async () => {
    const { item, variant } = await runningItem({ quota: 10, timeout: 7 });
    expect(await commit(placed(item.id, variant, 2, 2, null))).toEqual({ ok: true, value: { paymentTimeoutMinutes: 7 } });
    expect(await commit(placed(item.id, variant, 2, 2, null, 5_000n))).toMatchObject({ ok: false, errors: [{ code: 'PRICE_CHANGED' }] });
    expect(await remaining(item.id)).toBe(8);
  });
});

describe('flash-sale admission under concurrency', () => {
  test('quota 50, 200 parallel checkouts: exactly 50 take a unit, the rest are SOLD_OUT', async () => {
    const { item, variant } = await runningItem({ quota: 50 });
    const results = await Promise.all(Array.from({ length: 200 }, () => commit(placed(item.id, variant, 1, 1, null))));
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.errors[0]!.code)).toEqual(Array(150).fill('SOLD_OUT'));
    expect(await remaining(item.id)).toBe(0);
    const [taken] = await database.db.select({ n: sql<number>`sum(${flashSaleTake.quantity})::int` }).from(flashSaleTake).where(eq(flashSaleTake.itemId, item.id));
    expect(taken!.n).toBe(50);
  });

  test('quantities above one, in parallel, sell the quota exactly, across buckets when no bucket holds them', async () => {
    const { item, variant } = await runningItem({ quota: 101 });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => commit(placed(item.id, variant, 1 + (i % 3), 1 + (i % 3), null))));
    const sold = results.reduce((sum, r, i) => sum + (r.ok ? 1 + (i % 3) : 0), 0);
    const [taken] = await database.db.select({ n: sql<number>`sum(${flashSaleTake.quantity})::int` }).from(flashSaleTake).where(eq(flashSaleTake.itemId, item.id));
    expect(taken!.n).toBe(sold);
    expect(await remaining(item.id)).toBe(101 - sold);
    expect(results.some((r) => !r.ok)).toBe(true);
  });

  test('a per-member limit of 2 holds across 30 parallel carts of one member', async () => {
    const { item, variant } = await runningItem({ quota: 100, perMemberLimit: 2 });
    const memberId = randomUUID();
    const results = await Promise.all(Array.from({ length: 30 }, () => commit(placed(item.id, variant, 1, 1, memberId))));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.errors[0]!.code === 'LIMIT_REACHED')).toBe(true);
    const [use] = await database.db.select().from(flashSaleMemberUse).where(eq(flashSaleMemberUse.itemId, item.id));
    expect(use!.quantity).toBe(2);
    expect(await remaining(item.id)).toBe(98);
  });

  test('once sold out, a checkout is refused without a single statement (no read of the hot rows)', async () => {
    const { item, variant } = await runningItem({ quota: 2 });
    await Promise.all([1, 2, 3].map(() => commit(placed(item.id, variant, 1, 1, null))));
    const before = statementCounter.count;
    const refused = await database.db.transaction((tx) => flashSaleSource.commit!(tx, placed(item.id, variant, 1, 1, null)));
    // begin, the item read and commit: nothing on the buckets.
    expect(statementCounter.count - before).toBeLessThanOrEqual(3);
    expect(refused).toMatchObject({ ok: false, errors: [{ code: 'SOLD_OUT' }] });
  });
});

describe('flash-sale release', () => {
  test('a cancelled order gives its units and the member’s count back once, also when released twice at once', async () => {
    const { item, variant } = await runningItem({ quota: 3, perMemberLimit: 3 });
    const memberId = randomUUID();
    const order = placed(item.id, variant, 3, 3, memberId);
    expect(await commit(order)).toMatchObject({ ok: true });
    expect(await remaining(item.id)).toBe(0);
    await Promise.all([release(order.orderId), release(order.orderId), release(order.orderId)]);
    await release(order.orderId);
    expect(await remaining(item.id)).toBe(3);
    const [use] = await database.db.select().from(flashSaleMemberUse).where(eq(flashSaleMemberUse.itemId, item.id));
    expect(use!.quantity).toBe(0);
    // The sold-out memory was dropped by the release: the units sell again at once.
    expect(await commit(placed(item.id, variant, 1, 1, memberId))).toMatchObject({ ok: true });
  });

  test('releasing an order without flash units, or an unknown one, changes nothing', async () => {
    await expect(release(randomUUID())).resolves.toBeUndefined();
  });

  test(`a sold-out memory expires after ${SOLD_OUT_TTL_MS} ms, so units given back by another process sell again`, async () => {
    const { item, variant } = await runningItem({ quota: 1 });
    const first = placed(item.id, variant, 1, 1, null);
    expect(await commit(first)).toMatchObject({ ok: true });
    expect(await commit(placed(item.id, variant, 1, 1, null))).toMatchObject({ ok: false });
    // Another process's release: the rows change, this process's memory does not.
    await database.db.update(flashSaleTake).set({ releasedAt: new Date() }).where(eq(flashSaleTake.orderId, first.orderId));
    await database.db.update(flashSaleBucket).set({ remaining: sql`${flashSaleBucket.remaining} + 1` }).where(eq(flashSaleBucket.itemId, item.id));
    expect(await commit(placed(item.id, variant, 1, 1, null))).toMatchObject({ ok: false, errors: [{ code: 'SOLD_OUT' }] });
    await new Promise((resolve) => setTimeout(resolve, SOLD_OUT_TTL_MS + 50));
    expect(await commit(placed(item.id, variant, 1, 1, null))).toMatchObject({ ok: true });
  });
});

describe('flash-sale rules in the engine', () => {
  test('the flash price covers only its variant, up to maxQuantity, and never stacks with a promotion', async () => {
    const { item, variant } = await runningItem({ quota: 2 });
    const [sibling] = (await insertProduct(database.db, {}, 1)).variants;
    const req = request(variant, 3, null);
    const cart = { ...req.cart, lines: [...req.cart.lines, { ...req.cart.lines[0]!, key: sibling!.id, quantity: 1, productId: variant.productId }] };
    const rules = await flashSaleSource.rules(database.db, { ...req, cart });
    const promotion = { ...rules[0]!, id: 'promotion:x', source: 'PROMOTION' as const, group: 'PROMOTION', combinesWith: ['PROMOTION', 'COUPON', 'POINTS', 'STORE_CREDIT'], priority: 1, scope: { kind: 'ALL' as const }, effect: { kind: 'PERCENT_OFF' as const, percentBp: 1000 } };
    const result = priceCart(cart, [...rules, promotion]);
    expect(result.applied.map((a) => [a.ruleId, a.amountMinor, a.lines.map((l) => l.key)])).toEqual([[`flash:${item.id}`, 8_000n, [variant.id]]]);
    expect(result.rejected).toMatchObject([{ ruleId: 'promotion:x', reason: { code: 'NOT_COMBINABLE' } }]);
  });
});
