import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { subgraph } from '@shop/gateway/subgraphs';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { customerLogin, DEMO_CUSTOMER, ownerHeaders } from '../kit/callers.js';

vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '100000000';
});

let database: TestDatabase;
let owner: Record<string, string>;
let customer: Record<string, string>;
let demoId: string;
let otherId: string;
// Four demo products on sale, one turned DRAFT (X) and one sold out (Y) for this test.
let P1: string, P2: string, P3: string, P4: string, X: string, Y: string;
const gateways: Partial<Record<'in-process' | 'distributed', TestGateway>> = {};

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  gateways['in-process'] = await startTestGateway('in-process', database.db);
  gateways.distributed = await startTestGateway('distributed', database.db);
  owner = await ownerHeaders(gateways['in-process']!);
  customer = { authorization: `Bearer ${await customerLogin(gateways['in-process']!, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password)}` };
  const [demo] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
  const [other] = await database.db.execute<{ id: string }>(sql`select id from members.member where email <> ${DEMO_CUSTOMER.email} limit 1`);
  [demoId, otherId] = [demo!.id, other!.id];
  const onSale = await database.db.execute<{ id: string }>(sql`
    select id from products.product where status = 'ACTIVE' and in_stock order by id limit 6`);
  [P1, P2, P3, P4, X, Y] = onSale.map((row) => row.id) as [string, string, string, string, string, string];
  await database.db.execute(sql`update products.product set status = 'DRAFT' where id = ${X}`);
  await database.db.execute(sql`update products.product set in_stock = false where id = ${Y}`);
  // Members' copy of orders, written by members' own fact task (the seed's backfill jobs are not run here).
  // n(P1) = 5, n(P2) = 3, n(P3) = 2, n(P4) = 1; co(P1,P3) = 2, co(P1,P2) = 2, co(P1,P4) = 1, co(P2,P4) = 1.
  const baskets: [string, string[]][] = [
    [demoId, [P1, P2]], [demoId, [P1, P3]], [otherId, [P1, P2, P4]], [otherId, [P2, X]], [otherId, [P1, Y]], [otherId, [P1, P3]],
  ];
  const placedAt = new Date().toISOString();
  const facts = baskets.map(([memberId, productIds]) => ({
    orderId: randomUUID(), memberId, status: 'PAID', placedAt, updatedAt: placedAt, totalMinor: '1000',
    currencyCode: 'THB', channel: 'ONLINE_STORE', countryCode: 'TH', couponUsed: false, productIds,
  }));
  const { tasks } = subgraph('members');
  await tasks['members.orderFacts']!({ facts }, database.db);
  await tasks['members.recomputeRecommendations']!({}, database.db);
}, 300_000);

afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway?.stop();
  await database?.close();
});

describe.each(['in-process', 'distributed'] as const)('recommendations through the gateway (%s)', (mode) => {
  const gateway = () => gateways[mode]!;
  const ask = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    (await gateway().query(query, variables, headers)).body;

  it('anyone reads what is bought together with a product, best first, with the products’ own fields; a draft or sold-out product is left out', async () => {
    const query = `query ($id: ID!, $first: Int) { product(id: $id) { boughtTogether(first: $first) { score ordersTogether product { id title status } } } }`;
    const body = await ask(query, { id: P1, first: 5 });
    expect(body.errors).toBeUndefined();
    const together = body.data.product.boughtTogether;
    expect(together.map((r: { product: { id: string } }) => r.product.id)).toEqual([P3, P2, P4]);
    expect(together[0]).toMatchObject({ ordersTogether: 2, product: { status: 'ACTIVE', title: expect.any(String) } });
    expect(together.map((r: { score: number }) => r.score)).toEqual([
      expect.closeTo(2 / Math.sqrt(10), 12), expect.closeTo(2 / Math.sqrt(15), 12), expect.closeTo(1 / Math.sqrt(5), 12),
    ]);
    const first = await ask(query, { id: P1, first: 1 });
    expect(first.data.product.boughtTogether.map((r: { product: { id: string } }) => r.product.id)).toEqual([P3]);
    // P2's neighbours: P4 (1/√3) before P1 (2/√15), and X, which is a draft now.
    const p2 = await ask(query, { id: P2, first: 5 });
    expect(p2.data.product.boughtTogether.map((r: { product: { id: string } }) => r.product.id)).toEqual([P4, P1]);
  });

  it('staff with members:read and the customer themselves read the member’s recommendations; others are refused', async () => {
    const byStaff = await ask(`query ($id: ID!) { member(id: $id) { recommendedProducts(first: 5) { score ordersTogether product { id title } } } }`, { id: demoId }, owner);
    expect(byStaff.errors).toBeUndefined();
    // The demo customer bought P1, P2 and P3: P4 neighbours P1 and P2 (X and Y would too, but are not on sale).
    expect(byStaff.data.member.recommendedProducts).toEqual([
      { score: expect.closeTo(1 / Math.sqrt(5) + 1 / Math.sqrt(3), 12), ordersTogether: null, product: { id: P4, title: expect.any(String) } },
    ]);
    const mine = await ask(`{ myRecommendations(first: 3) { score product { id } } }`, {}, customer);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myRecommendations.map((r: { product: { id: string } }) => r.product.id)).toEqual([P4]);
    const anonymous = await ask(`{ myRecommendations { score } }`, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const someoneElse = await ask(`query ($id: ID!) { member(id: $id) { recommendedProducts { score } } }`, { id: otherId }, customer);
    expect(someoneElse.data?.member ?? null).toBeNull();
    expect(someoneElse.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
