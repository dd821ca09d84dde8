import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { applyMovements, verifyLedger } from '../../subgraphs/stock/src/commands.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

// The point here is contention, not the caller's rate budget (tests/graph/limits.test.ts covers that).
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '10000000';
});

/** Requests in flight at once: enough to contend hard, few enough for a 2-core machine. */
const IN_FLIGHT = 64;

const RESERVE = `mutation ($input: StockReservationCreateInput!) {
  stockReservationCreate(input: $input) {
    reservation { reference lines { quantity warehouse { id } } }
    userErrors { code field message availableQuantity }
  }
}`;

/** Runs `tasks` with at most `limit` at a time. */
async function bounded<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

let database: TestDatabase;
let gateway: TestGateway;
let headers: Record<string, string>;
let warehouses: string[];

async function stock(variantId: string) {
  const [row] = await database.db.execute<{ on_hand: number; reserved: number; min_available: number }>(sql`
    select coalesce(sum(on_hand), 0)::int as on_hand, coalesce(sum(reserved), 0)::int as reserved,
           coalesce(min(on_hand - reserved), 0)::int as min_available
    from stock.level where variant_id = ${variantId}`);
  return row!;
}

/** A new variant with `units` split over the two highest-priority warehouses. */
async function stocked(units: [number, number]): Promise<string> {
  const variantId = randomUUID();
  const result = await database.db.transaction((tx) =>
    applyMovements(
      tx,
      units.map((onHandDelta, i) => ({
        variantId,
        warehouseId: warehouses[i]!,
        kind: 'RECEIPT' as const,
        onHandDelta,
        reservedDelta: 0,
        reference: 'test stock',
        actorId: null,
      })),
    ),
  );
  expect(result.ok).toBe(true);
  return variantId;
}

const reserveCall = (lines: { variantId: string; quantity: number }[]) => async () => {
  const { status, body } = await gateway.query(RESERVE, { input: { reference: `r-${randomUUID()}`, lines } }, headers);
  return { status, body };
};

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  warehouses = (await database.db.execute<{ id: string }>(sql`select id from stock.warehouse where active order by priority, code limit 2`)).map((r) => r.id);
  gateway = await startTestGateway('distributed', database.db);
  headers = { authorization: `Bearer ${await staffLogin(gateway, 'inventory_clerk@shop.test', 'demo-inventory_clerk-password')}` };
}, 300_000);

afterAll(async () => {
  await gateway?.stop();
  await database?.close();
});

describe('stock reservations under concurrency (distributed gateway)', () => {
  it('500 single-unit holds on 100 units: exactly 100 succeed, the rest are refused, nothing goes negative', async () => {
    const variantId = await stocked([60, 40]);
    const results = await bounded(Array.from({ length: 500 }, () => reserveCall([{ variantId, quantity: 1 }])), IN_FLIGHT);

    expect(results.every((r) => r.status === 200 && !r.body.errors)).toBe(true);
    const payloads = results.map((r) => r.body.data.stockReservationCreate);
    const succeeded = payloads.filter((p) => p.reservation);
    const refused = payloads.filter((p) => p.userErrors.length);
    expect(succeeded).toHaveLength(100);
    expect(refused).toHaveLength(400);
    expect(refused.every((p) => p.userErrors[0].code === 'INSUFFICIENT_STOCK' && p.userErrors[0].availableQuantity === 0)).toBe(true);

    const after = await stock(variantId);
    expect(after).toEqual({ on_hand: 100, reserved: 100, min_available: 0 });
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
  }, 180_000);

  it('mixed quantities over two variants named in both orders: no deadlock reaches a client, totals add up', async () => {
    const a = await stocked([50, 50]);
    const b = await stocked([30, 30]);
    const tasks = Array.from({ length: 300 }, (_, i) => {
      const qa = (i % 3) + 1;
      const qb = ((i + 1) % 3) + 1;
      const lines = i % 2 ? [{ variantId: a, quantity: qa }, { variantId: b, quantity: qb }] : [{ variantId: b, quantity: qb }, { variantId: a, quantity: qa }];
      return reserveCall(i % 5 === 0 ? [lines[0]!] : lines);
    });
    const results = await bounded(tasks, IN_FLIGHT);

    const faults = results.filter((r) => r.status !== 200 || r.body.errors);
    expect(faults).toEqual([]);
    const payloads = results.map((r) => r.body.data.stockReservationCreate);
    expect(payloads.every((p) => p.reservation || p.userErrors[0].code === 'INSUFFICIENT_STOCK')).toBe(true);

    // Reserved units equal what the successful payloads say they hold, per variant.
    const held = payloads.filter((p) => p.reservation).flatMap((p) => p.reservation.lines).reduce((sum: number, l: { quantity: number }) => sum + l.quantity, 0);
    const [sa, sb] = [await stock(a), await stock(b)];
    expect(sa.reserved + sb.reserved).toBe(held);
    expect(sa.min_available).toBeGreaterThanOrEqual(0);
    expect(sb.min_available).toBeGreaterThanOrEqual(0);
    expect(sa.reserved).toBeLessThanOrEqual(100);
    expect(sb.reserved).toBeLessThanOrEqual(60);
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
  }, 180_000);
});
