import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { reports } from '../src/index.js';
import { seed } from '../src/seed.js';
import { divideRoundHalfUp, salesSummary } from '../src/service.js';
import { orderFact } from '../src/tables.js';
import { insertFacts, makeFact } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(orderFact);
});

const MARCH = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z'), currencyCode: 'THB' };

async function summary(input = MARCH) {
  const result = await salesSummary(database.db, input);
  if (!result.ok) throw new Error(result.errors[0]!.message);
  return result.value;
}

describe('divideRoundHalfUp', () => {
  test.each([
    [0n, 0n, 0n],
    [7n, 0n, 0n],
    [10n, 4n, 3n],
    [201n, 2n, 101n],
    [301n, 3n, 100n],
    [2n, 3n, 1n],
    [1n, 3n, 0n],
    [-5n, 2n, -2n],
    [-7n, 2n, -3n],
    [18_014_398_509_481_985n, 2n, 9_007_199_254_740_993n],
  ])('%s / %s = %s', (dividend, divisor, expected) => {
    expect(divideRoundHalfUp(dividend, divisor)).toBe(expected);
  });
});

describe('salesSummary', () => {
  test('an empty range has zero GMV, zero orders and a zero average', async () => {
    expect(await summary()).toMatchObject({
      gmv: { amount: '0.00', currencyCode: 'THB' },
      orderCount: 0,
      averageOrderValue: { amount: '0.00', currencyCode: 'THB' },
    });
  });

  test('counts orders placed from `from` inclusive to `to` exclusive', async () => {
    await insertFacts(database.db, [
      makeFact({ placedAt: MARCH.from, totalMinor: 100n }),
      makeFact({ placedAt: new Date(MARCH.to.getTime() - 1), totalMinor: 200n }),
      makeFact({ placedAt: MARCH.to, totalMinor: 400n }),
      makeFact({ placedAt: new Date(MARCH.from.getTime() - 1), totalMinor: 800n }),
    ]);
    expect(await summary()).toMatchObject({ gmv: { amount: '3.00' }, orderCount: 2 });
  });

  test('leaves out cancelled and closed orders and other currencies', async () => {
    await insertFacts(database.db, [
      makeFact({ status: 'PAID', totalMinor: 1_000n }),
      makeFact({ status: 'CANCELLED', totalMinor: 50_000n }),
      makeFact({ status: 'CLOSED', totalMinor: 50_000n }),
      makeFact({ currencyCode: 'CNY', totalMinor: 50_000n }),
    ]);
    expect(await summary()).toMatchObject({ gmv: { amount: '10.00' }, orderCount: 1 });
    expect(await summary({ ...MARCH, currencyCode: 'CNY' })).toMatchObject({
      gmv: { amount: '500.00', currencyCode: 'CNY' },
      orderCount: 1,
    });
  });

  test('rounds the average half up to the smallest unit', async () => {
    await insertFacts(database.db, [makeFact({ totalMinor: 100n }), makeFact({ totalMinor: 101n })]);
    expect((await summary()).averageOrderValue.amount).toBe('1.01');
    await insertFacts(database.db, [makeFact({ totalMinor: 100n })]);
    expect((await summary()).averageOrderValue.amount).toBe('1.00');
  });

  test('keeps every digit of totals beyond 2^53 minor units', async () => {
    await insertFacts(database.db, [
      makeFact({ totalMinor: 9_007_199_254_740_993n }),
      makeFact({ totalMinor: 9_007_199_254_740_993n }),
    ]);
    expect(await summary()).toMatchObject({
      gmv: { amount: '180143985094819.86' },
      averageOrderValue: { amount: '90071992547409.93' },
    });
  });

  test('formats amounts with the currency exponent (JPY 0, KWD 3)', async () => {
    await insertFacts(database.db, [
      makeFact({ currencyCode: 'JPY', totalMinor: 1_500n }),
      makeFact({ currencyCode: 'KWD', totalMinor: 1_500n }),
    ]);
    expect((await summary({ ...MARCH, currencyCode: 'JPY' })).gmv.amount).toBe('1500');
    expect((await summary({ ...MARCH, currencyCode: 'KWD' })).gmv.amount).toBe('1.500');
  });

  test('a reversed range fails with RANGE_REVERSED', async () => {
    const result = await salesSummary(database.db, { ...MARCH, from: MARCH.to, to: MARCH.from });
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'RANGE_REVERSED', field: ['from'] }] });
  });

  test('a range of exactly 366 days is allowed; one millisecond more fails with RANGE_TOO_LONG', async () => {
    const to = new Date(MARCH.from.getTime() + 366 * 86_400_000);
    expect((await salesSummary(database.db, { ...MARCH, to })).ok).toBe(true);
    const result = await salesSummary(database.db, { ...MARCH, to: new Date(to.getTime() + 1) });
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'RANGE_TOO_LONG' }] });
  });
});

describe('the reports.recordOrder task', () => {
  const recordOrder = reports.tasks['reports.recordOrder']!;
  const payload = {
    orderId: randomUUID(),
    placedAt: '2026-03-10T08:30:00.000+07:00',
    channel: 'MINI_PROGRAM',
    status: 'PAID',
    totalMinor: '9007199254740993',
    currencyCode: 'THB',
  };
  const factOf = async (orderId: string) =>
    database.db.select().from(orderFact).where(eq(orderFact.orderId, orderId));

  test('writes one fact, and running again with the same payload leaves one identical fact', async () => {
    await recordOrder(payload, database.db);
    await recordOrder(payload, database.db);
    const rows = await factOf(payload.orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      placedAt: new Date('2026-03-10T01:30:00.000Z'),
      channel: 'MINI_PROGRAM',
      status: 'PAID',
      totalMinor: 9_007_199_254_740_993n,
      currencyCode: 'THB',
    });
  });

  test('a later payload for the same order overwrites its status and total', async () => {
    await recordOrder(payload, database.db);
    await recordOrder({ ...payload, status: 'CANCELLED', totalMinor: '0' }, database.db);
    expect(await factOf(payload.orderId)).toMatchObject([{ status: 'CANCELLED', totalMinor: 0n }]);
  });

  test.each([
    ['a non-numeric total', { totalMinor: '12.50' }],
    ['a total sent as a number', { totalMinor: 1250 }],
    ['an order id that is not a uuid', { orderId: 'order-1' }],
    ['a placedAt without a time zone', { placedAt: '2026-03-10T08:30:00' }],
  ])('rejects a payload with %s and writes nothing', async (_, overrides) => {
    await expect(recordOrder({ ...payload, ...overrides }, database.db)).rejects.toThrow();
    expect(await database.db.select().from(orderFact)).toEqual([]);
  });
});

test('seed writes one fact per planned order, in the plan currency', async () => {
  const orders = [
    { id: randomUUID(), channel: 'ONLINE_STORE', status: 'COMPLETED', createdAt: new Date('2026-03-02T00:00:00Z'), totalMinor: 12_345n },
    { id: randomUUID(), channel: 'POINT_OF_SALE', status: 'CANCELLED', createdAt: new Date('2026-03-03T00:00:00Z'), totalMinor: 500n },
  ];
  const plan = { currencyCode: 'THB', orders } as unknown as DemoPlan;
  await database.db.transaction((tx) => seed(tx, plan));
  expect(await summary()).toMatchObject({ gmv: { amount: '123.45' }, orderCount: 1 });
  expect(await database.db.select().from(orderFact)).toHaveLength(2);
});
