import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Principal } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { expireDueGroups, makeCampaign, takePlace } from '../../coupons/test/group-buy-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { insertMembers, makeMember } from '../../members/test/factories.js';
import { orderCreate } from '../src/channels/index.js';
import { groupBuyTasks, holdForGroupBuy, GROUP_BUY_FAILED_TASK, GROUP_BUY_SUCCEEDED_TASK } from '../src/group-buys/index.js';
import type { OrderActor } from '../src/history/index.js';
import { orders } from '../src/index.js';
import { transitionOrder } from '../src/lifecycle/index.js';
import { markOrderPaid, sandboxAuthorize } from '../src/payments/service.js';
import { order } from '../src/tables.js';
import { availableOf, seedCatalog, setAvailable, uniqueAddress } from './checkout-fixtures.js';

let database: TestDatabase;
let productId: string;
let variantId: string;
const staff: OrderActor = { kind: 'staff', id: (TEST_OPERATOR as { staffId: string }).staffId, label: 'Staff' };
const MINUTE = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  const plan = await seedCatalog(database.db, 1);
  productId = plan.products[0]!.id;
  variantId = plan.products[0]!.variants[0]!.id;
  await setAvailable(database.db, variantId, 1_000);
}, 120_000);
afterAll(() => database.close());

/**
 * What checkout does for a group-buy purchase, in one transaction: the order is
 * placed (stock reserved), the member's place taken through coupons' rule
 * source, and the order held until its group's outcome.
 */
