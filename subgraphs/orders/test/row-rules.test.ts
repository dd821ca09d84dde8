import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { orders } from '../src/index.js';
import { seed } from '../src/seed.js';
import { makeOrderPlan } from './factories.js';

let database: TestDatabase;
let plan: ReturnType<typeof makeOrderPlan>;

const customer = (memberId: string): Principal => ({ kind: 'customer', memberId, sessionId: 'test-session' });

beforeAll(async () => {
  database = await createTestDatabase();
  plan = makeOrderPlan({ orders: 12, members: 3 });
  await seed(database.db, plan);
});
afterAll(() => database.close());

const run = (principal: Principal, source: string, variables?: Record<string, unknown>) =>
  subgraphExecutor(orders, database.db, principal)(source, variables);

describe('orders row rules', () => {
  it('myOrders lists only the signed-in customer’s orders', async () => {
    const [mine] = plan.memberIds;
    const result = await run(customer(mine!), `{ myOrders(first: 100) { totalCount edges { node { id } } } }`);
    expect(result.errors).toBeUndefined();
    const expected = plan.orders.filter((o) => o.memberId === mine).map((o) => o.id).sort();
    const got = (result.data!.myOrders as any).edges.map((e: any) => e.node.id).sort();
    expect(got).toEqual(expected);
    expect((result.data!.myOrders as any).totalCount).toBe(expected.length);
  });

  it('a customer cannot enter Query.orders or Query.order (FORBIDDEN from the subgraph itself)', async () => {
    const result = await run(customer(plan.memberIds[0]!), `{ orders(first: 5) { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('_entities resolves another customer’s order to null, and the caller’s own order fully', async () => {
    const [mine, theirs] = plan.memberIds;
    const own = plan.orders.find((o) => o.memberId === mine)!;
    const other = plan.orders.find((o) => o.memberId === theirs)!;
    const result = await run(
      customer(mine!),
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id number } } }`,
      { reps: [{ __typename: 'Order', id: own.id }, { __typename: 'Order', id: other.id }] },
    );
    expect(result.data!._entities).toEqual([{ id: own.id, number: own.number }, null]);
  });

  it('an anonymous caller resolves no order through _entities', async () => {
    const result = await run(
      ANONYMOUS,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id } } }`,
      { reps: [{ __typename: 'Order', id: plan.orders[0]!.id }] },
    );
    expect(result.data!._entities).toEqual([null]);
  });

  it('myOrders for a non-customer is refused by the subgraph', async () => {
    const result = await run(ANONYMOUS, `{ myOrders(first: 1) { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
