import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { log, statementCounter } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { orders } from '../src/index.js';
import { seed } from '../src/seed.js';
import { order } from '../src/tables.js';
import { makeOrderPlan, newestFirst } from './factories.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';

let database: TestDatabase;
const plan = makeOrderPlan({ orders: 40, members: 5 });
const walkIn = { id: randomUUID(), number: 'SO-900001' };

beforeAll(async () => {
  // One connection: a fresh pool connection adds set-up statements that would skew the counts.
  database = await createTestDatabase({ max: 1 });
  await database.db.transaction((tx) => seed(tx, plan));
  await database.db.insert(order).values({
    ...walkIn, memberId: null, channel: 'POINT_OF_SALE', status: 'COMPLETED', totalMinor: 0n,
    currencyCode: 'THB', createdAt: new Date('2025-01-01T00:00:00Z'),
  });
});
afterAll(() => database.close());

async function execute(source: string, variableValues?: Record<string, unknown>) {
  const contextValue = orders.createContext({ db: database.db, principal: TEST_OPERATOR, requestId: 't', log, changes: [] });
  const before = statementCounter.count;
  const result = await graphql({ schema: orders.schema, source, contextValue, variableValues });
  return { ...result, statements: statementCounter.count - before };
}

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Order { id number lines { sku } }
    ... on Member {
      id
      orders(first: 2) { totalCount edges { cursor node { number } } pageInfo { hasNextPage endCursor } }
    }
  }
}`;

describe('orders graph', () => {
  it('lists orders with money, lines and entity references in a fixed number of queries', async () => {
    const result = await execute(`{
      orders(first: 3) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage }
        edges { node {
          number status channel createdAt
          total { amount currencyCode }
          member { id }
          lines { sku title quantity unitPrice { amount currencyCode } variant { id } }
        } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    // The page, its count, and one batch of lines for all three orders.
    expect(result.statements).toBe(3);
    const newest = newestFirst(plan.orders)[0]!;
    const connection = result.data!.orders as { totalCount: number; edges: { node: Record<string, unknown> }[] };
    expect(connection.totalCount).toBe(41);
    expect(connection.edges[0]!.node).toEqual({
      number: newest.number,
      status: newest.status,
      channel: newest.channel,
      createdAt: newest.createdAt.toISOString(),
      total: { amount: (Number(newest.totalMinor) / 100).toFixed(2), currencyCode: 'THB' },
      member: { id: newest.memberId },
      lines: newest.lines.map((l) => ({
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitPrice: { amount: (Number(l.unitPriceMinor) / 100).toFixed(2), currencyCode: 'THB' },
        variant: { id: l.variantId },
      })),
    });
  });

  it('filters and sorts through the API arguments', async () => {
    const result = await execute(`{
      orders(first: 100, filter: { channel: [POINT_OF_SALE] }, sortKey: TOTAL, reverse: true) {
        edges { node { number channel total { amount } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data!.orders as { edges: { node: { channel: string; total: { amount: string } } }[] }).edges
      .map((e) => e.node);
    expect(nodes.every((n) => n.channel === 'POINT_OF_SALE')).toBe(true);
    const amounts = nodes.map((n) => Number(n.total.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('returns an order by id, null for an unknown or malformed id, and no member for a walk-in sale', async () => {
    const result = await execute(
      `query ($a: ID!, $b: ID!, $c: ID!) {
        a: order(id: $a) { number member { id } }
        b: order(id: $b) { number }
        c: order(id: $c) { number }
      }`,
      { a: walkIn.id, b: randomUUID(), c: 'not-an-id' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { number: walkIn.number, member: null }, b: null, c: null });
    expect(result.statements).toBe(1);
  });

  it('resolves orders and every member\'s first page through _entities without a query per member', async () => {
    const memberReps = plan.memberIds.map((id) => ({ __typename: 'Member', id }));
    const orderReps = plan.orders.slice(0, 3).map((o) => ({ __typename: 'Order', id: o.id }));
    const result = await execute(ENTITIES, { representations: [...orderReps, ...memberReps] });
    expect(result.errors).toBeUndefined();
    // Orders by id, their lines, the members' pages, the members' counts.
    expect(result.statements).toBe(4);
    const entities = result.data!._entities as Record<string, unknown>[];
    expect(entities.slice(0, 3).map((e) => e.number)).toEqual(plan.orders.slice(0, 3).map((o) => o.number));
    plan.memberIds.forEach((memberId, i) => {
      const mine = newestFirst(plan.orders.filter((o) => o.memberId === memberId));
      expect(entities[3 + i]).toMatchObject({
        id: memberId,
        orders: {
          totalCount: mine.length,
          edges: mine.slice(0, 2).map((o) => ({ node: { number: o.number } })),
          pageInfo: { hasNextPage: true },
        },
      });
    });
  });

  it('continues a member\'s orders from a cursor and gives a member without orders an empty page', async () => {
    const memberId = plan.memberIds[1]!;
    const mine = newestFirst(plan.orders.filter((o) => o.memberId === memberId));
    const first = await execute(ENTITIES, { representations: [{ __typename: 'Member', id: memberId }] });
    const { endCursor } = (first.data!._entities as { orders: { pageInfo: { endCursor: string } } }[])[0]!.orders
      .pageInfo;
    const next = await execute(
      `query ($representations: [_Any!]!, $after: String) {
        _entities(representations: $representations) {
          ... on Member { orders(first: 3, after: $after) { edges { node { number } } pageInfo { hasPreviousPage } } }
        }
      }`,
      { representations: [{ __typename: 'Member', id: memberId }, { __typename: 'Member', id: randomUUID() }], after: endCursor },
    );
    expect(next.errors).toBeUndefined();
    expect(next.data).toEqual({
      _entities: [
        {
          orders: {
            edges: mine.slice(2, 5).map((o) => ({ node: { number: o.number } })),
            pageInfo: { hasPreviousPage: true },
          },
        },
        { orders: { edges: [], pageInfo: { hasPreviousPage: true } } },
      ],
    });
  });

  it('rejects a page larger than 100 as bad user input', async () => {
    const result = await execute('{ orders(first: 101) { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
