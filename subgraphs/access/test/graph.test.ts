import { graphql } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { log, statementCounter } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { access } from '../src/index.js';
import { insertStaff, makeStaff } from './factories.js';

let database: TestDatabase;
let rows: Awaited<ReturnType<typeof insertStaff>>;

beforeAll(async () => {
  database = await createTestDatabase();
  rows = await insertStaff(database.db, [
    makeStaff({ email: 'ann@shop.test', displayName: 'Ann', locale: 'th' }),
    makeStaff({ email: 'wei@shop.test', displayName: 'Wei', locale: 'zh-TW' }),
  ]);
});
afterAll(() => database.close());

function execute(source: string, variableValues?: Record<string, unknown>) {
  return graphql({
    schema: access.schema,
    source,
    variableValues,
    contextValue: access.createContext({ db: database.db, principal: { kind: 'anonymous' }, requestId: 't', log }),
  });
}

test('me is null for an anonymous request, without touching the database', async () => {
  const before = statementCounter.count;
  const result = await execute(`{ me { id email } }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ me: null });
  expect(statementCounter.count).toBe(before);
});

test('_entities resolves staff in request order with one query, and null for an unknown id', async () => {
  const representations = [
    { __typename: 'Staff', id: rows[1]!.id },
    { __typename: 'Staff', id: '00000000-0000-4000-8000-000000000000' },
    { __typename: 'Staff', id: rows[0]!.id },
  ];
  const before = statementCounter.count;
  const result = await execute(
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Staff { id email displayName locale } }
    }`,
    { representations },
  );
  expect(result.errors).toBeUndefined();
  expect(statementCounter.count - before).toBe(1);
  expect(result.data!._entities).toEqual([
    { id: rows[1]!.id, email: 'wei@shop.test', displayName: 'Wei', locale: 'zh-TW' },
    null,
    { id: rows[0]!.id, email: 'ann@shop.test', displayName: 'Ann', locale: 'th' },
  ]);
});
