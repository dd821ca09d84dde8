import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { productNeighbour, RECOMPUTE_RECOMMENDATIONS, recomputeRecommendationsTask } from '../src/recommendations/index.js';
import { boughtTogetherOf, recommendationsFor } from '../src/recommendations/service.js';
import { orderFactsTask } from '../src/statistics/jobs.js';
import type { OrderFactPayload } from '../src/statistics/service.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

// Products A–D, all active and in stock (as products' own table holds them).
const [A, B, C, D] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()].sort();
let m1: string, m2: string, m3: string, m4: string;
const orders: OrderFactPayload[] = [];

function order(memberId: string | null, productIds: string[], status = 'PAID'): OrderFactPayload {
  const placedAt = new Date(Date.UTC(2026, 10, 1, 0, orders.length)).toISOString();
  const fact = {
    orderId: randomUUID(), memberId, status, placedAt, updatedAt: placedAt, totalMinor: '1000', currencyCode: 'THB',
    channel: 'ONLINE_STORE', countryCode: 'TH', couponUsed: false, productIds,
  };
  orders.push(fact);
  return fact;
}

const recompute = () => recomputeRecommendationsTask({}, database.db);
const setProduct = (id: string, change: { status?: string; inStock?: boolean }) =>
  database.db.execute(sql`update products.product set status = coalesce(${change.status ?? null}::products.product_status, status),
    in_stock = coalesce(${change.inStock ?? null}::boolean, in_stock) where id = ${id}`);
const neighbours = async (productId: string) =>
  (await boughtTogetherOf(database.db, [productId])).map((r) => [r.productId, r.score, r.coCount]);
const forYou = async (memberId: string) => (await recommendationsFor(database.db, [memberId])).map((r) => [r.productId, r.score]);

beforeAll(async () => {
  database = await createTestDatabase();
  for (const id of [A, B, C, D]) {
    await database.db.execute(sql`insert into products.product (id, title, handle, status, in_stock)
      values (${id}, 'Product', ${`product-${id}`}, 'ACTIVE', true)`);
  }
  [m1, m2, m3, m4] = (await insertMembers(database.db, [makeMember(), makeMember(), makeMember(), makeMember()])).map((r) => r.id);
  // n(A) = 3, n(B) = 3, n(C) = 2, n(D) = 1; co(A,B) = 2, co(A,C) = 2, co(B,C) = 1, co(B,D) = 1.
  order(m1, [A, B, C]);
  order(m2, [A, B, B]); // a product twice in one order counts once
  order(m3, [A, C]);
  order(m4, [B, D], 'COMPLETED');
  order(m3, [A, D], 'CANCELLED'); // not counted: no A–D pair, and D is not m3's
  order(null, [C, D], 'CLOSED'); // a guest's closed order: not counted either
  await orderFactsTask(JSON.parse(JSON.stringify({ facts: orders })), database.db);
});
afterAll(() => database.close());

describe('recomputeRecommendations', () => {
  test('keeps each product’s neighbours by cosine similarity over counted orders, best first', async () => {
    expect(RECOMPUTE_RECOMMENDATIONS).toBe('members.recomputeRecommendations');
    await recompute();
    const close = (x: number) => expect.closeTo(x, 12);
    expect(await neighbours(A)).toEqual([[C, close(2 / Math.sqrt(6)), 2], [B, close(2 / 3), 2]]);
    expect(await neighbours(B)).toEqual([[A, close(2 / 3), 2], [D, close(1 / Math.sqrt(3)), 1], [C, close(1 / Math.sqrt(6)), 1]]);
    expect(await neighbours(C)).toEqual([[A, close(2 / Math.sqrt(6)), 2], [B, close(1 / Math.sqrt(6)), 1]]);
    expect(await neighbours(D)).toEqual([[B, close(1 / Math.sqrt(3)), 1]]);
    expect(await database.db.$count(productNeighbour)).toBe(8);
  });

  test('for you sums the neighbour scores of what the member bought, without what they bought', async () => {
    await recompute();
    const close = (x: number) => expect.closeTo(x, 12);
    expect(await forYou(m1)).toEqual([[D, close(1 / Math.sqrt(3))]]);
    expect(await forYou(m2)).toEqual([[C, close(2 / Math.sqrt(6) + 1 / Math.sqrt(6))], [D, close(1 / Math.sqrt(3))]]);
    expect(await forYou(m3)).toEqual([[B, close(2 / 3 + 1 / Math.sqrt(6))]]);
    expect(await forYou(m4)).toEqual([[A, close(2 / 3)], [C, close(1 / Math.sqrt(6))]]);
    // One batch for several members answers each their own.
    const batch = await recommendationsFor(database.db, [m3, m4]);
    expect(batch.map((r) => [r.ownerId, r.productId])).toEqual([[m3, B], [m4, A], [m4, C]].sort((x, y) => x[0]!.localeCompare(y[0]!)));
  });

  test('a recompute is idempotent and replaces the neighbours when orders change', async () => {
    await recompute();
    const before = await database.db.select().from(productNeighbour).orderBy(productNeighbour.productId, productNeighbour.neighbourId);
    await recompute();
    expect(await database.db.select().from(productNeighbour).orderBy(productNeighbour.productId, productNeighbour.neighbourId)).toEqual(before);
    // m4's order is cancelled: B–D goes, and D has no neighbour left.
    const cancelled = { ...orders[3]!, status: 'CANCELLED', updatedAt: new Date(Date.UTC(2026, 10, 2)).toISOString() };
    await orderFactsTask(JSON.parse(JSON.stringify({ facts: [cancelled] })), database.db);
    await recompute();
    expect(await neighbours(D)).toEqual([]);
    expect((await neighbours(B)).map((r) => r[0])).toEqual([A, C]);
    await orderFactsTask(JSON.parse(JSON.stringify({ facts: [{ ...cancelled, status: 'COMPLETED', updatedAt: new Date(Date.UTC(2026, 10, 3)).toISOString() }] })), database.db);
    await recompute();
    expect(await database.db.select().from(productNeighbour).orderBy(productNeighbour.productId, productNeighbour.neighbourId)).toEqual(before);
  });

  test('inactive and out-of-stock products are left out, and the next ones move up', async () => {
    await recompute();
    await setProduct(D, { inStock: false });
    await setProduct(C, { status: 'DRAFT' });
    try {
      expect((await neighbours(B)).map((r) => r[0])).toEqual([A]);
      expect((await neighbours(A)).map((r) => r[0])).toEqual([B]);
      expect(await forYou(m2)).toEqual([]);
      expect((await forYou(m4)).map((r) => r[0])).toEqual([A]);
    } finally {
      await setProduct(D, { inStock: true });
      await setProduct(C, { status: 'ACTIVE' });
    }
    expect((await neighbours(B)).map((r) => r[0])).toEqual([A, D, C]);
  });
});
