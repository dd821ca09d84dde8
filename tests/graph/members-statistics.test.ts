import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { startWorker } from '@shop/kit/jobs';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { DEMO_CUSTOMER, ownerHeaders } from '../kit/callers.js';

// Many small operations by one caller: the point is the statistics, not the caller's rate budget.
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '100000000';
});

const STATISTICS = `ordersCount totalSpent { amount currencyCode } averageOrderValue { amount } firstOrderAt lastOrderAt favouriteCategories { id name }`;

interface Statistics {
  ordersCount: number;
  totalSpent: { amount: string; currencyCode: string };
  averageOrderValue: { amount: string };
  firstOrderAt: string;
  lastOrderAt: string;
  favouriteCategories: { id: string; name: string }[];
}

let database: TestDatabase;
let worker: Awaited<ReturnType<typeof startWorker>>;
let owner: Record<string, string>;
const gateways: Partial<Record<'in-process' | 'distributed', TestGateway>> = {};

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  gateways['in-process'] = await startTestGateway('in-process', database.db);
  gateways.distributed = await startTestGateway('distributed', database.db);
  worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
  owner = await ownerHeaders(gateways['in-process']!);
}, 300_000);

afterAll(async () => {
  await worker?.stop();
  for (const gateway of Object.values(gateways)) await gateway?.stop();
  await database?.close();
});

/** What the orders domain itself says a member's figures are, in THB. */
async function expectedFromOrders(memberId: string) {
  const [row] = await database.db.execute<{ count: number; total: string; first: string | null; last: string | null }>(sql`
    select count(*)::int as count, coalesce(sum(total_minor), 0)::text as total,
      min(created_at) as first, max(created_at) as last
    from orders."order" where member_id = ${memberId} and status not in ('CANCELLED', 'CLOSED')`);
  return row!;
}

async function ask(gateway: TestGateway, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const { body } = await gateway.query(query, variables, headers);
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const statisticsOf = async (gateway: TestGateway, memberId: string): Promise<Statistics[]> =>
  (await ask(gateway, `query ($id: ID!) { member(id: $id) { statistics { ${STATISTICS} } } }`, { id: memberId }, owner)).member.statistics;

/** Waits (the worker runs the fact jobs) until the member's statistics satisfy `check`. */
const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 90_000, interval: 250 });

it('the backfill queued by the seed gives every demo order a member fact, and the demo customer statistics that match their orders', async () => {
  const gateway = gateways['in-process']!;
  const [demo] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
  const expected = await expectedFromOrders(demo!.id);
  expect(expected.count).toBeGreaterThan(0);
  await eventually(async () => {
    const [facts] = await database.db.execute<{ missing: number }>(sql`
      select count(*)::int as missing from orders."order" o
      where not exists (select 1 from members.member_order f where f.order_id = o.id and f.updated_at = o.updated_at)`);
    expect(facts!.missing).toBe(0);
  });
  const [stats] = await statisticsOf(gateway, demo!.id);
  expect(stats).toMatchObject({ ordersCount: expected.count, totalSpent: { currencyCode: 'THB' } });
  expect(BigInt(stats!.totalSpent.amount.replace('.', ''))).toBe(BigInt(expected.total));
  expect(new Date(stats!.firstOrderAt).getTime()).toBe(new Date(expected.first!).getTime());
}, 120_000);

