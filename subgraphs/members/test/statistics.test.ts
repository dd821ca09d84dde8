import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { mergeMembers } from '../src/merge/index.js';
import { memberOrder, memberStatistics, requestOrderFactsBackfill } from '../src/statistics/index.js';
import { orderFactsTask, orderFactTask } from '../src/statistics/jobs.js';
import type { OrderFactPayload } from '../src/statistics/service.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1) + minutes * 60_000).toISOString();

/** A fact as orders enqueues it; `updatedAt` in minutes after placement. */
function fact(overrides: Partial<OrderFactPayload> & { memberId: string | null }, updatedAfter = 0): OrderFactPayload {
  const placedAt = overrides.placedAt ?? at(0);
  return {
    orderId: randomUUID(),
    status: 'PENDING_PAYMENT',
    placedAt,
    updatedAt: new Date(new Date(placedAt).getTime() + updatedAfter * 60_000).toISOString(),
    totalMinor: '10000',
    currencyCode: 'THB',
    channel: 'ONLINE_STORE',
    countryCode: 'TH',
    couponUsed: false,
    productIds: [],
    ...overrides,
  };
}

/** The same order's fact later in its life. */
const later = (previous: OrderFactPayload, status: string, minutes: number): OrderFactPayload => ({
  ...previous,
  status,
  updatedAt: new Date(new Date(previous.updatedAt).getTime() + minutes * 60_000).toISOString(),
});

const record = (payload: OrderFactPayload) => orderFactTask(JSON.parse(JSON.stringify(payload)), database.db);

const statisticsOf = (memberId: string) =>
  database.db.select().from(memberStatistics).where(eq(memberStatistics.memberId, memberId)).orderBy(memberStatistics.currencyCode);

async function newMember() {
  const [row] = await insertMembers(database.db, [makeMember()]);
  return row!.id;
}

/** A category holding the given products, written as products' own tables hold it. */
async function categoryWith(productIds: string[]): Promise<string> {
  const id = randomUUID();
  await database.db.execute(sql`insert into products.category (id, name, handle, path) values (${id}, ${`Category ${id}`}, ${`category-${id}`}, array[${id}]::uuid[])`);
  for (const productId of productIds) {
    await database.db.execute(sql`
      insert into products.product (id, title, handle, status) values (${productId}, 'Product', ${`product-${productId}`}, 'ACTIVE')
      on conflict (id) do nothing`);
    await database.db.execute(sql`insert into products.product_category (product_id, category_id) values (${productId}, ${id})`);
  }
  return id;
}

