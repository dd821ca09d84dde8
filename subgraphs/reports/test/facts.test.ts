// Facts are idempotent: a job twice, an older fact late, a refund before its order, a first order cancelled.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { recordOrder, recordOrders, recordRefund, recordTraffic } from '../src/facts/service.js';
import { ROLLUP_DAY_TASK, rollupDay } from '../src/rollups/service.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.execute(sql`truncate reports.order_fact, reports.order_line_fact, reports.refund_fact, reports.traffic_fact, reports.sales_rollup, reports.product_rollup`);
  await database.db.execute(sql`delete from graphile_worker._private_jobs`);
});

/** Runs the queued roll-up jobs as the worker would; returns the (day, currency) keys they were queued for. */
async function runRollups(): Promise<string[]> {
  const jobs = await queuedJobs(database.db, ROLLUP_DAY_TASK);
  for (const job of jobs) await rollupDay(database.db, job.payload);
  await database.db.execute(sql`delete from graphile_worker._private_jobs`);
  return jobs.map((job) => job.key!).sort();
}

const sales = () =>
  database.db.execute<{ day: string; orders: number; gmv: string; new_members: number; refund: string }>(sql`
    select day::text, orders, gmv_minor::text as gmv, new_members, refund_minor::text as refund
    from reports.sales_rollup order by day, channel`);

function order(overrides: Record<string, unknown> = {}) {
  return {
    orderId: randomUUID(), placedAt: '2026-03-10T03:00:00.000Z', updatedAt: '2026-03-10T03:00:00.000Z', status: 'PAID',
    totalMinor: '10000', currencyCode: 'THB', channel: 'ONLINE_STORE', memberId: null, region: 'TH-Bangkok',
    lines: [{ lineId: randomUUID(), productId: randomUUID(), variantId: randomUUID(), quantity: 2, netMinor: '9000' }],
    ...overrides,
  };
}

describe('order facts', () => {
  test('the same job twice leaves one fact, one set of lines and the same roll-up, queued once', async () => {
    const fact = order();
    await recordOrder(database.db, fact);
    await recordOrder(database.db, fact);
    expect(await runRollups()).toEqual(['rollup:2026-03-10:THB']);
    expect(await sales()).toEqual([{ day: '2026-03-10', orders: 1, gmv: '10000', new_members: 0, refund: '0' }]);
    const [lines] = await database.db.execute<{ n: number; units: number }>(sql`
      select count(*)::int as n, (select sum(units)::int from reports.product_rollup) as units from reports.order_line_fact`);
    expect(lines).toEqual({ n: 1, units: 2 });
  });

  test('an older fact arriving after a newer one changes nothing', async () => {
    const placed = order();
    const cancelled = { ...placed, status: 'CANCELLED', updatedAt: '2026-03-11T00:00:00.000Z' };
    await recordOrder(database.db, cancelled);
    await recordOrder(database.db, placed);
    await runRollups();
    expect(await sales()).toEqual([]);
    const [row] = await database.db.execute<{ status: string }>(sql`select status from reports.order_fact`);
    expect(row!.status).toBe('CANCELLED');
  });

  test("cancelling a member's first order makes their next order, on another day, the new member's", async () => {
    const memberId = randomUUID();
    const first = order({ memberId, placedAt: '2026-03-01T03:00:00.000Z', updatedAt: '2026-03-01T03:00:00.000Z' });
    const second = order({ memberId, placedAt: '2026-03-05T03:00:00.000Z', updatedAt: '2026-03-05T03:00:00.000Z' });
    await recordOrder(database.db, first);
    await recordOrder(database.db, second);
    await runRollups();
    expect((await sales()).map((r) => [r.day, r.new_members])).toEqual([['2026-03-01', 1], ['2026-03-05', 0]]);
    await recordOrder(database.db, { ...first, status: 'CANCELLED', updatedAt: '2026-03-06T00:00:00.000Z' });
    expect(await runRollups()).toEqual(['rollup:2026-03-01:THB', 'rollup:2026-03-05:THB']);
    expect((await sales()).map((r) => [r.day, r.new_members])).toEqual([['2026-03-05', 1]]);
  });

  test('a batch of facts (the backfill) writes each order and refund once, whatever it held before', async () => {
    const a = order();
    const b = order({ placedAt: '2026-03-12T03:00:00.000Z', updatedAt: '2026-03-12T03:00:00.000Z' });
    const refund = { refundId: randomUUID(), orderId: a.orderId, refundedAt: '2026-04-02T03:00:00.000Z', amountMinor: '2500', currencyCode: 'THB', channel: 'ONLINE_STORE' };
    await recordOrder(database.db, a);
    await recordOrders(database.db, { orders: [a, b], refunds: [refund] });
    await recordOrders(database.db, { orders: [a, b], refunds: [refund] });
    await runRollups();
    expect(await sales()).toEqual([
      { day: '2026-03-10', orders: 1, gmv: '10000', new_members: 0, refund: '0' },
      { day: '2026-03-12', orders: 1, gmv: '10000', new_members: 0, refund: '0' },
      { day: '2026-04-02', orders: 0, gmv: '0', new_members: 0, refund: '2500' },
    ]);
  });
});

