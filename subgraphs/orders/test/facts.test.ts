import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { reassignMemberOrders } from '../src/member-merge/index.js';
import { orderCreate } from '../src/channels/index.js';
import { publishOrderFacts, publishReportFacts } from '../src/facts/index.js';
import { systemActor } from '../src/history/index.js';
import { recordManualPayment, refundAllCaptured } from '../src/payments/index.js';
import { transitionOrder } from '../src/lifecycle/index.js';
import { order, type OrderRow } from '../src/tables.js';
import { seedCatalog, setAvailable, uniqueAddress } from './checkout-fixtures.js';

let database: TestDatabase;
let variantId: string;
let productId: string;
const staff = { kind: 'staff' as const, id: (TEST_OPERATOR as { staffId: string }).staffId, label: 'Staff' };

beforeAll(async () => {
  database = await createTestDatabase();
  const plan = await seedCatalog(database.db, 1);
  variantId = plan.products[0]!.variants[0]!.id;
  productId = plan.products[0]!.id;
  await setAvailable(database.db, variantId, 10_000);
}, 120_000);
afterAll(() => database.close());

async function phoneOrder(memberId: string | null, channel: 'ONLINE_STORE' | 'POINT_OF_SALE' = 'ONLINE_STORE'): Promise<OrderRow> {
  const result = await mutate(database.db, (tx) =>
    orderCreate(tx, TEST_OPERATOR, { channel, memberId, lines: [{ variantId, quantity: 2 }], address: uniqueAddress() }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** The pending members.orderFact job of an order (one at most: its jobKey). */
async function pendingFact(orderId: string) {
  const jobs = await database.db.execute<{ payload: Record<string, unknown> }>(
    sql`select payload from graphile_worker._private_jobs where key = ${`orderFact:${orderId}`}`,
  );
  expect(jobs.length).toBeLessThanOrEqual(1);
  return jobs[0]?.payload;
}

/** Pending jobs of a task, oldest first. */
const jobsOf = (task: string) =>
  database.db.execute<{ payload: any; key: string | null }>(sql`
    select j.payload, j.key from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${task} order by j.id`);

describe('member order facts', () => {
  it('placing an order queues its fact with ids, amounts, dates and places only: no name, phone, email or address line', async () => {
    const memberId = randomUUID();
    const placed = await phoneOrder(memberId);
    const payload = await pendingFact(placed.id);
    expect(payload).toEqual({
      orderId: placed.id,
      memberId,
      status: 'PENDING_PAYMENT',
      placedAt: placed.createdAt.toISOString(),
      updatedAt: placed.updatedAt.toISOString(),
      totalMinor: placed.totalMinor.toString(),
      currencyCode: 'THB',
      channel: 'ONLINE_STORE',
      countryCode: 'TH',
      couponUsed: false,
      productIds: [productId],
    });
  });

  it('each status change replaces the pending fact with a newer one; updatedAt always moves forward', async () => {
    const placed = await phoneOrder(randomUUID());
    const seen = [placed.updatedAt.getTime()];
    for (const to of ['PAID', 'FULFILLING', 'CANCELLED'] as const) {
      const moved = await mutate(database.db, (tx) => transitionOrder(tx, { orderId: placed.id, to, actor: staff }));
      expect(moved.ok).toBe(true);
      const payload = await pendingFact(placed.id);
      expect(payload).toMatchObject({ status: to });
      seen.push(new Date(payload!.updatedAt as string).getTime());
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('a till sale, placed and completed in one transaction, leaves one fact: COMPLETED, later than its placement', async () => {
    const sale = await phoneOrder(randomUUID(), 'POINT_OF_SALE');
    const payload = await pendingFact(sale.id);
    expect(payload).toMatchObject({ status: 'COMPLETED', channel: 'POINT_OF_SALE' });
    expect(new Date(payload!.updatedAt as string).getTime()).toBeGreaterThan(sale.createdAt.getTime());
  });

  it('couponUsed counts a discount beyond the points redeemed: a points-only discount is no coupon', async () => {
    const factWithDiscounts = async (discountMinor: bigint, pointsDiscountMinor: bigint) => {
      const placed = await phoneOrder(randomUUID());
      await database.db.update(order).set({ discountMinor, pointsDiscountMinor }).where(eq(order.id, placed.id));
      const moved = await mutate(database.db, (tx) => transitionOrder(tx, { orderId: placed.id, to: 'PAID', actor: staff }));
      expect(moved.ok).toBe(true);
      return pendingFact(placed.id);
    };
    expect(await factWithDiscounts(5_000n, 5_000n)).toMatchObject({ couponUsed: false });
    expect(await factWithDiscounts(8_000n, 5_000n)).toMatchObject({ couponUsed: true });
    expect(await factWithDiscounts(3_000n, 0n)).toMatchObject({ couponUsed: true });
  });

  it("a merge's reassignment queues the moved orders' facts naming the member that stays", async () => {
    const [from, to] = [randomUUID(), randomUUID()];
    const a = await phoneOrder(from);
    const b = await phoneOrder(from);
    const moved = await mutate(database.db, async (tx) => ({ ok: true as const, value: await reassignMemberOrders(tx, from, to) }));
    expect(moved).toEqual({ ok: true, value: 2 });
    for (const placed of [a, b]) {
      const payload = await pendingFact(placed.id);
      expect(payload).toMatchObject({ memberId: to });
      expect(new Date(payload!.updatedAt as string).getTime()).toBeGreaterThan(placed.updatedAt.getTime());
    }
  });
});

describe('report facts', () => {
  it('placing an order queues its reports fact with lines, net revenue and region, and no contact data', async () => {
    const placed = await phoneOrder(null, 'POINT_OF_SALE');
    const [job] = await database.db.execute<{ payload: any }>(sql`select payload from graphile_worker._private_jobs where key = ${`report-order:${placed.id}`}`);
    expect(job!.payload).toMatchObject({
      orderId: placed.id, status: placed.status, channel: 'POINT_OF_SALE', totalMinor: placed.totalMinor.toString(),
      updatedAt: placed.updatedAt.toISOString(), couponDiscountMinor: '0', promotionDiscountMinor: '0', region: expect.stringMatching(/^TH/),
      lines: [{ lineId: expect.any(String), productId, variantId, quantity: 2, netMinor: expect.stringMatching(/^\d+$/) }],
    });
    expect(JSON.stringify(job!.payload)).not.toMatch(/@|shipName|phone/i);
  });

  it("a refund queues its reports fact in the refund's transaction, with the refund's time and its order's keys", async () => {
    const placed = await phoneOrder(null);
    const paid = await recordManualPayment(database.db, { orderId: placed.id, method: 'CASH', amountMinor: placed.totalMinor, currencyCode: 'THB', actor: staff });
    expect(paid.ok).toBe(true);
    const [current] = await database.db.select().from(order).where(eq(order.id, placed.id));
    const refunded = await database.db.transaction((tx) => refundAllCaptured(tx, current!, systemActor('test'), 'test refund'));
    expect(refunded).toEqual({ ok: true, value: placed.totalMinor });
    const refunds = (await jobsOf('reports.recordRefund')).filter((job) => job.payload.orderId === placed.id);
    expect(refunds.map((job) => job.payload)).toEqual([
      { refundId: expect.any(String), orderId: placed.id, refundedAt: expect.any(String), amountMinor: placed.totalMinor.toString(), currencyCode: 'THB', channel: 'ONLINE_STORE', region: expect.any(String), memberId: null, warehouseId: null, memberTier: null },
    ]);
  });

  it('the reports backfill sends every order with its refunds, batch by batch', async () => {
    await database.db.execute(sql`delete from graphile_worker._private_jobs`);
    await publishReportFacts({}, database.db);
    const [batch] = await jobsOf('reports.recordOrders');
    expect(batch!.payload.orders.length).toBeGreaterThan(0);
    expect(batch!.payload.refunds.length).toBeGreaterThan(0);
  });
});

describe('the backfill (orders.publishOrderFacts)', () => {
  it('sends every order once in batches of 500, each step queueing the next', async () => {
    // 700 orders in all, the rest written as a database from before order facts holds them.
    const extra = 700 - (await database.db.$count(order));
    await database.db.execute(sql`
      insert into ${order} (number, channel, status, total_minor, currency_code)
      select 'SO-BF-' || g, 'MARKETPLACE', 'COMPLETED', 1000, 'THB' from generate_series(1, ${extra}) g`);
    const all = await database.db.select({ id: order.id }).from(order);
    await database.db.execute(sql`delete from graphile_worker._private_jobs`);

    await publishOrderFacts({}, database.db);
    const [next] = await jobsOf('orders.publishOrderFacts');
    expect(next!.payload).toEqual({ after: expect.any(String) });
    await publishOrderFacts(next!.payload, database.db);
    expect(await jobsOf('orders.publishOrderFacts')).toHaveLength(1);

    const batches = await jobsOf('members.orderFacts');
    expect(batches.map((job) => job.payload.facts.length)).toEqual([500, 200]);
    const sent = batches.flatMap((job) => job.payload.facts as { orderId: string; updatedAt: string }[]);
    expect(sent.map((fact) => fact.orderId).sort()).toEqual(all.map((row) => row.id).sort());
    const [one] = all;
    const [row] = await database.db.select().from(order).where(eq(order.id, one!.id));
    expect(sent.find((fact) => fact.orderId === one!.id)!.updatedAt).toBe(row!.updatedAt.toISOString());
  });
});