describe.each(['in-process', 'distributed'] as const)('member statistics through the gateway (%s)', (mode) => {
  let gateway: TestGateway;
  let customer: Record<string, string>;
  let memberId: string;
  let variant: { id: string; productId: string; categoryIds: string[] };

  beforeAll(async () => {
    gateway = gateways[mode]!;
    const email = `stats-${mode}-${randomUUID()}@example.test`;
    const signedUp = await ask(
      gateway,
      `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token userErrors { code message } } }`,
      { input: { email, password: 'statistics-password', displayName: 'Statistics test' } },
      {},
    );
    customer = { authorization: `Bearer ${signedUp.customerSignUp.token}` };
    const [member] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${email}`);
    memberId = member!.id;
    // A variant in stock whose product is filed under a category, so the member gets a favourite.
    const [row] = await database.db.execute<{ id: string; product_id: string; category_ids: string[] }>(sql`
      select v.id, v.product_id, array_agg(pc.category_id::text order by pc.category_id) as category_ids
      from products.variant v join products.product p on p.id = v.product_id and p.status = 'ACTIVE'
      join products.product_category pc on pc.product_id = p.id
      where v.currency_code = 'THB'
        and (select coalesce(sum(on_hand - reserved), 0) from stock.level s where s.variant_id = v.id) > 20
      group by v.id, v.product_id order by v.id limit 1`);
    variant = { id: row!.id, productId: row!.product_id, categoryIds: row!.category_ids };
  }, 120_000);

  /** Places an order as the customer (storefront checkout, paid by hand later); returns its id and total. */
  async function placeOrder(quantity: number) {
    const created = await ask(gateway, `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code message } } }`, {
      input: { channel: 'ONLINE_STORE', lines: [{ variantId: variant.id, quantity }] },
    }, customer);
    const cartId = created.cartCreate.cart.id as string;
    await ask(gateway, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { userErrors { code message } } }`, {
      input: { cartId, address: uniqueAddress() },
    }, customer);
    const placed = await ask(gateway, `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id total { amount } } userErrors { code message } } }`, {
      input: { cartId, idempotencyKey: randomUUID(), paymentProvider: 'MANUAL' },
    }, customer);
    const order = placed.checkoutComplete.order;
    if (!order) throw new Error(`checkout failed: ${JSON.stringify(placed)}`);
    return order as { id: string; total: { amount: string } };
  }

  const minor = (amount: string) => BigInt(amount.replace('.', ''));
  const amountOf = (minorUnits: bigint) => `${minorUnits / 100n}.${String(minorUnits % 100n).padStart(2, '0')}`;

  it('placing, paying and completing an order shows in the statistics; cancelling another takes it out again', async () => {
    expect(await statisticsOf(gateway, memberId)).toEqual([]);
    const first = await placeOrder(1);
    await eventually(async () => {
      expect(await statisticsOf(gateway, memberId)).toMatchObject([{ ordersCount: 1, totalSpent: { amount: first.total.amount, currencyCode: 'THB' } }]);
    });
    for (const mutation of [
      'orderMarkPaid(input: { orderId: $id, method: CASH })',
      'orderFulfil(input: { id: $id })',
      'orderShip(input: { id: $id, carrier: "Kerry", trackingNumber: "KE1" })',
      'orderMarkDelivered(input: { id: $id })',
      'orderComplete(input: { id: $id })',
    ]) {
      const data = await ask(gateway, `mutation ($id: ID!) { result: ${mutation} { userErrors { code message } } }`, { id: first.id }, owner);
      expect(data.result.userErrors).toEqual([]);
    }
    await eventually(async () => {
      const [row] = await database.db.execute<{ status: string }>(sql`select status from members.member_order where order_id = ${first.id}`);
      expect(row!.status).toBe('COMPLETED');
    });
    const second = await placeOrder(2);
    const both = minor(first.total.amount) + minor(second.total.amount);
    await eventually(async () => {
      const [stats] = await statisticsOf(gateway, memberId);
      expect(stats).toMatchObject({ ordersCount: 2, totalSpent: { amount: amountOf(both) }, averageOrderValue: { amount: amountOf((both + 1n) / 2n) } });
      expect(stats!.favouriteCategories.map((c) => c.id)).toEqual(variant.categoryIds.slice(0, 3));
      expect(stats!.favouriteCategories[0]!.name).toEqual(expect.any(String));
    });
    const cancelled = await ask(gateway, `mutation ($id: ID!) { orderCancel(input: { id: $id, reason: "Test" }) { userErrors { code message } } }`, { id: second.id }, owner);
    expect(cancelled.orderCancel.userErrors).toEqual([]);
    await eventually(async () => {
      expect(await statisticsOf(gateway, memberId)).toMatchObject([{ ordersCount: 1, totalSpent: { amount: first.total.amount } }]);
    });
  }, 180_000);

  it('the customer reads their own statistics through their order; another member\'s need members:read', async () => {
    const order = await placeOrder(1);
    await eventually(async () => {
      const own = await ask(gateway, `query ($id: ID!) { order(id: $id) { member { id statistics { ordersCount } } } }`, { id: order.id }, customer);
      expect(own.order.member).toMatchObject({ id: memberId, statistics: [{ ordersCount: expect.any(Number) }] });
    });
    const { body } = await gateway.query(`query ($id: ID!) { member(id: $id) { statistics { ordersCount } } }`, { id: memberId }, customer);
    expect(body.data?.member ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 120_000);
});
