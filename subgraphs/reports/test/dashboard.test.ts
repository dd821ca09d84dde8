import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { channelSplit, gmvTrend, salesThisWeek, salesToday, slowMovers, topProducts } from '../src/dashboard/tiles.js';
import { rebuildRollups } from '../src/rollups/service.js';
import { orderLineFact } from '../src/tables.js';
import { insertFacts, makeFact } from './factories.js';

// Wednesday 11 March 2026, noon in Bangkok (the default shop zone); the fiscal week starts on Monday 9 March.
const NOW = new Date('2026-03-11T05:00:00Z');

let database: TestDatabase;
const product = { bestseller: randomUUID(), steady: randomUUID(), unsold: randomUUID(), draft: randomUUID() };

const order = (placedAt: string, totalMinor: bigint, overrides: Parameters<typeof makeFact>[0] = {}) =>
  makeFact({ placedAt: new Date(placedAt), totalMinor, ...overrides });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const facts = {
    today: order('2026-03-11T05:00:00Z', 100_000n),
    // 00:30 on the 11th in Bangkok, still the 10th in UTC: a sale of the shop's today.
    justAfterMidnight: order('2026-03-10T17:30:00Z', 50_000n, { channel: 'POINT_OF_SALE' }),
    // 23:30 on the 10th in Bangkok.
    yesterday: order('2026-03-10T16:30:00Z', 70_000n),
    cancelledToday: order('2026-03-11T04:00:00Z', 999_900n, { status: 'CANCELLED', counted: false }),
    monday: order('2026-03-09T03:00:00Z', 10_000n),
    lastMonday: order('2026-03-02T03:00:00Z', 30_000n),
    lastWednesday: order('2026-03-04T03:00:00Z', 20_000n),
    // Last Thursday: later in last week than today is in this one, so outside the like-for-like comparison.
    lastThursday: order('2026-03-05T03:00:00Z', 99_900n),
  };
  await insertFacts(db, Object.values(facts));
  await db.insert(orderLineFact).values([
    { orderId: facts.today.orderId!, lineId: randomUUID(), productId: product.steady, variantId: randomUUID(), quantity: 2, netMinor: 80_000n },
    { orderId: facts.today.orderId!, lineId: randomUUID(), productId: product.bestseller, variantId: randomUUID(), quantity: 1, netMinor: 20_000n },
    { orderId: facts.yesterday.orderId!, lineId: randomUUID(), productId: product.bestseller, variantId: randomUUID(), quantity: 3, netMinor: 70_000n },
    { orderId: facts.cancelledToday.orderId!, lineId: randomUUID(), productId: product.unsold, variantId: randomUUID(), quantity: 9, netMinor: 999_900n },
  ]);
  for (const [name, id] of Object.entries(product)) {
    await db.execute(sql`insert into products.product (id, title, handle, status)
      values (${id}, ${`Product ${name}`}, ${`dashboard-${name}`}, ${name === 'draft' ? 'DRAFT' : 'ACTIVE'})`);
  }
  await rebuildRollups(db);
});
afterAll(() => database?.close());

const thb = (amount: string) => ({ amount, currencyCode: 'THB' });

describe('dashboard sales tiles (roll-ups, shop days in Asia/Bangkok)', () => {
  it('salesToday: today so far against yesterday, by the shop day of placement, cancelled orders left out', async () => {
    expect(await salesToday(database.db, NOW)).toEqual({ gmv: thb('1500.00'), orders: 2, previousGmv: thb('700.00'), previousOrders: 1 });
  });

  it('salesThisWeek: Monday to today against the same weekdays of last week', async () => {
    expect(await salesThisWeek(database.db, NOW)).toEqual({ gmv: thb('2300.00'), orders: 4, previousGmv: thb('500.00'), previousOrders: 2 });
  });

  it('gmvTrend: every day of the window, zero without sales, beside the same weekday a week earlier', async () => {
    const trend = await gmvTrend(database.db, 7, NOW);
    expect(trend.map((p) => [p.day, p.gmv.amount, p.previousGmv.amount])).toEqual([
      ['2026-03-05', '999.00', '0.00'],
      ['2026-03-06', '0.00', '0.00'],
      ['2026-03-07', '0.00', '0.00'],
      ['2026-03-08', '0.00', '0.00'],
      ['2026-03-09', '100.00', '300.00'],
      ['2026-03-10', '700.00', '0.00'],
      ['2026-03-11', '1500.00', '200.00'],
    ]);
  });

  it('channelSplit: GMV and orders per channel, largest first', async () => {
    expect(await channelSplit(database.db, 7, NOW)).toEqual([
      { key: 'ONLINE_STORE', gmv: thb('2799.00'), orders: 4 },
      { key: 'POINT_OF_SALE', gmv: thb('500.00'), orders: 1 },
    ]);
  });

  it('topProducts: most revenue first, with titles; a cancelled order sells nothing', async () => {
    expect(await topProducts(database.db, 7, 10, 'en', NOW)).toEqual([
      { productId: product.bestseller, title: 'Product bestseller', unitsSold: 4, gmv: thb('900.00') },
      { productId: product.steady, title: 'Product steady', unitsSold: 2, gmv: thb('800.00') },
    ]);
  });

  it('slowMovers: active products with the fewest units, unsold ones first, drafts left out', async () => {
    const movers = await slowMovers(database.db, 7, 10, 'en', NOW);
    expect(movers.map((m) => [m.productId, m.unitsSold])).toEqual([
      [product.unsold, 0],
      [product.steady, 2],
      [product.bestseller, 4],
    ]);
    expect(await slowMovers(database.db, 7, 1, 'en', NOW)).toHaveLength(1);
  });

  it('refuses days or first outside their range with BAD_USER_INPUT naming the argument', async () => {
    const refusals = [
      gmvTrend(database.db, 0, NOW),
      channelSplit(database.db, 367, NOW),
      topProducts(database.db, 7, 101, 'en', NOW),
      slowMovers(database.db, 7, 0, 'en', NOW),
    ];
    for (const refusal of refusals) {
      await expect(refusal).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});
