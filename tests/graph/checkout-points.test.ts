import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { verifyLoyaltyLedgers } from '@shop/members/commands';
import { availableOf, footprint, sellableVariants, setAvailable, uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';
import { queuedJobs } from '../kit/jobs.js';
import { RetryStats, sendUntilAnswered } from '../kit/retrying-client.js';

// The point here is contention, not the caller's rate budget (tests/graph/limits.test.ts covers that).
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '10000000';
});

const ERRORS = 'userErrors { field code message }';
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) {
    order { id status pointsRedeemed pointsDiscount { amount } discount { amount } subtotal { amount } shipping { amount } total { amount } }
    confirmation { orderId total { amount } }
    ${ERRORS}
  }
}`;
/** A guest reads the confirmation only (the order itself needs a customer session). */
const GUEST_CHECKOUT = CHECKOUT.replace(/ {4}order \{.*\n/, '');
const ORDER_FIELDS = 'id status pointsRedeemed pointsDiscount { amount currencyCode }';
const MY_POINTS = `{ myPoints { balance } }`;

interface CheckoutPayload {
  order: { id: string; status: string; pointsRedeemed: number; pointsDiscount: { amount: string }; discount: { amount: string }; subtotal: { amount: string }; shipping: { amount: string }; total: { amount: string } } | null;
  confirmation: { orderId: string; total: { amount: string } } | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

let database: TestDatabase;
let variantId: string;
let unitPriceMinor: bigint;

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  const [variant] = await sellableVariants(database.db, 1);
  variantId = variant!.id;
  unitPriceMinor = BigInt(variant!.price_minor);
  await setAvailable(database.db, variantId, 10_000);
}, 300_000);

afterAll(async () => {
  await database?.close();
});

/** Points are worth 0.25 each by default (loyalty settings): the value of `points` in minor units. */
const valueOf = (points: number) => BigInt(points) * 25n;
const major = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

describe.each(['in-process', 'distributed'] as const)('checkout with points (%s)', (mode) => {
  let gateway: TestGateway;
  let operator: Record<string, string>;
  let service: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    operator = { authorization: `Bearer ${await staffLogin(gateway, 'order_operator@shop.test', 'demo-order_operator-password')}` };
    const serviceHeaders = { authorization: `Bearer ${await staffLogin(gateway, 'customer_service@shop.test', 'demo-customer_service-password')}` };
    const { body } = await gateway.query(
      `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
      { input: { password: 'demo-customer_service-password' } },
      serviceHeaders,
    );
    service = { ...serviceHeaders, 'x-step-up': body.data.stepUpConfirm.stepUpToken };
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  /** A new storefront customer holding `points` (a manual adjustment by staff, through the API). */
  async function customerWith(points: number): Promise<{ memberId: string; headers: Record<string, string> }> {
    const email = `points-${randomUUID()}@example.test`;
    const { body } = await gateway.query(
      `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token ${ERRORS} } }`,
      { input: { email, password: 'a long enough password', displayName: 'Points buyer' } },
    );
    const headers = { authorization: `Bearer ${body.data.customerSignUp.token}` };
    const [row] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${email}`);
    const memberId = row!.id;
    if (points) {
      const adjusted = await gateway.query(
        `mutation ($input: MemberPointsAdjustInput!) { memberPointsAdjust(input: $input) { balance ${ERRORS} } }`,
        { input: { memberId, delta: points, reason: 'test balance' } },
        service,
      );
      expect(adjusted.body.data.memberPointsAdjust.balance).toBe(points);
    }
    return { memberId, headers };
  }

  /** A cart of the customer (or a guest) with `quantity` units and a complete address. */
  async function readyCart(headers: Record<string, string>, quantity = 1): Promise<string> {
    const created = await gateway.query(
      `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } ${ERRORS} } }`,
      { input: { channel: 'MOBILE_APP', lines: [{ variantId, quantity }] } },
      headers,
    );
    const cartId = created.body.data.cartCreate.cart.id as string;
    await gateway.query(
      `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { ${ERRORS} } }`,
      { input: { cartId, address: uniqueAddress() } },
      headers,
    );
    return cartId;
  }

  async function checkout(headers: Record<string, string>, cartId: string, pointsToRedeem?: number, idempotencyKey = randomUUID()): Promise<CheckoutPayload> {
    const query = headers.authorization ? CHECKOUT : GUEST_CHECKOUT;
    const { status, body } = await gateway.query(query, { input: { cartId, idempotencyKey, pointsToRedeem } }, headers);
    if (status !== 200 || body.errors) throw new Error(`checkout: ${status} ${JSON.stringify(body)}`);
    return body.data.checkoutComplete;
  }

  const balanceOf = async (headers: Record<string, string>) => (await gateway.query(MY_POINTS, {}, headers)).body.data.myPoints.balance as number;

  async function transition(mutation: 'orderCancel' | 'orderComplete' | 'orderClose', id: string) {
    const { body } = await gateway.query(
      `mutation ($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { order { id status } ${ERRORS} } }`,
      { input: { id } },
      operator,
    );
    return body.data[mutation] as { order: { status: string } | null; userErrors: { code: string }[] };
  }

  /** Payment, picking and shipping are covered elsewhere: the order is put at DELIVERED directly. */
  const deliver = (orderId: string) => database.db.execute(sql`update orders."order" set status = 'DELIVERED' where id = ${orderId}`);

  /** Runs members' earning job(s) queued for the order, as the worker would. */
  async function runEarningJobs(orderId: string) {
    const task = SUBGRAPHS.find((s) => s.name === 'members')!.tasks['members.earnPointsForOrder']!;
    const jobs = await queuedJobs(database.db, 'members.earnPointsForOrder', `points-earn:${orderId}`);
    for (const job of jobs) await task(job.payload, database.db);
    return jobs;
  }

  it('redeems points at checkout: a discount of their value on the order, the balance down, a replayed key the same order', async () => {
    const buyer = await customerWith(1_000);
    const cartId = await readyCart(buyer.headers, 2);
    const key = randomUUID();
    const placed = await checkout(buyer.headers, cartId, 200, key);
    expect(placed.userErrors).toEqual([]);
    const subtotal = unitPriceMinor * 2n;
    expect(placed.order).toMatchObject({
      status: 'PENDING_PAYMENT',
      pointsRedeemed: 200,
      pointsDiscount: { amount: major(valueOf(200)) },
      discount: { amount: major(valueOf(200)) },
      subtotal: { amount: major(subtotal) },
    });
    const shipping = BigInt(placed.order!.shipping.amount.replace('.', ''));
    expect(placed.order!.total.amount).toBe(major(subtotal - valueOf(200) + shipping));
    expect(await balanceOf(buyer.headers)).toBe(800);

    const replay = await checkout(buyer.headers, cartId, 200, key);
    expect(replay.order!.id).toBe(placed.order!.id);
    expect(await balanceOf(buyer.headers)).toBe(800);
    const reused = await checkout(buyer.headers, cartId, 300, key);
    expect(reused.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);

    const { body } = await gateway.query(`query ($id: ID!) { myOrder(id: $id) { ${ORDER_FIELDS} } }`, { id: placed.order!.id }, buyer.headers);
    expect(body.data.myOrder).toEqual({ id: placed.order!.id, status: 'PENDING_PAYMENT', pointsRedeemed: 200, pointsDiscount: { amount: major(valueOf(200)), currencyCode: 'THB' } });
  });

  it("myOrder answers another customer's order as null, and order(id) too", async () => {
    const owner = await customerWith(0);
    const placed = await checkout(owner.headers, await readyCart(owner.headers));
    const stranger = await customerWith(0);
    const mine = await gateway.query(`query ($id: ID!) { myOrder(id: $id) { id } order(id: $id) { id } }`, { id: placed.order!.id }, stranger.headers);
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data).toEqual({ myOrder: null, order: null });
    const staff = await gateway.query(`query ($id: ID!) { myOrder(id: $id) { id } }`, { id: placed.order!.id }, operator);
    expect(staff.body.data?.myOrder ?? null).toBeNull();
    expect(staff.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('cannot over-redeem: INSUFFICIENT_POINTS, and nothing is written (no order, stock, key, job or ledger entry)', async () => {
    const buyer = await customerWith(100);
    const cartId = await readyCart(buyer.headers);
    const before = { ...(await footprint(database.db)), available: await availableOf(database.db, variantId), ledger: (await verifyLoyaltyLedgers(database.db)).pointsEntries };
    const refused = await checkout(buyer.headers, cartId, 101);
    expect(refused.order).toBeNull();
    expect(refused.userErrors).toEqual([{ field: ['input', 'pointsToRedeem'], code: 'INSUFFICIENT_POINTS', message: 'Only 100 points are available.' }]);
    const after = { ...(await footprint(database.db)), available: await availableOf(database.db, variantId), ledger: (await verifyLoyaltyLedgers(database.db)).pointsEntries };
    expect(after).toEqual(before);
    expect(await balanceOf(buyer.headers)).toBe(100);
    // The cart is still open: the same customer checks it out with what they hold.
    const placed = await checkout(buyer.headers, cartId, 100);
    expect(placed.order!.pointsRedeemed).toBe(100);
  });

  it('points worth more than the goods are refused (POINTS_EXCEED_ORDER); a guest cannot redeem (INVALID)', async () => {
    const goodsInPoints = Number(unitPriceMinor / 25n);
    const buyer = await customerWith(goodsInPoints + 10);
    const tooMany = await checkout(buyer.headers, await readyCart(buyer.headers), goodsInPoints + 1);
    expect(tooMany.userErrors.map((e) => e.code)).toEqual(['POINTS_EXCEED_ORDER']);
    expect(await balanceOf(buyer.headers)).toBe(goodsInPoints + 10);
    const guest = await checkout({}, await readyCart({}), 10);
    expect(guest.userErrors).toEqual([{ field: ['input', 'pointsToRedeem'], code: 'INVALID', message: 'Sign in to redeem points.' }]);
  });

  it('50 concurrent checkouts redeeming 30 each from one balance of 1,000: 33 succeed, the rest INSUFFICIENT_POINTS, never below zero, ledgers match', async () => {
    const buyer = await customerWith(1_000);
    const carts = await Promise.all(Array.from({ length: 50 }, () => readyCart(buyer.headers)));
    // Retryable answers (OVERLOADED, a timeout) are sent again with the same key, as a storefront would: the key
    // answers the order a timed-out attempt may have placed, so the counts below hold whatever the load.
    const stats = new RetryStats();
    const results = await Promise.all(
      carts.map(async (cartId) => {
        const { status, body } = await sendUntilAnswered<{ checkoutComplete: CheckoutPayload }>(
          gateway.url, CHECKOUT, { input: { cartId, idempotencyKey: randomUUID(), pointsToRedeem: 30 } }, stats, { headers: buyer.headers },
        );
        if (status !== 200 || body.errors || !body.data) throw new Error(`not an answer: ${status} ${JSON.stringify(body)}`);
        return body.data.checkoutComplete;
      }),
    );
    const placed = results.filter((r) => r.order);
    const refused = results.filter((r) => r.userErrors.length);
    expect(placed).toHaveLength(33);
    expect(refused).toHaveLength(17);
    expect(refused.every((r) => r.userErrors[0]!.code === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(await balanceOf(buyer.headers)).toBe(1_000 - 33 * 30);
    const [orders] = await database.db.execute<{ n: number; points: number }>(
      sql`select count(*)::int as n, coalesce(sum(points_redeemed), 0)::int as points from orders."order" where member_id = ${buyer.memberId}`,
    );
    expect(orders).toEqual({ n: 33, points: 33 * 30 });
    expect((await verifyLoyaltyLedgers(database.db)).mismatches).toEqual([]);
  }, 120_000);

  it('completion earns once through the job, however often it completes or the job runs', async () => {
    const buyer = await customerWith(400);
    const placed = await checkout(buyer.headers, await readyCart(buyer.headers, 3), 400);
    const orderId = placed.order!.id;
    await deliver(orderId);
    expect(await transition('orderComplete', orderId)).toMatchObject({ order: { status: 'COMPLETED' }, userErrors: [] });
    expect((await transition('orderComplete', orderId)).userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const jobs = await runEarningJobs(orderId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload).toEqual({ orderId, memberId: buyer.memberId, amountMinor: String(unitPriceMinor * 3n - valueOf(400)), currency: 'THB' });
    // Earned on what was paid for the goods: 1 point per 25.00 at BRONZE.
    const earned = Number((unitPriceMinor * 3n - valueOf(400)) / 2_500n);
    expect(await balanceOf(buyer.headers)).toBe(earned);
    await runEarningJobs(orderId);
    const task = SUBGRAPHS.find((s) => s.name === 'members')!.tasks['members.earnPointsForOrder']!;
    await task(jobs[0]!.payload, database.db);
    expect(await balanceOf(buyer.headers)).toBe(earned);
    expect((await verifyLoyaltyLedgers(database.db)).mismatches).toEqual([]);
  });

  it('cancelling an order before completion returns its points at once, once', async () => {
    const buyer = await customerWith(300);
    const placed = await checkout(buyer.headers, await readyCart(buyer.headers), 250);
    expect(await balanceOf(buyer.headers)).toBe(50);
    expect(await transition('orderCancel', placed.order!.id)).toMatchObject({ order: { status: 'CANCELLED' }, userErrors: [] });
    expect(await balanceOf(buyer.headers)).toBe(300);
    expect((await transition('orderCancel', placed.order!.id)).userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    expect(await balanceOf(buyer.headers)).toBe(300);
    const { body } = await gateway.query(`{ myPoints { ledger(first: 10) { edges { node { delta reason } } } } }`, {}, buyer.headers);
    expect(body.data.myPoints.ledger.edges.map((e: { node: unknown }) => e.node)).toEqual(
      expect.arrayContaining([{ delta: -250, reason: 'REDEMPTION' }, { delta: 250, reason: 'REDEMPTION_REVERSAL' }]),
    );
  });

  it('closing a completed order whose earning job has not run yet: points redeemed come back, nothing earned stays, the late job adds nothing', async () => {
    const buyer = await customerWith(200);
    const placed = await checkout(buyer.headers, await readyCart(buyer.headers, 2), 200);
    const orderId = placed.order!.id;
    await deliver(orderId);
    await transition('orderComplete', orderId);
    expect(await transition('orderClose', orderId)).toMatchObject({ order: { status: 'CLOSED' }, userErrors: [] });
    expect(await balanceOf(buyer.headers)).toBe(200);
    await runEarningJobs(orderId);
    expect(await balanceOf(buyer.headers)).toBe(200);
    expect((await verifyLoyaltyLedgers(database.db)).mismatches).toEqual([]);
  });
});
