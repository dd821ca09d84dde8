import { graphql } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ANONYMOUS, log, statementCounter, type Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { reports } from '../src/index.js';
import { insertFacts, makeFact } from './factories.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertFacts(database.db, [
    makeFact({ totalMinor: 100_000n }),
    makeFact({ totalMinor: 50_001n }),
    makeFact({ currencyCode: 'USD', totalMinor: 2_500n }),
  ]);
});
afterAll(() => database.close());

function execute(source: string, variableValues?: Record<string, unknown>, principal: Principal = TEST_OPERATOR) {
  return graphql({
    schema: reports.schema,
    source,
    variableValues,
    contextValue: reports.createContext({ db: database.db, principal, requestId: 't', log, changes: [] }),
  });
}

const SUMMARY = `query ($from: DateTime!, $to: DateTime!, $currencyCode: CurrencyCode) {
  salesSummary(from: $from, to: $to, currencyCode: $currencyCode) {
    from to
    gmv { amount currencyCode }
    orderCount
    averageOrderValue { amount currencyCode }
  }
}`;

const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

test('salesSummary defaults to THB and answers with one SQL statement', async () => {
  const before = statementCounter.count;
  const result = await execute(SUMMARY, MARCH);
  expect(statementCounter.count - before).toBe(1);
  expect(result.errors).toBeUndefined();
  expect(result.data!.salesSummary).toMatchObject({
    gmv: { amount: '1500.01', currencyCode: 'THB' },
    orderCount: 2,
    averageOrderValue: { amount: '750.01', currencyCode: 'THB' },
  });
  const { from, to } = result.data!.salesSummary as { from: Date; to: Date };
  expect([new Date(from).toISOString(), new Date(to).toISOString()]).toEqual([
    '2026-03-01T00:00:00.000Z',
    '2026-04-01T00:00:00.000Z',
  ]);
});

test('salesSummary reports another currency when asked', async () => {
  const result = await execute(SUMMARY, { ...MARCH, currencyCode: 'USD' });
  expect(result.data!.salesSummary).toMatchObject({ gmv: { amount: '25.00', currencyCode: 'USD' }, orderCount: 1 });
});

test.each([
  ['from after to', { from: MARCH.to, to: MARCH.from }],
  ['a range over 366 days', { from: '2025-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' }],
  ['a date that is not ISO 8601', { from: 'yesterday', to: MARCH.to }],
  ['a date-time without a time zone', { from: '2026-03-01T00:00:00', to: MARCH.to }],
])('%s is a BAD_USER_INPUT error', async (_, variables) => {
  const result = await execute(SUMMARY, variables);
  // Range errors fail the field (data null); malformed dates fail variable coercion (no data).
  expect(result.data?.salesSummary ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('_entities resolves the Dashboard for staff only: a customer or an anonymous caller gets null', async () => {
  const query = `{ _entities(representations: [{ __typename: "Dashboard", id: "shop" }]) { ... on Dashboard { id } } }`;
  expect((await execute(query)).data).toEqual({ _entities: [{ id: 'shop' }] });
  const customer = { kind: 'customer' as const, memberId: '00000000-0000-4000-8000-000000000001', sessionId: 's' };
  for (const principal of [customer, ANONYMOUS]) {
    expect((await execute(query, undefined, principal)).data).toEqual({ _entities: [null] });
  }
});
