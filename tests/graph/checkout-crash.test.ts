import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import type { TestGateway } from '../kit/gateway.js';
import { RetryStats, sendUntilAnswered } from '../kit/retrying-client.js';
import { startGatewayWith, startSubgraphProcess, type SubgraphProcess } from '../kit/subgraph-process.js';

vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '10000000';
});

const CLIENTS = 200;
const CART_CREATE = `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code } } }`;
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) { confirmation { orderId number } userErrors { code message } }
}`;

let database: TestDatabase;
let gateway: TestGateway;
let orders: SubgraphProcess;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface CheckoutPayload {
  confirmation: { orderId: string; number: string } | null;
  userErrors: { code: string; message: string }[];
}

/**
 * A storefront client: sends its checkout and, while the answer is retryable
 * (the orders subgraph unreachable or the connection broken mid-request,
 * OVERLOADED) or the fetch itself fails, sends it again with the same key,
 * after Retry-After.
 */
async function client(cartId: string, idempotencyKey: string, stats: RetryStats): Promise<CheckoutPayload> {
  const answer = await sendUntilAnswered<{ checkoutComplete: CheckoutPayload | null }>(
    gateway.url, CHECKOUT, { input: { cartId, idempotencyKey } }, stats, { maxAttempts: 200 },
  );
  const payload = answer.body.data?.checkoutComplete;
  if (answer.status !== 200 || answer.body.errors || !payload) throw new Error(`cart ${cartId}: not an answer: ${answer.status} ${JSON.stringify(answer.body)}`);
  return payload;
}

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  orders = await startSubgraphProcess('orders', database.url);
  gateway = await startGatewayWith(database.db, 'orders', orders.url);
}, 300_000);

afterAll(async () => {
  await gateway?.stop();
  await orders?.stop();
  await database?.close();
});

describe('checkout survives the orders subgraph crashing (distributed)', () => {
  it('kill -9 during 200 in-flight checkouts, restart, clients retry: nothing lost, doubled or half-written', async () => {
    const variants = (await sellableVariants(database.db, 20, 40)).map((v) => v.id);
    for (const id of variants) await setAvailable(database.db, id, 100);
    const carts: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const variantId = variants[i % variants.length]!;
      const { body } = await gateway.query(CART_CREATE, { input: { channel: 'MINI_PROGRAM', lines: [{ variantId, quantity: 1 }] } });
      carts.push(body.data.cartCreate.cart.id);
    }
    const keys = carts.map(() => randomUUID());
    const stats = new RetryStats();

    const answers = Promise.all(carts.map((cartId, i) => client(cartId, keys[i]!, stats)));
    // Let part of the wave commit, then crash the subgraph with the rest in flight.
    const committed = async () =>
      (await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from orders.order where cart_id = any(${sql.param(carts)}::uuid[])`,
      ))[0]!.n;
    let before = 0;
    while ((before = await committed()) < CLIENTS / 5) await sleep(10);
    await orders.kill();
    await sleep(500);
    orders = await startSubgraphProcess('orders', database.url, orders.port);
    const results = await answers;

    console.log(
      `[checkout-crash] orders committed before the kill: ${before}/${CLIENTS}; SUBGRAPH_UNAVAILABLE ${stats.count('SUBGRAPH_UNAVAILABLE')}, ` +
        `OVERLOADED ${stats.count('OVERLOADED')}, SUBGRAPH_TIMEOUT ${stats.count('SUBGRAPH_TIMEOUT')}; ${stats.summary()}`,
    );
    expect(before).toBeLessThan(CLIENTS);
    expect(stats.requests).toBeGreaterThan(CLIENTS);
    // Every failed try was a coded, retryable answer with Retry-After: no HTTP 500, no uncoded error.
    expect(stats.statuses.get(500) ?? 0).toBe(0);
    expect(stats.malformed).toEqual([]);
    expect(stats.count('SUBGRAPH_UNAVAILABLE')).toBeGreaterThan(0);
    expect([...stats.codes.keys()].filter((code) => !['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'OVERLOADED'].includes(code))).toEqual([]);
    expect(results.every((r) => r.userErrors.length === 0 && r.confirmation)).toBe(true);

    // Acknowledged orders all exist, one per cart, and each client got its cart's order.
    const rows = await database.db.execute<{ id: string; cart_id: string }>(
      sql`select id, cart_id from orders.order where cart_id = any(${sql.param(carts)}::uuid[])`,
    );
    expect(rows).toHaveLength(CLIENTS);
    const orderOfCart = new Map(rows.map((r) => [r.cart_id, r.id]));
    expect(results.filter((r, i) => orderOfCart.get(carts[i]!) !== r.confirmation!.orderId)).toEqual([]);
    expect(new Set(results.map((r) => r.confirmation!.number)).size).toBe(CLIENTS);

    // No half-written order, no orphaned reservation or key.
    const [invariants] = await database.db.execute<Record<string, number>>(sql`
      with placed as (select id from orders.order where cart_id = any(${sql.param(carts)}::uuid[]))
      select
        (select count(*) from placed p where not exists (select 1 from orders.order_line l where l.order_id = p.id))::int as without_lines,
        (select count(*) from placed p where not exists (select 1 from orders.payment y where y.order_id = p.id))::int as without_payment,
        (select count(*) from placed p where not exists (
          select 1 from stock.reservation r where r.reference = p.id::text and r.status = 'ACTIVE'))::int as without_reservation,
        (select count(*) from placed p where not exists (select 1 from orders.checkout_key k where k.order_id = p.id))::int as without_key,
        (select count(*) from stock.reservation r join stock.reservation_line rl on rl.reservation_id = r.id
          where rl.variant_id = any(${sql.param(variants)}::uuid[])
            and not exists (select 1 from orders.order o where o.id::text = r.reference))::int as orphan_reservations,
        (select count(*) from orders.cart c where c.id = any(${sql.param(carts)}::uuid[]) and c.order_id is null)::int as open_carts,
        (select coalesce(sum(l.on_hand - l.reserved), 0) from stock.level l where l.variant_id = any(${sql.param(variants)}::uuid[]))::int as available`);
    expect(invariants).toEqual({
      without_lines: 0, without_payment: 0, without_reservation: 0, without_key: 0, orphan_reservations: 0, open_carts: 0,
      available: variants.length * 100 - CLIENTS,
    });
  }, 300_000);
});
