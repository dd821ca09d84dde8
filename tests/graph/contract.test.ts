import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { ownerHeaders } from '../kit/callers.js';

// The basic contract (lists, paging, references across subgraphs, health) on the seeded demo shop,
// through the real gateway in both modes.
describe.each(['in-process', 'distributed'] as const)('graph contract (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;
  let query: (source: string, variables?: Record<string, unknown>) => Promise<{ status: number; body: any }>;
  let plan: DemoPlan;

  beforeAll(async () => {
    database = await createTestDatabase();
    plan = await seedDemo(database.db, { scale: 1 });
    gateway = await startTestGateway(mode, database.db);
    owner = await ownerHeaders(gateway);
    query = (source, variables = {}) => gateway.query(source, variables, owner);
  });

  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('lists products with variants, prices and stock from two subgraphs in one query', async () => {
    const { status, body } = await query(`{
      products(first: 3) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id title handle status
          variants { id sku title price { amount currencyCode }
            stock { onHand reserved available levels { warehouse { id code name } onHand reserved available } } } } }
      }
    }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const products = body.data.products;
    expect(products.totalCount).toBe(plan.products.length);
    expect(products.edges).toHaveLength(3);
    expect(products.pageInfo.hasNextPage).toBe(true);
    const variant = products.edges[0].node.variants[0];
    expect(variant.price.currencyCode).toBe('THB');
    expect(variant.price.amount).toMatch(/^\d+\.\d{2}$/);
    const expected = plan.levels.filter((l) => l.variantId === variant.id);
    expect(variant.stock.levels).toHaveLength(expected.length);
    expect(variant.stock.onHand).toBe(expected.reduce((sum, l) => sum + l.onHand, 0));
    expect(variant.stock.available).toBe(variant.stock.onHand - variant.stock.reserved);
  });

  it('pages through products with cursors without repeating or skipping any', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const { body }: { body: any } = await query(
        `query Page($after: String) { products(first: 25, after: $after) { pageInfo { endCursor } edges { node { id } } } }`,
        { after },
      );
      for (const edge of body.data.products.edges) seen.add(edge.node.id);
      after = body.data.products.pageInfo.endCursor;
    }
    expect(seen.size).toBe(75);
  });

  it('answers product(id) and null for an unknown id', async () => {
    const known = plan.products[0]!;
    const { body } = await query(`query P($id: ID!, $unknown: ID!) {
      known: product(id: $id) { id handle } unknown: product(id: $unknown) { id } }`, {
      id: known.id,
      unknown: '00000000-0000-4000-8000-000000000000',
    });
    expect(body.data).toEqual({ known: { id: known.id, handle: known.handle }, unknown: null });
  });

  it('lists orders with their member, lines and variants across three subgraphs', async () => {
    const { body } = await query(`{
      orders(first: 10) { totalCount edges { node { id number status channel createdAt total { amount currencyCode }
        member { id displayName } lines { quantity unitPrice { amount currencyCode } variant { id sku } } } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.orders.totalCount).toBe(plan.orders.length);
    const newest = [...plan.orders].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
    const first = body.data.orders.edges[0].node;
    expect(first.number).toBe(newest.number);
    expect(first.member.displayName).toBe(plan.members.find((m) => m.id === newest.memberId)!.displayName);
    expect(first.lines.map((l: any) => l.variant.sku)).toEqual(newest.lines.map((l) => l.sku));
  });

  it('lists members with their own orders (Member.orders from the orders subgraph)', async () => {
    const { body } = await query(`{
      members(first: 5) { totalCount edges { node { id displayName tier points orders(first: 3) { totalCount edges { node { id number } } } } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.members.totalCount).toBe(plan.members.length);
    for (const { node } of body.data.members.edges) {
      const own = plan.orders.filter((o) => o.memberId === node.id);
      expect(node.orders.totalCount).toBe(own.length);
      expect(node.orders.edges.length).toBe(Math.min(3, own.length));
    }
  });

  it('lists coupons and summarises sales for a date range', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const { body } = await query(
      `query S($from: DateTime!, $to: DateTime!) {
        coupons(first: 10) { totalCount edges { node { id code } } }
        salesSummary(from: $from, to: $to) { gmv { amount currencyCode } orderCount averageOrderValue { amount currencyCode } }
        me { id }
      }`,
      { from: from.toISOString(), to: to.toISOString() },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.coupons.totalCount).toBe(plan.coupons.length);
    const counted = plan.orders.filter(
      (o) => o.createdAt >= from && o.createdAt < to && o.status !== 'CANCELLED',
    );
    expect(body.data.salesSummary.orderCount).toBe(counted.length);
    const gmv = counted.reduce((sum, o) => sum + o.totalMinor, 0n);
    expect(body.data.salesSummary.gmv).toEqual({ amount: formatMinor(gmv, 'THB'), currencyCode: 'THB' });
    expect(body.data.me.id).toBeTruthy();
  });

  it('reports the health of the database and every subgraph', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    const health = await response.json();
    expect(health).toMatchObject({ status: 'up', mode, database: 'up' });
    expect(Object.values(health.subgraphs)).toEqual(Array(7).fill('up'));
  });
});