async function buyInGroup(memberId: string, groupBuy: { groupId: string } | { openForCampaignId: string }, at: Date) {
  const result = await mutate(database.db, async (tx) => {
    const placed = await orderCreate(tx, TEST_OPERATOR, {
      channel: 'ONLINE_STORE',
      memberId,
      lines: [{ variantId, quantity: 2 }],
      address: uniqueAddress(),
    });
    if (!placed.ok) return placed;
    const taken = await takePlace(tx, { productId, memberId, orderId: placed.value.id, groupBuy, at });
    if (!taken.ok) return taken;
    await holdForGroupBuy(tx, placed.value.id);
    return placed;
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const groupIdOf = async (orderId: string) =>
  (await database.db.execute<{ group_id: string }>(sql`select group_id from coupons.group_buy_place where order_id = ${orderId}`))[0]!.group_id;
const statusOf = async (orderId: string) => (await database.db.select().from(order).where(eq(order.id, orderId)))[0]!.status;
const payByHand = (orderId: string) => mutate(database.db, (tx) => markOrderPaid(tx, staff, { orderId, method: 'cash' }));
const fulfil = (orderId: string) => mutate(database.db, (tx) => transitionOrder(tx, { orderId, to: 'FULFILLING', actor: staff }));
const refundedOf = async (orderId: string) =>
  (
    await database.db.execute<{ refunded: string }>(
      sql`select coalesce(sum(amount_minor) filter (where kind = 'REFUND'), 0)::text as refunded from orders.payment_transaction where order_id = ${orderId}`,
    )
  )[0]!.refunded;

/** Runs every queued job of `task` the way the worker would (payload in, the shared pool). */
async function runQueued(task: string) {
  for (const job of await queuedJobs(database.db, task)) await groupBuyTasks[task]!(job.payload, database.db);
}

describe('a group that fills', () => {
  it('holds paid orders from fulfilment until the Nth member pays, then lets every order proceed', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { productId, groupSize: 3, at });
    const leader = await buyInGroup(randomUUID(), { openForCampaignId: campaign.id }, at);
    const groupId = await groupIdOf(leader.id);
    const others = [await buyInGroup(randomUUID(), { groupId }, at), await buyInGroup(randomUUID(), { groupId }, at)];
    // Checkout priced the goods elsewhere; the group price reaches the order through pricing (mk-pricing's integration).
    expect((await payByHand(leader.id)).ok).toBe(true);
    expect(await statusOf(leader.id)).toBe('PAID');
    const held = await fulfil(leader.id);
    expect(!held.ok && held.errors[0]).toMatchObject({ code: 'ORDER_ON_HOLD' });

    for (const o of others) expect((await payByHand(o.id)).ok).toBe(true);
    const group = await database.db.execute<{ status: string; places_paid: number }>(sql`select status, places_paid from coupons.group_buy_group where id = ${groupId}`);
    expect(group[0]).toMatchObject({ status: 'SUCCEEDED', places_paid: 3 });

    await runQueued(GROUP_BUY_SUCCEEDED_TASK);
    await runQueued(GROUP_BUY_SUCCEEDED_TASK);
    for (const o of [leader, ...others]) expect((await fulfil(o.id)).ok).toBe(true);
    const history = await database.db.execute(sql`select 1 from orders.order_history where order_id = ${leader.id} and kind = 'GROUP_BUY'`);
    expect(history).toHaveLength(1);
  });
});

describe('a group that times out', () => {
  it('cancels every member’s order, refunds what was captured (by hand and by card) and releases their stock, once', async () => {
    const at = new Date(Date.now() - 5 * MINUTE);
    const before = await availableOf(database.db, variantId);
    const campaign = await makeCampaign(database.db, { productId, groupSize: 4, fillMinutes: 30, at });
    const leaderId = randomUUID();
    const leader = await buyInGroup(leaderId, { openForCampaignId: campaign.id }, at);
    const groupId = await groupIdOf(leader.id);
    const cardBuyerId = randomUUID();
    const cardBuyer = await buyInGroup(cardBuyerId, { groupId }, at);
    const unpaid = await buyInGroup(randomUUID(), { groupId }, at);
    expect(await availableOf(database.db, variantId)).toBe(before - 6);

    expect((await payByHand(leader.id)).ok).toBe(true);
    const customer: Principal = { kind: 'customer', memberId: cardBuyerId, sessionId: randomUUID() } as Principal;
    const card = { number: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: new Date().getFullYear() + 2, cvc: '123' };
    const paid = await mutate(database.db, (tx) =>
      sandboxAuthorize(tx, customer, { kind: 'customer', id: cardBuyerId, label: 'Customer' }, { orderId: cardBuyer.id, card, capture: true }),
    );
    expect(paid.ok).toBe(true);
    expect(await statusOf(cardBuyer.id)).toBe('PAID');

    // The clock passes the deadline: the sweep fails the group and queues orders' task.
    expect(await expireDueGroups(database.db, new Date(at.getTime() + 29 * MINUTE))).toBe(0);
    expect(await expireDueGroups(database.db, new Date(at.getTime() + 31 * MINUTE))).toBe(1);
    await runQueued(GROUP_BUY_FAILED_TASK);
    await runQueued(GROUP_BUY_FAILED_TASK);

    for (const o of [leader, cardBuyer, unpaid]) expect(await statusOf(o.id)).toBe('CANCELLED');
    expect(await refundedOf(leader.id)).toBe(String(leader.totalMinor));
    expect(await refundedOf(cardBuyer.id)).toBe(String(cardBuyer.totalMinor));
    expect(await refundedOf(unpaid.id)).toBe('0');
    expect(await availableOf(database.db, variantId)).toBe(before);
    const holds = await database.db.execute<{ outcome: string }>(
      sql`select outcome from orders.order_group_buy where order_id in (${leader.id}, ${cardBuyer.id}, ${unpaid.id})`,
    );
    expect(holds.map((h) => h.outcome)).toEqual(['FAILED', 'FAILED', 'FAILED']);
  });

  it('voids a card authorisation that was never captured (the hold on the card lifted), once, and refunds nothing', async () => {
    const at = new Date(Date.now() - 5 * MINUTE);
    const campaign = await makeCampaign(database.db, { productId, groupSize: 2, fillMinutes: 30, at });
    const buyerId = randomUUID();
    const buyer = await buyInGroup(buyerId, { openForCampaignId: campaign.id }, at);
    const customer: Principal = { kind: 'customer', memberId: buyerId, sessionId: randomUUID() } as Principal;
    const card = { number: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: new Date().getFullYear() + 2, cvc: '123' };
    const authorised = await mutate(database.db, (tx) =>
      sandboxAuthorize(tx, customer, { kind: 'customer', id: buyerId, label: 'Customer' }, { orderId: buyer.id, card, capture: false }),
    );
    expect(authorised.ok && authorised.value.status).toBe('AUTHORIZED');

    expect(await expireDueGroups(database.db, new Date(at.getTime() + 31 * MINUTE))).toBe(1);
    await runQueued(GROUP_BUY_FAILED_TASK);
    await runQueued(GROUP_BUY_FAILED_TASK);

    expect(await statusOf(buyer.id)).toBe('CANCELLED');
    const movements = await database.db.execute<{ kind: string; amount: string; status: string }>(
      sql`select t.kind, t.amount_minor::text as amount, p.status from orders.payment_transaction t join orders.payment p on p.id = t.payment_id where t.order_id = ${buyer.id} order by t.seq`,
    );
    expect(movements.map((m) => [m.kind, m.amount])).toEqual([
      ['AUTHORIZATION', String(buyer.totalMinor)],
      ['VOID', String(buyer.totalMinor)],
    ]);
    expect(new Set(movements.map((m) => m.status))).toEqual(new Set(['VOIDED']));
    expect(await refundedOf(buyer.id)).toBe('0');
  });
});

describe('checkout with a group buy', () => {
  const customer = (memberId: string): Principal => ({ kind: 'customer', memberId, sessionId: 'test-session' });
  const run = async (principal: Principal, source: string, variables: Record<string, unknown>) => {
    const result = await subgraphExecutor(orders, database.db, principal)(source, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as any;
  };
  const ERRORS = 'userErrors { field code message }';

  /** A new member's cart of one unit, with an address, checked out in a group buy in their session. */
  async function checkoutInGroup(groupBuy: Record<string, string>) {
    const [member] = await insertMembers(database.db, [makeMember()]);
    const shopper = customer(member!.id);
    const { cartCreate } = await run(shopper, `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } ${ERRORS} } }`, {
      input: { channel: 'MOBILE_APP', lines: [{ variantId, quantity: 1 }] },
    });
    await run(shopper, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { ${ERRORS} } }`, {
      input: { cartId: cartCreate.cart.id, address: uniqueAddress() },
    });
    const { checkoutComplete } = await run(
      shopper,
      `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id subtotal { amount } discount { amount } } ${ERRORS} } }`,
      { input: { cartId: cartCreate.cart.id, idempotencyKey: randomUUID(), groupBuy } },
    );
    return checkoutComplete;
  }

  it('charges the group price, holds the order, refuses a full group, and a cancelled order gives its place back', async () => {
    const campaign = await makeCampaign(database.db, { productId, groupSize: 2 });
    const opened = await checkoutInGroup({ openForCampaignId: campaign.id });
    expect(opened.userErrors).toEqual([]);
    // The group price (99.00 a unit) is the discount off the list price, as the engine explains it.
    const subtotal = Number(opened.order.subtotal.amount);
    expect(Number(opened.order.discount.amount)).toBeCloseTo(subtotal - 99, 2);
    const groupId = await groupIdOf(opened.order.id);
    const held = await database.db.execute(sql`select 1 from orders.order_group_buy where order_id = ${opened.order.id} and outcome = 'WAITING'`);
    expect(held).toHaveLength(1);

    const joined = await checkoutInGroup({ groupId });
    expect(joined.userErrors).toEqual([]);
    const full = await checkoutInGroup({ groupId });
    expect(full.order).toBeNull();
    expect(full.userErrors[0]).toMatchObject({ code: 'PRICING_CHANGED', field: ['input', 'groupBuy'] });

    expect((await mutate(database.db, (tx) => transitionOrder(tx, { orderId: joined.order.id, to: 'CANCELLED', actor: staff }))).ok).toBe(true);
    const [group] = await database.db.execute<{ places_taken: number }>(sql`select places_taken from coupons.group_buy_group where id = ${groupId}`);
    expect(group!.places_taken).toBe(1);
    expect((await checkoutInGroup({ groupId })).userErrors).toEqual([]);
  });

  it('a choice naming both a group and a campaign is refused', async () => {
    const both = await checkoutInGroup({ groupId: randomUUID(), openForCampaignId: randomUUID() });
    expect(both.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'groupBuy'] });
  });
});
