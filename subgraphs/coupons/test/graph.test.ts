import { graphql } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { log, statementCounter } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { coupons } from '../src/index.js';
import { insertCoupons, makeCoupon } from './factories.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { dataOf, type Connection } from '../../../tests/kit/shape.js';

const DAY = 86_400_000;
let database: TestDatabase;
let rows: Awaited<ReturnType<typeof insertCoupons>>;

beforeAll(async () => {
  database = await createTestDatabase();
  rows = await insertCoupons(database.db, [
    makeCoupon({ code: 'TENOFF', kind: 'PERCENTAGE', value: 10n, minimumSpendMinor: 50_000n }),
    makeCoupon({ code: 'BAHT100', kind: 'FIXED_AMOUNT', value: 10_000n, startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + 2 * DAY) }),
    makeCoupon({ code: 'GONE', startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) }),
  ]);
});
afterAll(() => database.close());

function execute(source: string, variableValues?: Record<string, unknown>) {
  return graphql({
    schema: coupons.schema,
    source,
    variableValues,
    contextValue: coupons.createContext({ db: database.db, principal: TEST_OPERATOR, requestId: 't', log, changes: [] }),
  });
}

const COUPON_FIELDS = `id code kind percentOff amountOff { amount currencyCode } minimumSpend { amount currencyCode } status`;

test('coupons lists newest first with discount, minimum spend and status', async () => {
  const result = await execute(`{ coupons(first: 10) { edges { node { ${COUPON_FIELDS} } } totalCount } }`);
  expect(result.errors).toBeUndefined();
  type Coupon = { code: string; status: string };
  const nodes = dataOf<{ coupons: Connection<Coupon> }>(result).coupons.edges.map((e) => e.node);
  expect(nodes.map((n) => n.code)).toEqual(['GONE', 'BAHT100', 'TENOFF']);
  expect(nodes[2]).toMatchObject({
    kind: 'PERCENTAGE', percentOff: 10, amountOff: null,
    minimumSpend: { amount: '500.00', currencyCode: 'THB' }, status: 'ACTIVE',
  });
  expect(nodes[1]).toMatchObject({
    kind: 'FIXED_AMOUNT', percentOff: null, amountOff: { amount: '100.00', currencyCode: 'THB' }, status: 'SCHEDULED',
  });
  expect(nodes[0].status).toBe('EXPIRED');
  expect(dataOf<{ coupons: Connection<Coupon> }>(result).coupons.totalCount).toBe(3);
});

test('coupon returns null for an unknown id', async () => {
  const result = await execute(`{ coupon(id: "00000000-0000-4000-8000-000000000000") { id } }`);
  expect(result.data).toEqual({ coupon: null });
});

test('_entities resolves coupons in request order with one query for the batch', async () => {
  const representations = [rows[1]!, rows[0]!].map((r) => ({ __typename: 'Coupon', id: r.id }));
  const before = statementCounter.count;
  const result = await execute(
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Coupon { code } } }`,
    { representations },
  );
  expect(result.errors).toBeUndefined();
  expect(statementCounter.count - before).toBe(1);
  expect(result.data!._entities).toEqual([{ code: 'BAHT100' }, { code: 'TENOFF' }]);
});
