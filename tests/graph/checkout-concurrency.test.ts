import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { availableOf, sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { customerLogin, DEMO_CUSTOMER } from '../kit/callers.js';
import { isRetryable, post, RetryStats, sendUntilAnswered, type GraphQLAnswer } from '../kit/retrying-client.js';

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

interface CheckoutPayload {
  order?: { id: string; number: string; status: string } | null;
  confirmation: { orderId: string; number: string; status: string; total: { amount: string; currencyCode: string } } | null;
  userErrors: { field: string[] | null; code: string; message: string; availableQuantity: number | null }[];
}
type CheckoutAnswer = GraphQLAnswer<{ checkoutComplete: CheckoutPayload | null }>;

/** A storefront client: sends its checkout, and resends it with the same key while the answer is retryable. */
const checkout = (url: string, cartId: string, idempotencyKey: string, stats: RetryStats, headers: Record<string, string> = {}, query = CHECKOUT) =>
  sendUntilAnswered<{ checkoutComplete: CheckoutPayload | null }>(url, query, { input: { cartId, idempotencyKey } }, stats, { headers });

/** The final answer's payload; fails the test on anything but a 200 without errors. */
function payloadOf(answer: CheckoutAnswer): CheckoutPayload {
  const payload = answer.body.data?.checkoutComplete;
  if (answer.status !== 200 || answer.body.errors || !payload) throw new Error(`not an answer: ${answer.status} ${JSON.stringify(answer.body)}`);
  return payload;
}

/**
 * Each client's final answer against the database: a client told it has an
 * order has exactly that order for its cart; a client told SOLD_OUT has none.
 */
async function answersMatchDatabase(cartIds: string[], payloads: CheckoutPayload[]) {
  const rows = await database.db.execute<{ id: string; cart_id: string }>(
    sql`select id, cart_id from orders.order where cart_id = any(${sql.param(cartIds)}::uuid[])`,
  );
  const orderOfCart = new Map(rows.map((r) => [r.cart_id, r.id]));
  return cartIds.filter((cartId, i) => (payloads[i]!.confirmation?.orderId ?? null) !== (orderOfCart.get(cartId) ?? null));
}

/** Prints a test's figures (they go into the issue's closing note). */
function report(name: string, stats: RetryStats, extra = '') {
  console.log(
    `[checkout-concurrency] ${name}: OVERLOADED ${stats.count('OVERLOADED')}, SUBGRAPH_TIMEOUT ${stats.count('SUBGRAPH_TIMEOUT')}, ` +
      `SUBGRAPH_UNAVAILABLE ${stats.count('SUBGRAPH_UNAVAILABLE')}; ${stats.summary()}${extra ? `; ${extra}` : ''}`,
  );
}

/** No answer was an HTTP 500, and every error answer carried a code (and Retry-After when retryable). */
function expectOnlyCodedRetryableFailures(stats: RetryStats) {
  expect(stats.statuses.get(500) ?? 0).toBe(0);
  expect(stats.malformed).toEqual([]);
  expect(stats.count('INTERNAL_SERVER_ERROR') + stats.count('INTERNAL') + stats.count('NONE')).toBe(0);
}

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
 * The invariants between orders and stock for the given carts: orders placed;
 * orders without an active reservation, a payment or lines, or whose lines
 * differ from their reservation; reservations of the variant naming no order.
 */
async function invariants(cartIds: string[], variantId: string) {
  const [row] = await database.db.execute<{
    orders: number; without_reservation: number; without_payment: number; without_lines: number; orphan_reservations: number; lines_mismatch: number;
  }>(sql`
    with placed as (select id from orders.order where cart_id = any(${sql.param(cartIds)}::uuid[]))
    select
      (select count(*) from placed)::int as orders,
      (select count(*) from placed p where not exists (
        select 1 from stock.reservation r where r.reference = p.id::text and r.status = 'ACTIVE'))::int as without_reservation,
      (select count(*) from placed p where not exists (select 1 from orders.payment y where y.order_id = p.id))::int as without_payment,
      (select count(*) from placed p where not exists (select 1 from orders.order_line l where l.order_id = p.id))::int as without_lines,
      (select count(*) from stock.reservation r join stock.reservation_line rl on rl.reservation_id = r.id
        where rl.variant_id = ${variantId} and not exists (select 1 from orders.order o where o.id::text = r.reference))::int as orphan_reservations,
      (select count(*) from placed p where
        (select coalesce(sum(quantity), 0) from orders.order_line l where l.order_id = p.id) <>
        (select coalesce(sum(rl.quantity), 0) from stock.reservation r join stock.reservation_line rl on rl.reservation_id = r.id
          where r.reference = p.id::text))::int as lines_mismatch`);
  return row!;
}

const whole = (orders: number) => ({ orders, without_reservation: 0, without_payment: 0, without_lines: 0, orphan_reservations: 0, lines_mismatch: 0 });

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
  it('500 guests race for 100 units, retrying with their keys: exactly 100 orders, 400 SOLD_OUT, nothing half-written', async () => {
    const variantId = (await sellableVariants(database.db, 1, 0))[0]!.id;
    await setAvailable(database.db, variantId, 100);
    const cartIds = await bounded(Array.from({ length: 500 }, () => () => newCart(variantId)), 32);
    const stats = new RetryStats();

    // Every checkout in flight at once: past the gateway's queue they are refused with OVERLOADED and come back.
    const answers = await Promise.all(cartIds.map((cartId) => checkout(gateway.url, cartId, randomUUID(), stats)));

    const payloads = answers.map(payloadOf);
    const placed = payloads.filter((p) => p.confirmation);
    const refused = payloads.filter((p) => p.userErrors.length);
    report('500 checkouts over 100 units', stats, `orders ${placed.length}, SOLD_OUT ${refused.length}`);
    expectOnlyCodedRetryableFailures(stats);
    expect(placed).toHaveLength(100);
    expect(refused).toHaveLength(400);
    expect(refused.every((p) => p.userErrors[0]!.code === 'SOLD_OUT' && p.userErrors[0]!.availableQuantity === 0)).toBe(true);
    expect(placed.every((p) => p.confirmation!.status === 'PENDING_PAYMENT')).toBe(true);
    expect(new Set(placed.map((p) => p.confirmation!.number)).size).toBe(100);

    expect(await availableOf(database.db, variantId)).toBe(0);
    expect(await invariants(cartIds, variantId)).toEqual(whole(100));
    expect(await answersMatchDatabase(cartIds, payloads)).toEqual([]);
    // On two busy cores a few checkouts a second are served: this can take minutes.
  }, 600_000);

  it('the same idempotency key sent 50 times at once places one order and answers 50 times the same', async () => {
    const variantId = (await sellableVariants(database.db, 1, 1))[0]!.id;
    await setAvailable(database.db, variantId, 10);
    const headers = { authorization: `Bearer ${await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password)}` };
    const cartId = await newCart(variantId, headers);
    const idempotencyKey = randomUUID();

    const stats = new RetryStats();

    const answers = await Promise.all(
      Array.from({ length: 50 }, () => checkout(gateway.url, cartId, idempotencyKey, stats, headers, CUSTOMER_CHECKOUT)),
    );

    expectOnlyCodedRetryableFailures(stats);
    const payloads = answers.map(payloadOf);
    expect(new Set(payloads.map((p) => JSON.stringify(p))).size).toBe(1);
    const answer = payloads[0]!;
    expect(answer.userErrors).toEqual([]);
    expect(answer.order).toMatchObject({ id: answer.confirmation!.orderId, status: 'PENDING_PAYMENT' });
    expect(await invariants([cartId], variantId)).toEqual(whole(1));
    expect(await availableOf(database.db, variantId)).toBe(9);
  }, 120_000);
  it('a subgraph timing out answers SUBGRAPH_TIMEOUT (504, Retry-After, outcome unknown), never 500; clients resending their keys end with exactly the right orders', async () => {
    const variantId = (await sellableVariants(database.db, 1, 2))[0]!.id;
    await setAvailable(database.db, variantId, 50);
    const cartIds = await bounded(Array.from({ length: 100 }, () => () => newCart(variantId)), 32);
    const keys = cartIds.map(() => randomUUID());
    // A second gateway copy, over its own subgraph servers and the same database, whose subgraph timeout is far too short.
    const impatient = await startTestGateway('distributed', database.db, { subgraphs: { timeoutMs: 5 } });
    try {
      const first = await Promise.all(
        cartIds.map((cartId, i) => post<{ checkoutComplete: CheckoutPayload | null }>(impatient.url, CHECKOUT, { input: { cartId, idempotencyKey: keys[i] } })),
      );
      const firstStats = new RetryStats();
      for (const answer of first) firstStats.record(answer);
      expectOnlyCodedRetryableFailures(firstStats);
      const timedOut = first.filter((a) => a.body.errors?.some((e) => e.extensions?.code === 'SUBGRAPH_TIMEOUT'));
      expect(timedOut.length).toBeGreaterThan(0);
      for (const answer of timedOut) {
        expect(answer).toMatchObject({ status: 504, retryAfter: '1' });
        expect(answer.body.errors![0]!.extensions).toEqual({
          code: 'SUBGRAPH_TIMEOUT', subgraph: 'orders', retryable: true, retryAfterSeconds: 1, outcomeUnknown: true,
        });
        expect(answer.body.errors![0]!.message).toMatch(/same idempotency key/);
      }
      // Everything else was an answer or a refusal that ran nothing.
      expect(first.filter((a) => !timedOut.includes(a) && isRetryable(a) && !a.body.errors?.every((e) => e.extensions?.code === 'OVERLOADED'))).toEqual([]);

      // The subgraph finishes what the gateway gave up on: some of those checkouts did commit.
      const timedOutCarts = cartIds.filter((_, i) => timedOut.includes(first[i]!));
      const committed = async () =>
        (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.order where cart_id = any(${sql.param(timedOutCarts)}::uuid[])`))[0]!.n;
      let settled = -1;
      for (let stable = 0, polls = 0; stable < 3 && polls < 50; polls++) {
        const n = await committed();
        stable = n === settled ? stable + 1 : 0;
        settled = n;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      // Clients without an answer resend with their keys through a healthy gateway.
      const stats = new RetryStats();
      const answers = await Promise.all(
        cartIds.map((cartId, i) => (isRetryable(first[i]!) ? checkout(gateway.url, cartId, keys[i]!, stats) : Promise.resolve(first[i]!))),
      );
      const payloads = answers.map(payloadOf);
      const placed = payloads.filter((p) => p.confirmation);
      report('100 checkouts over 50 units through a 5 ms subgraph timeout, then resent', stats,
        `first tries: ${firstStats.summary()}; orders committed although their client saw a timeout ${settled}; orders ${placed.length}`);
      expectOnlyCodedRetryableFailures(stats);
      expect(placed).toHaveLength(50);
      expect(payloads.filter((p) => p.userErrors[0]?.code === 'SOLD_OUT')).toHaveLength(50);
      expect(await availableOf(database.db, variantId)).toBe(0);
      expect(await invariants(cartIds, variantId)).toEqual(whole(50));
      expect(await answersMatchDatabase(cartIds, payloads)).toEqual([]);
    } finally {
      await impatient.stop();
    }
  }, 300_000);
});
