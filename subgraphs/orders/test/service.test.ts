import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { encodeCursor, pageRequest, type ConnectionArgs } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { seed } from '../src/seed.js';
import { listOrders, memberOrderPages, type OrderListArgs } from '../src/service.js';
import { order, orderLine } from '../src/tables.js';
import { makeOrderPlan, newestFirst } from './factories.js';

let database: TestDatabase;
const plan = makeOrderPlan({ orders: 60, members: 4 });

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction((tx) => seed(tx, plan));
});
afterAll(() => database.close());

/** Every page of a list, following cursors in the direction the arguments walk. */
async function walk(args: OrderListArgs, size: number, backward = false): Promise<string[]> {
  const numbers: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const paging: ConnectionArgs = backward ? { last: size, before: cursor } : { first: size, after: cursor };
    const page = await listOrders(database.db, { ...args, ...paging });
    const pageNumbers = page.edges.map((e) => e.node.number);
    numbers.splice(backward ? 0 : numbers.length, 0, ...pageNumbers);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return numbers;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
}

describe('orders seed', () => {
  it('writes every order with its exact total and its lines in position order', async () => {
    expect(await database.db.$count(order)).toBe(60);
    const sample = plan.orders[5]!;
    const [row] = await database.db.select().from(order).where(eq(order.id, sample.id));
    expect(row).toMatchObject({
      number: sample.number, memberId: sample.memberId, totalMinor: sample.totalMinor,
      currencyCode: 'THB', createdAt: sample.createdAt, updatedAt: sample.createdAt,
    });
    const lines = await database.db
      .select()
      .from(orderLine)
      .where(eq(orderLine.orderId, sample.id))
      .orderBy(asc(orderLine.position));
    expect(lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual(
      sample.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor]),
    );
  });

  it('refuses a line with no quantity', async () => {
    const sample = plan.orders[0]!;
    const insert = database.db.insert(orderLine).values({
      orderId: sample.id, variantId: sample.lines[0]!.variantId, sku: 'X', title: 'X',
      quantity: 0, unitPriceMinor: 100n, currencyCode: 'THB',
    });
    await expect(insert).rejects.toMatchObject({ cause: { constraint_name: 'order_line_quantity_positive' } });
  });
});

describe('listOrders', () => {
  const expected = newestFirst(plan.orders).map((o) => o.number);

  it('lists newest first by default, breaking timestamp ties by id, with no gap or repeat across pages', async () => {
    expect(await walk({}, 7)).toEqual(expected);
  });

  it('walks the same list backwards with last/before', async () => {
    expect(await walk({}, 7, true)).toEqual(expected);
  });

  it('reverses to oldest first', async () => {
    expect(await walk({ reverse: true }, 11)).toEqual([...expected].reverse());
  });

  it('sorts by total, smallest first, and reverses to largest first', async () => {
    const byTotal = await walk({ sortKey: 'TOTAL' }, 9);
    const totals = byTotal.map((n) => plan.orders.find((o) => o.number === n)!.totalMinor);
    expect(totals).toEqual([...totals].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(byTotal).toHaveLength(60);
    // Ties in total break by id in the same direction, so reverse is the exact mirror.
    expect(await walk({ sortKey: 'TOTAL', reverse: true }, 9)).toEqual([...byTotal].reverse());
  });

  it('filters by status and channel and counts only what matches', async () => {
    const filter = { status: ['PAID' as const, 'CANCELLED' as const], channel: ['MINI_PROGRAM' as const] };
    const matching = newestFirst(
      plan.orders.filter((o) => filter.status.includes(o.status as never) && o.channel === 'MINI_PROGRAM'),
    );
    const page = await listOrders(database.db, { filter, first: 100 });
    expect(page.edges.map((e) => e.node.number)).toEqual(matching.map((o) => o.number));
    expect(await page.totalCount()).toBe(matching.length);
    expect(await (await listOrders(database.db, {})).totalCount()).toBe(60);
  });

  it('refuses a cursor made under another sort key as bad input', async () => {
    const page = await listOrders(database.db, { first: 1 });
    await expect(
      listOrders(database.db, { sortKey: 'TOTAL', after: page.pageInfo.endCursor }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('memberOrderPages', () => {
  it('returns the first page of many members in one query, newest first per member', async () => {
    const [a, b] = plan.memberIds;
    const rows = await memberOrderPages(database.db, [a!, b!], pageRequest({ first: 3 }));
    const forMember = (id: string) => newestFirst(plan.orders.filter((o) => o.memberId === id)).map((o) => o.number);
    // The page fetches one row beyond its size, to learn whether another page follows.
    expect(rows.filter((r) => r.memberId === a).map((r) => r.number)).toEqual(forMember(a!).slice(0, 4));
    expect(rows.filter((r) => r.memberId === b).map((r) => r.number)).toEqual(forMember(b!).slice(0, 4));
  });

  it('continues one member from a cursor and walks backwards from the end', async () => {
    const member = plan.memberIds[2]!;
    const all = newestFirst(plan.orders.filter((o) => o.memberId === member));
    const cursor = encodeCursor({ value: all[4]!.createdAt.toISOString(), id: all[4]!.id });
    const next = await memberOrderPages(database.db, [member], pageRequest({ first: 2, after: cursor }));
    expect(next.map((r) => r.number)).toEqual(all.slice(5, 8).map((o) => o.number));
    const last = await memberOrderPages(database.db, [member], pageRequest({ last: 2 }));
    expect(last.map((r) => r.number)).toEqual(all.slice(-3).reverse().map((o) => o.number));
  });
});
