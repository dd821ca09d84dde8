import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { orderCreate } from '../src/channels/index.js';
import { actorOf } from '../src/history/index.js';
import { shipOrder, transitionOrder } from '../src/lifecycle/index.js';
import { orderTagsChange } from '../src/notes/index.js';
import { listOrders, orderCounts, type OrderFilter } from '../src/service.js';
import { order, type OrderRow } from '../src/tables.js';
import { seedCatalog, setAvailable, uniqueAddress } from './checkout-fixtures.js';

let database: TestDatabase;
const placed: OrderRow[] = [];
const actor = actorOf(TEST_OPERATOR);

async function place(address: ReturnType<typeof uniqueAddress>, variantId: string, quantity: number, channel: 'ONLINE_STORE' | 'MOBILE_APP') {
  const result = await mutate(database.db, (tx) => orderCreate(tx, TEST_OPERATOR, { channel, lines: [{ variantId, quantity }], address }));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const numbers = async (filter: OrderFilter) => (await listOrders(database.db, { filter, first: 100 })).edges.map((e) => e.node.number).sort();

beforeAll(async () => {
  database = await createTestDatabase();
  const plan = await seedCatalog(database.db, 1);
  const variantId = plan.products[0]!.variants[0]!.id;
  await setAvailable(database.db, variantId, 100);
  placed.push(await place({ ...uniqueAddress(), name: 'Somchai Jaidee', phone: '+66 81-234 5678' }, variantId, 1, 'ONLINE_STORE'));
  placed.push(await place({ ...uniqueAddress(), name: 'Somsri Rakthai' }, variantId, 3, 'MOBILE_APP'));
  placed.push(await place({ ...uniqueAddress(), name: 'Anan Wong' }, variantId, 2, 'MOBILE_APP'));
  await mutate(database.db, (tx) => orderTagsChange(tx, actor, { id: placed[1]!.id, tags: ['VIP ', 'gift'] }, 'ADD'));
  for (const to of ['PAID', 'FULFILLING'] as const) await mutate(database.db, (tx) => transitionOrder(tx, { orderId: placed[2]!.id, to, actor }));
  await mutate(database.db, (tx) => shipOrder(tx, actor, { id: placed[2]!.id, carrier: 'Kerry', trackingNumber: 'KER123456TH' }));
  // Spread the placement times so the date filter has something to cut.
  await database.db.update(order).set({ createdAt: sql`now() - interval '3 days'` }).where(eq(order.id, placed[0]!.id));
}, 120_000);
afterAll(() => database.close());

describe('orders list filters and search', () => {
  it('finds an order by phone however it is written, by number, by tracking number and by name prefix', async () => {
    expect(await numbers({ search: '0812345678' })).toEqual([placed[0]!.number]);
    expect(await numbers({ search: '081-234-5678' })).toEqual([placed[0]!.number]);
    expect(await numbers({ search: '66812345678' })).toEqual([placed[0]!.number]);
    expect(await numbers({ search: '+66 (81) 234-5678' })).toEqual([placed[0]!.number]);
    expect(await numbers({ search: placed[1]!.number.toLowerCase() })).toEqual([placed[1]!.number]);
    expect(await numbers({ search: placed[1]!.number.slice(3) })).toEqual([placed[1]!.number]);
    expect(await numbers({ search: 'KER123456TH' })).toEqual([placed[2]!.number]);
    expect(await numbers({ search: 'Som' })).toEqual([placed[0]!.number, placed[1]!.number].sort());
    expect(await numbers({ search: 'SOMSRI' })).toEqual([placed[1]!.number]);
    expect(await numbers({ search: '%' })).toEqual([]);
  });

  it('filters by tag, channel, status, total range and date range', async () => {
    expect(await numbers({ tag: 'vip' })).toEqual([placed[1]!.number]);
    expect(await numbers({ channel: ['MOBILE_APP'], status: ['SHIPPED'] })).toEqual([placed[2]!.number]);
    // Unit price 100.00 plus STANDARD shipping 50.00: totals 150, 350 and 250.
    expect(await numbers({ totalMin: '200', totalMax: '300.00' })).toEqual([placed[2]!.number]);
    expect(await numbers({ createdFrom: new Date(Date.now() - 86_400_000) })).toEqual([placed[1]!.number, placed[2]!.number].sort());
    expect(await numbers({ createdTo: new Date(Date.now() - 86_400_000) })).toEqual([placed[0]!.number]);
    await expect(listOrders(database.db, { filter: { totalMin: 'lots' } })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('counts orders per status under a filter, ignoring its status list', async () => {
    const counts = await orderCounts(database.db, { channel: ['MOBILE_APP'], status: ['PAID'] });
    expect(counts.filter((c) => c.count > 0)).toEqual([
      { status: 'PENDING_PAYMENT', count: 1 },
      { status: 'SHIPPED', count: 1 },
    ]);
    expect(counts).toHaveLength(8);
  });
});
