import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { applyMovements, verifyLedger } from '@shop/stock/commands';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';
import { RetryStats, sendUntilAnswered } from '../kit/retrying-client.js';

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

interface ReservationPayload {
  reservation: { reference: string; lines: { quantity: number; warehouse: { id: string } }[] } | null;
  userErrors: { code: string; field: string[] | null; message: string; availableQuantity: number | null }[];
}

const stats = new RetryStats();

/**
 * A client that resends retryable answers (OVERLOADED, a subgraph timeout)
 * with the same reference. The reference is the hold's key: when a try whose
 * outcome was unknown did reserve, the resend answers DUPLICATE_REFERENCE,
 * and the client reads the hold it already has.
 */
const reserveCall = (lines: { variantId: string; quantity: number }[]) => async (): Promise<ReservationPayload> => {
  const reference = `r-${randomUUID()}`;
  const answer = await sendUntilAnswered<{ stockReservationCreate: ReservationPayload | null }>(
    gateway.url, RESERVE, { input: { reference, lines } }, stats, { headers },
  );
  const payload = answer.body.data?.stockReservationCreate;
  if (answer.status !== 200 || answer.body.errors || !payload) throw new Error(`not an answer: ${answer.status} ${JSON.stringify(answer.body)}`);
  if (payload.userErrors[0]?.code !== 'DUPLICATE_REFERENCE' || !answer.mayHaveRunBefore) return payload;
  const held = await database.db.execute<{ quantity: number; warehouse_id: string }>(sql`
    select rl.quantity, rl.warehouse_id from stock.reservation r join stock.reservation_line rl on rl.reservation_id = r.id
    where r.reference = ${reference}`);
  return { reservation: { reference, lines: held.map((l) => ({ quantity: l.quantity, warehouse: { id: l.warehouse_id } })) }, userErrors: [] };
};

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  warehouses = (await database.db.execute<{ id: string }>(sql`select id from stock.warehouse where active order by priority, code limit 2`)).map((r) => r.id);
  gateway = await startTestGateway('distributed', database.db);
  headers = { authorization: `Bearer ${await staffLogin(gateway, 'inventory_clerk@shop.test', 'demo-inventory_clerk-password')}` };
}, 300_000);

afterAll(async () => {
  console.log(`[stock-concurrency] ${stats.summary()}`);
  await gateway?.stop();
  await database?.close();
});

describe('stock reservations under concurrency (distributed gateway)', () => {
  it('500 single-unit holds on 100 units: exactly 100 succeed, the rest are refused, nothing goes negative', async () => {
    const variantId = await stocked([60, 40]);
    const payloads = await bounded(Array.from({ length: 500 }, () => reserveCall([{ variantId, quantity: 1 }])), IN_FLIGHT);

    const succeeded = payloads.filter((p) => p.reservation);
    const refused = payloads.filter((p) => p.userErrors.length);
    expect(succeeded).toHaveLength(100);
    expect(refused).toHaveLength(400);
    expect(refused.every((p) => p.userErrors[0]!.code === 'INSUFFICIENT_STOCK' && p.userErrors[0]!.availableQuantity === 0)).toBe(true);

    const after = await stock(variantId);
    expect(after).toEqual({ on_hand: 100, reserved: 100, min_available: 0 });
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
    // Whatever was refused on the way was coded and retryable: never an HTTP 500.
    expect(stats.statuses.get(500) ?? 0).toBe(0);
    expect(stats.malformed).toEqual([]);
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
    const payloads = await bounded(tasks, IN_FLIGHT);

    expect(payloads.every((p) => p.reservation || p.userErrors[0]!.code === 'INSUFFICIENT_STOCK')).toBe(true);

    // Reserved units equal what the successful payloads say they hold, per variant.
    const held = payloads.flatMap((p) => p.reservation?.lines ?? []).reduce((sum, l) => sum + l.quantity, 0);
    const [sa, sb] = [await stock(a), await stock(b)];
    expect(sa.reserved + sb.reserved).toBe(held);
    expect(sa.min_available).toBeGreaterThanOrEqual(0);
    expect(sb.min_available).toBeGreaterThanOrEqual(0);
    expect(sa.reserved).toBeLessThanOrEqual(100);
    expect(sb.reserved).toBeLessThanOrEqual(60);
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
    // Whatever was refused on the way was coded and retryable: never an HTTP 500.
    expect(stats.statuses.get(500) ?? 0).toBe(0);
    expect(stats.malformed).toEqual([]);
  }, 180_000);
});