describe('refund facts', () => {
  test('a refund counts on its own shop day, a month after the sale, and the sale month keeps its GMV', async () => {
    const sale = order();
    await recordOrder(database.db, sale);
    // 17:30 UTC on 31 March is 1 April in Bangkok.
    const refund = { refundId: randomUUID(), orderId: sale.orderId, refundedAt: '2026-03-31T17:30:00.000Z', amountMinor: '4000', currencyCode: 'THB', channel: 'ONLINE_STORE' };
    await recordRefund(database.db, refund);
    await recordRefund(database.db, refund);
    await runRollups();
    expect(await sales()).toEqual([
      { day: '2026-03-10', orders: 1, gmv: '10000', new_members: 0, refund: '0' },
      { day: '2026-04-01', orders: 0, gmv: '0', new_members: 0, refund: '4000' },
    ]);
  });

  test('a refund arriving before its order counts once the order fact arrives; a cancelled order’s refund never does', async () => {
    const sale = order();
    await recordRefund(database.db, { refundId: randomUUID(), orderId: sale.orderId, refundedAt: '2026-03-20T03:00:00.000Z', amountMinor: '1000', currencyCode: 'THB', channel: 'ONLINE_STORE' });
    await runRollups();
    expect(await sales()).toEqual([]);
    await recordOrder(database.db, sale);
    expect(await runRollups()).toEqual(['rollup:2026-03-10:THB', 'rollup:2026-03-20:THB']);
    expect((await sales()).map((r) => [r.day, r.refund])).toEqual([['2026-03-10', '0'], ['2026-03-20', '1000']]);
    await recordOrder(database.db, { ...sale, status: 'CANCELLED', updatedAt: '2026-03-21T00:00:00.000Z' });
    await runRollups();
    expect(await sales()).toEqual([]);
  });
});

test('a traffic batch recorded twice counts its page views once', async () => {
  const batch = { batchId: randomUUID(), rows: [{ day: '2026-03-10', source: 'line', campaign: '', visitorHash: 'v1', pageViews: 3 }] };
  await recordTraffic(database.db, batch);
  await recordTraffic(database.db, batch);
  const [row] = await database.db.execute<{ views: number }>(sql`select sum(page_views)::int as views from reports.traffic_fact`);
  expect(row!.views).toBe(3);
});

test('a malformed payload is refused whole and writes nothing', async () => {
  await expect(recordOrder(database.db, { ...order(), totalMinor: 12.5 })).rejects.toThrow();
  await expect(recordRefund(database.db, { refundId: 'r-1' })).rejects.toThrow();
  const [row] = await database.db.execute<{ n: number }>(sql`select (select count(*) from reports.order_fact) + (select count(*) from reports.refund_fact) as n`);
  expect(Number(row!.n)).toBe(0);
});
