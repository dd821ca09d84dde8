import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { availableOf, sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { customerLogin, DEMO_CUSTOMER } from '../kit/callers.js';

// The point here is contention, not the caller's rate budget (tests/graph/limits.test.ts covers that).
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '10000000';
});

const CART_CREATE = `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code message } } }`;
/** What a guest selects: the confirmation (the order itself needs a customer session). */
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) {
    confirmation { orderId number status total { amount currencyCode } }
    userErrors { field code message availableQuantity }
  }
}`;
const CUSTOMER_CHECKOUT = CHECKOUT.replace('confirmation {', 'order { id number status } confirmation {');

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

async function newCart(variantId: string, headers: Record<string, string> = {}): Promise<string> {
  const { body } = await gateway.query(CART_CREATE, { input: { channel: 'MOBILE_APP', lines: [{ variantId, quantity: 1 }] } }, headers);
  const cartId = body.data?.cartCreate?.cart?.id;
  if (!cartId) throw new Error(`cartCreate failed: ${JSON.stringify(body)}`);
  return cartId;
}

/**
 * The invariants between orders and stock for the given carts: orders placed,
 * orders without an active reservation for exactly their lines, and
 * reservations of the variant whose reference names no order.
 */
async function invariants(cartIds: string[], variantId: string) {
  const [row] = await database.db.execute<{ orders: number; without_reservation: number; orphan_reservations: number; lines_mismatch: number }>(sql`
    with placed as (select id from orders.order where cart_id = any(${sql.param(cartIds)}::uuid[]))
    select
      (select count(*) from placed)::int as orders,
      (select count(*) from placed p where not exists (
        select 1 from stock.reservation r where r.reference = p.id::text and r.status = 'ACTIVE'))::int as without_reservation,
      (select count(*) from stock.reservation r join stock.reservation_line rl on rl.reservation_id = r.id
        where rl.variant_id = ${variantId} and not exists (select 1 from orders.order o where o.id::text = r.reference))::int as orphan_reservations,
      (select count(*) from placed p where
        (select coalesce(sum(quantity), 0) from orders.order_line l where l.order_id = p.id) <>
        (select coalesce(sum(rl.quantity), 0) from stock.reservation r join stock.reservation_line rl on rl.reservation_id = r.id
          where r.reference = p.id::text))::int as lines_mismatch`);
  return row!;
}

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  gateway = await startTestGateway('distributed', database.db);
}, 300_000);

afterAll(async () => {
  await gateway?.stop();
  await database?.close();
});

describe('checkout under concurrency (distributed gateway)', () => {
  it('500 guests race for 100 units: exactly 100 orders, 400 SOLD_OUT, nothing half-written', async () => {
    const variantId = (await sellableVariants(database.db, 1, 0))[0]!.id;
    await setAvailable(database.db, variantId, 100);
    const cartIds = await bounded(Array.from({ length: 500 }, () => () => newCart(variantId)), 32);

    // Every checkout in flight at once.
    const results = await Promise.all(
      cartIds.map((cartId) => gateway.query(CHECKOUT, { input: { cartId, idempotencyKey: randomUUID() } })),
    );

    expect(results.filter((r) => r.status !== 200 || r.body.errors)).toEqual([]);
    const payloads = results.map((r) => r.body.data.checkoutComplete);
    const placed = payloads.filter((p) => p.confirmation);
    const refused = payloads.filter((p) => p.userErrors.length);
    expect(placed).toHaveLength(100);
    expect(refused).toHaveLength(400);
    expect(refused.every((p) => p.userErrors[0].code === 'SOLD_OUT' && p.userErrors[0].availableQuantity === 0)).toBe(true);
    expect(placed.every((p) => p.confirmation.status === 'PENDING_PAYMENT')).toBe(true);
    expect(new Set(placed.map((p) => p.confirmation.number)).size).toBe(100);

    expect(await availableOf(database.db, variantId)).toBe(0);
    expect(await invariants(cartIds, variantId)).toEqual({ orders: 100, without_reservation: 0, orphan_reservations: 0, lines_mismatch: 0 });
  }, 300_000);

  it('the same idempotency key sent 50 times at once places one order and answers 50 times the same', async () => {
    const variantId = (await sellableVariants(database.db, 1, 1))[0]!.id;
    await setAvailable(database.db, variantId, 10);
    const headers = { authorization: `Bearer ${await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password)}` };
    const cartId = await newCart(variantId, headers);
    const idempotencyKey = randomUUID();

    const results = await Promise.all(
      Array.from({ length: 50 }, () => gateway.query(CUSTOMER_CHECKOUT, { input: { cartId, idempotencyKey } }, headers)),
    );

    expect(results.filter((r) => r.status !== 200 || r.body.errors)).toEqual([]);
    const answers = results.map((r) => JSON.stringify(r.body.data.checkoutComplete));
    expect(new Set(answers).size).toBe(1);
    const answer = results[0]!.body.data.checkoutComplete;
    expect(answer.userErrors).toEqual([]);
    expect(answer.order).toMatchObject({ id: answer.confirmation.orderId, status: 'PENDING_PAYMENT' });
    expect(await invariants([cartId], variantId)).toEqual({ orders: 1, without_reservation: 0, orphan_reservations: 0, lines_mismatch: 0 });
    expect(await availableOf(database.db, variantId)).toBe(9);
  }, 120_000);
});
