import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '@shop/kit';
import { ALL_SCOPES } from '../../../schema/scopes.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { orders } from '../src/index.js';
import { seed } from '../src/seed.js';
import { order } from '../src/tables.js';
import { makeOrderPlan } from './factories.js';
import { dataOf, type Connection } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let plan: ReturnType<typeof makeOrderPlan>;

const customer = (memberId: string): Principal => ({ kind: 'customer', memberId, sessionId: 'test-session' });
const staff = (scopes: string[]): Principal => ({
  kind: 'staff', staffId: '00000000-0000-4000-8000-0000000000aa', sessionId: '00000000-0000-4000-8000-0000000000ab', roles: [], scopes, stepUpUntil: null,
});
const partner: Principal = { kind: 'partner', apiKeyId: '00000000-0000-4000-8000-0000000000ac', scopes: ['orders:read'] };
const operator = staff([...ALL_SCOPES]);
const PHONE = '+66 81 234 5678';

/** Gives an order of the plan a recipient with a phone number (the plan's orders have no members to take it from). */
async function withContact(orderId: string) {
  await database.db.update(order).set({ shipName: 'Somchai', shipPhone: PHONE, shipPhoneDigits: '66812345678' }).where(eq(order.id, orderId));
}

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
    const { myOrders } = dataOf<{ myOrders: Connection<{ id: string }> }>(result);
    const got = myOrders.edges.map((e) => e.node.id).sort();
    expect(got).toEqual(expected);
    expect(myOrders.totalCount).toBe(expected.length);
  });

  it('a customer cannot enter Query.orders (FORBIDDEN from the subgraph itself)', async () => {
    const result = await run(customer(plan.memberIds[0]!), `{ orders(first: 5) { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('Query.order answers a customer their own order and null for anyone else’s', async () => {
    const [mine, theirs] = plan.memberIds;
    const own = plan.orders.find((o) => o.memberId === mine)!;
    const other = plan.orders.find((o) => o.memberId === theirs)!;
    const query = `query ($id: ID!) { order(id: $id) { id } }`;
    expect((await run(customer(mine!), query, { id: own.id })).data).toEqual({ order: { id: own.id } });
    expect(await run(customer(mine!), query, { id: other.id })).toEqual({ data: { order: null } });
  });

  it('the timeline shows notes, tags, flags and who of the staff acted only to staff with orders:read_internal', async () => {
    const [mine] = plan.memberIds;
    const own = plan.orders.find((o) => o.memberId === mine)!;
    const added = await run(operator, `mutation ($input: OrderNoteAddInput!) { orderNoteAdd(input: $input) { userErrors { code } } }`, {
      input: { id: own.id, note: 'Customer was rude on the phone' },
    });
    expect(added.errors).toBeUndefined();
    const query = `query ($id: ID!) { order(id: $id) { history { kind note staff { id } } } }`;
    const history = async (principal: Principal) => dataOf<{ order: { history: { kind: string; staff: unknown }[] } }>(await run(principal, query, { id: own.id })).order.history;
    const internal = await history(operator);
    expect(internal.find((e) => e.kind === 'NOTE')).toEqual({ kind: 'NOTE', note: 'Customer was rude on the phone', staff: { id: expect.any(String) } });
    for (const principal of [customer(mine!), partner, staff(['orders:read'])]) {
      const entries = await history(principal);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((e) => ['PLACED', 'TRANSITION', 'PAYMENT'].includes(e.kind))).toBe(true);
    }
    expect((await history(customer(mine!))).every((e) => e.staff === null)).toBe(true);
  });

  it('contact data on an address is left out for callers who may not read it; the customer reads their own', async () => {
    const [mine] = plan.memberIds;
    const own = plan.orders.find((o) => o.memberId === mine)!;
    await withContact(own.id);
    const query = `query ($id: ID!) { order(id: $id) { shippingAddress { name phone city } } }`;
    const address = async (principal: Principal) => dataOf<{ order: { shippingAddress: unknown } }>(await run(principal, query, { id: own.id })).order.shippingAddress;
    expect(await address(partner)).toEqual({ name: null, phone: null, city: expect.any(String) });
    expect(await address(staff(['orders:read', 'members:read']))).toMatchObject({ name: null, phone: null });
    expect(await address(staff(['orders:read', 'members:read', 'members:read_pii']))).toMatchObject({ name: 'Somchai', phone: PHONE });
    expect(await address(customer(mine!))).toMatchObject({ name: 'Somchai', phone: PHONE });
    expect((await run(customer(plan.memberIds[1]!), query, { id: own.id })).data).toEqual({ order: null });
  });

  it('searching orders by a phone number finds them only for callers who may read contact data; number search works for all', async () => {
    const own = plan.orders[3]!;
    await withContact(own.id);
    const count = async (principal: Principal, search: string) =>
      dataOf<{ orders: { totalCount: number } }>(await run(principal, `query ($f: OrderFilter) { orders(first: 1, filter: $f) { totalCount } }`, { f: { search } }))
        .orders.totalCount;
    expect(await count(operator, PHONE)).toBeGreaterThan(0);
    expect(await count(operator, 'somch')).toBeGreaterThan(0);
    for (const principal of [partner, staff(['orders:read'])]) {
      expect(await count(principal, PHONE)).toBe(0);
      expect(await count(principal, 'somch')).toBe(0);
    }
    expect(await count(partner, own.number)).toBe(1);
  });

  it('filtering or counting orders by flags is FORBIDDEN without orders:read_internal on a staff session', async () => {
    for (const source of [`{ orders(first: 1, filter: { flagged: true }) { totalCount } }`, `{ orderCounts(filter: { flagged: false }) { count } }`]) {
      expect((await run(partner, source)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await run({ ...partner, scopes: ['orders:read', 'orders:read_internal'] } as Principal, source)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await run(staff(['orders:read']), source)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await run(staff(['orders:read', 'orders:read_internal']), source)).errors).toBeUndefined();
    }
    const mine = plan.memberIds[0]!;
    expect((await run(customer(mine), `{ myOrders(first: 1, filter: { flagged: true }) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
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