describe('backfill request', () => {
  const pendingBackfills = async () =>
    (await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from graphile_worker.jobs where task_identifier = 'orders.publishOrderFacts' and key = 'publishOrderFacts'`))[0]!.n;

  test("while members hold no order fact, the migration hook asks orders for the backfill, one pending job however often; once they hold one, it asks nothing", async () => {
    // The template database was migrated with the hook: a fresh database already has the request.
    expect(await pendingBackfills()).toBe(1);
    await database.db.execute(sql`delete from graphile_worker._private_jobs where key = 'publishOrderFacts'`);
    await requestOrderFactsBackfill(database.db);
    await requestOrderFactsBackfill(database.db);
    expect(await pendingBackfills()).toBe(1);
    await record(fact({ memberId: null }));
    await database.db.execute(sql`delete from graphile_worker._private_jobs where key = 'publishOrderFacts'`);
    await requestOrderFactsBackfill(database.db);
    expect(await pendingBackfills()).toBe(0);
  });
});

describe('order facts', () => {
  test('a fact creates the member order and the statistics; the same fact again changes nothing', async () => {
    const memberId = await newMember();
    const first = fact({ memberId, totalMinor: '12345', placedAt: at(10) });
    await record(first);
    const before = await statisticsOf(memberId);
    expect(before).toMatchObject([
      { currencyCode: 'THB', ordersCount: 1, totalSpentMinor: 12345n, averageOrderMinor: 12345n, firstOrderAt: new Date(at(10)), lastOrderAt: new Date(at(10)) },
    ]);
    await record(first);
    await record(first);
    expect(await statisticsOf(memberId)).toMatchObject(before.map(({ updatedAt: _, ...row }) => row));
    const rows = await database.db.select().from(memberOrder).where(eq(memberOrder.orderId, first.orderId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ memberId, status: 'PENDING_PAYMENT', totalMinor: 12345n, channel: 'ONLINE_STORE', countryCode: 'TH' });
  });

  test('an older fact arriving after a newer one is ignored (the newest updatedAt wins)', async () => {
    const memberId = await newMember();
    const placed = fact({ memberId });
    const cancelled = later(placed, 'CANCELLED', 5);
    await record(cancelled);
    await record(placed);
    const [row] = await database.db.select().from(memberOrder).where(eq(memberOrder.orderId, placed.orderId));
    expect(row!.status).toBe('CANCELLED');
    expect(await statisticsOf(memberId)).toEqual([]);
  });

  test('cancelling an order takes it out of orders count and total spent, and averages follow', async () => {
    const memberId = await newMember();
    const a = fact({ memberId, totalMinor: '10000', placedAt: at(0) });
    const b = fact({ memberId, totalMinor: '20001', placedAt: at(60) });
    const c = fact({ memberId, totalMinor: '5000', placedAt: at(120) });
    for (const f of [a, b, c]) await record(f);
    expect(await statisticsOf(memberId)).toMatchObject([{ ordersCount: 3, totalSpentMinor: 35001n, averageOrderMinor: 11667n }]);
    await record(later(b, 'PAID', 1));
    await record(later(later(b, 'PAID', 1), 'CANCELLED', 2));
    expect(await statisticsOf(memberId)).toMatchObject([
      { ordersCount: 2, totalSpentMinor: 15000n, averageOrderMinor: 7500n, firstOrderAt: new Date(at(0)), lastOrderAt: new Date(at(120)) },
    ]);
    await record(later(c, 'CLOSED', 1));
    expect(await statisticsOf(memberId)).toMatchObject([{ ordersCount: 1, totalSpentMinor: 10000n, lastOrderAt: new Date(at(0)) }]);
  });

  test('an average halfway between two minor units rounds up', async () => {
    const memberId = await newMember();
    await record(fact({ memberId, totalMinor: '100' }));
    await record(fact({ memberId, totalMinor: '101' }));
    expect(await statisticsOf(memberId)).toMatchObject([{ ordersCount: 2, totalSpentMinor: 201n, averageOrderMinor: 101n }]);
  });

  test('figures are kept per currency', async () => {
    const memberId = await newMember();
    await record(fact({ memberId, totalMinor: '1000', currencyCode: 'THB' }));
    await record(fact({ memberId, totalMinor: '700', currencyCode: 'USD' }));
    expect(await statisticsOf(memberId)).toMatchObject([
      { currencyCode: 'THB', ordersCount: 1, totalSpentMinor: 1000n },
      { currencyCode: 'USD', ordersCount: 1, totalSpentMinor: 700n },
    ]);
  });

  test('favourite categories are those of the most counted orders, at most three, ties by id', async () => {
    const memberId = await newMember();
    const [p1, p2, p3, p4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const shirts = await categoryWith([p1!, p2!]);
    const shoes = await categoryWith([p3!]);
    const hats = await categoryWith([p4!]);
    const bags = await categoryWith([p4!]);
    await record(fact({ memberId, productIds: [p1!, p3!] }));
    await record(fact({ memberId, productIds: [p2!] }));
    await record(fact({ memberId, productIds: [p1!, p2!] }));
    await record(fact({ memberId, productIds: [p4!] }));
    const cancelledShoes = fact({ memberId, productIds: [p3!] });
    await record(later(cancelledShoes, 'CANCELLED', 1));
    const [stats] = await statisticsOf(memberId);
    expect(stats!.favouriteCategoryIds).toEqual([shirts, ...[shoes, hats, bags].sort()].slice(0, 3));
    expect(stats!.favouriteCategoryIds[0]).toBe(shirts);
  });

  test('a fact that moves an order to another member recomputes both', async () => {
    const [from, to] = [await newMember(), await newMember()];
    const placed = fact({ memberId: from, totalMinor: '4000' });
    await record(placed);
    await record({ ...later(placed, 'PAID', 1), memberId: to });
    expect(await statisticsOf(from)).toEqual([]);
    expect(await statisticsOf(to)).toMatchObject([{ ordersCount: 1, totalSpentMinor: 4000n }]);
  });

  test('a guest order is kept for its products and counts for no member', async () => {
    const guest = fact({ memberId: null, productIds: [randomUUID()] });
    await record(guest);
    const [row] = await database.db.select().from(memberOrder).where(eq(memberOrder.orderId, guest.orderId));
    expect(row).toMatchObject({ memberId: null, productIds: guest.productIds });
  });

  test('facts of many orders of one member recorded at once all count', async () => {
    const memberId = await newMember();
    const facts = Array.from({ length: 20 }, (_, i) => fact({ memberId, totalMinor: String(100 * (i + 1)), placedAt: at(i) }));
    await Promise.all(facts.map(record));
    expect(await statisticsOf(memberId)).toMatchObject([{ ordersCount: 20, totalSpentMinor: 21000n, averageOrderMinor: 1050n }]);
  });

  test('a batch of facts (the backfill) counts each order once, its newest fact winning, also over facts already held', async () => {
    const [a, b] = [await newMember(), await newMember()];
    const held = fact({ memberId: a, totalMinor: '500' });
    await record(later(held, 'PAID', 1));
    const batch = [
      held, // older than what members hold: ignored
      fact({ memberId: a, totalMinor: '1500' }),
      ...[1, 2, 3].map(() => fact({ memberId: b, totalMinor: '1000' })),
    ];
    const cancelledLater = fact({ memberId: b, totalMinor: '9900' });
    batch.push(cancelledLater, later(cancelledLater, 'CANCELLED', 3));
    await orderFactsTask(JSON.parse(JSON.stringify({ facts: [...batch].reverse() })), database.db);
    await orderFactsTask(JSON.parse(JSON.stringify({ facts: batch })), database.db);
    expect(await statisticsOf(a)).toMatchObject([{ ordersCount: 2, totalSpentMinor: 2000n }]);
    expect(await statisticsOf(b)).toMatchObject([{ ordersCount: 3, totalSpentMinor: 3000n }]);
    const [row] = await database.db.select().from(memberOrder).where(eq(memberOrder.orderId, held.orderId));
    expect(row!.status).toBe('PAID');
  });

  test('a malformed payload is refused before anything is written', async () => {
    const memberId = await newMember();
    await expect(orderFactTask({ ...fact({ memberId }), totalMinor: 12.5 }, database.db)).rejects.toThrow();
    expect(await statisticsOf(memberId)).toEqual([]);
  });
});

describe('merge', () => {
  test("the target's statistics include the source's orders; the source keeps none; a late fact naming the source changes nothing", async () => {
    const [source, target] = [await newMember(), await newMember()];
    const sourceOrder = fact({ memberId: source, totalMinor: '3000', placedAt: at(0) });
    await record(sourceOrder);
    await record(fact({ memberId: target, totalMinor: '1000', placedAt: at(30) }));
    const merged = await mutate(database.db, (tx, changes) => mergeMembers(tx, { sourceId: source, targetId: target }, changes));
    expect(merged.ok).toBe(true);
    expect(await statisticsOf(source)).toEqual([]);
    expect(await statisticsOf(target)).toMatchObject([{ ordersCount: 2, totalSpentMinor: 4000n, firstOrderAt: new Date(at(0)) }]);
    // A fact queued before the merge, still naming the source, runs late: it is older than what members hold.
    await record(sourceOrder);
    expect(await statisticsOf(target)).toMatchObject([{ ordersCount: 2, totalSpentMinor: 4000n }]);
  });
});
