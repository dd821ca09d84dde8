import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { seed } from '../src/seed.js';
import { couponsByIds, couponStatus, listCoupons } from '../src/service.js';
import { coupon } from '../src/tables.js';
import { insertCoupons, makeCoupon } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(coupon);
});

describe('couponStatus', () => {
  const window = { startsAt: new Date('2026-03-01T00:00:00Z'), endsAt: new Date('2026-04-01T00:00:00Z'), archivedAt: null };

  test('is SCHEDULED before the start, ACTIVE from the start, EXPIRED from the end', () => {
    expect(couponStatus(window, new Date('2026-02-28T23:59:59.999Z'))).toBe('SCHEDULED');
    expect(couponStatus(window, new Date('2026-03-01T00:00:00Z'))).toBe('ACTIVE');
    expect(couponStatus(window, new Date('2026-03-31T23:59:59.999Z'))).toBe('ACTIVE');
    expect(couponStatus(window, new Date('2026-04-01T00:00:00Z'))).toBe('EXPIRED');
  });

  test('is ARCHIVED once archived, whatever the dates', () => {
    expect(couponStatus({ ...window, archivedAt: new Date() }, new Date('2026-03-15T00:00:00Z'))).toBe('ARCHIVED');
  });
});

test('listCoupons lists newest first, archived included, and pages with cursors', async () => {
  const rows = await insertCoupons(database.db, [makeCoupon(), makeCoupon({ archivedAt: new Date() }), makeCoupon()]);
  const newestFirst = rows.map((r) => r.id).reverse();
  const first = await listCoupons(database.db, { first: 2 });
  const rest = await listCoupons(database.db, { first: 2, after: first.pageInfo.endCursor });
  expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(newestFirst);
  expect(rest.pageInfo.hasNextPage).toBe(false);
  expect(await first.totalCount()).toBe(3);
});

describe('the database refuses coupons no checkout could apply', () => {
  test.each([
    ['a percentage over 100', { value: 101n }, 'coupon_percent_at_most_100'],
    ['a zero value', { value: 0n }, 'coupon_value_positive'],
    ['a negative minimum spend', { minimumSpendMinor: -1n }, 'coupon_minimum_spend_not_negative'],
    [
      'an end before the start',
      { startsAt: new Date('2026-02-01T00:00:00Z'), endsAt: new Date('2026-01-01T00:00:00Z') },
      'coupon_ends_after_start',
    ],
  ])('%s', async (_, overrides, constraint) => {
    await expect(insertCoupons(database.db, [makeCoupon(overrides)])).rejects.toMatchObject({
      cause: { constraint_name: constraint },
    });
  });

  test('a duplicate code', async () => {
    await insertCoupons(database.db, [makeCoupon({ code: 'ONCE' })]);
    await expect(insertCoupons(database.db, [makeCoupon({ code: 'ONCE' })])).rejects.toMatchObject({
      cause: { constraint_name: 'coupon_code_unique' },
    });
  });
});

test('a fixed amount may exceed 100 minor units', async () => {
  await expect(insertCoupons(database.db, [makeCoupon({ kind: 'FIXED_AMOUNT', value: 50_000n })])).resolves.toHaveLength(1);
});

test('seed writes every planned coupon in the plan currency', async () => {
  const planned = [makeCoupon({ kind: 'FIXED_AMOUNT', value: 10_000n }), makeCoupon()];
  // No catalog: the demo flash sale and group buy, which need products, are left out.
  const plan = { currencyCode: 'CNY', coupons: planned, products: [] } as unknown as DemoPlan;
  await database.db.transaction((tx) => seed(tx, plan));
  const rows = await couponsByIds(database.db, planned.map((c) => c.id!));
  expect(rows).toHaveLength(2);
  expect(rows.every((r) => r.currencyCode === 'CNY')).toBe(true);
});
