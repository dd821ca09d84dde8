import { graphql } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { log, statementCounter } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { members } from '../src/index.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;
let rows: Awaited<ReturnType<typeof insertMembers>>;

beforeAll(async () => {
  database = await createTestDatabase();
  rows = await insertMembers(database.db, [
    makeMember({ displayName: 'Anong', tier: 'GOLD', points: 1500 }),
    makeMember({ displayName: 'Boon' }),
    makeMember({ displayName: 'Chai' }),
  ]);
});
afterAll(() => database.close());

function execute(source: string, variableValues?: Record<string, unknown>) {
  return graphql({
    schema: members.schema,
    source,
    variableValues,
    contextValue: members.createContext({ db: database.db, principal: { kind: 'anonymous' }, requestId: 't', log }),
  });
}

test('members returns a connection with cursors, page info and total count', async () => {
  const result = await execute(`{
    members(first: 2, sortKey: DISPLAY_NAME) {
      edges { cursor node { id displayName tier points createdAt } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
      totalCount
    }
  }`);
  expect(result.errors).toBeUndefined();
  const connection = result.data!.members as any;
  expect(connection.edges.map((e: any) => e.node.displayName)).toEqual(['Anong', 'Boon']);
  expect(connection.edges[0].node).toMatchObject({ tier: 'GOLD', points: 1500 });
  expect(typeof connection.edges[0].cursor).toBe('string');
  expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(connection.totalCount).toBe(3);
});

test('members filters by tier through the API', async () => {
  const result = await execute(`{ members(filter: { tier: [GOLD] }) { edges { node { displayName } } } }`);
  expect((result.data!.members as any).edges).toEqual([{ node: { displayName: 'Anong' } }]);
});

test('a page size over 100 is a BAD_USER_INPUT error', async () => {
  const result = await execute(`{ members(first: 101) { totalCount } }`);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('member returns null for an unknown or malformed id', async () => {
  const result = await execute(`{
    unknown: member(id: "00000000-0000-4000-8000-000000000000") { id }
    malformed: member(id: "nope") { id }
  }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ unknown: null, malformed: null });
});

test('email and phone are not part of the API yet', async () => {
  const result = await execute(`{ member(id: "${rows[0]!.id}") { email phone } }`);
  expect(result.errors?.map((e) => e.message).join(' ')).toMatch(/Cannot query field "email"/);
});

test('_entities resolves members in request order with one query for the batch', async () => {
  const representations = [rows[2]!, rows[0]!, rows[2]!].map((r) => ({ __typename: 'Member', id: r.id }));
  const before = statementCounter.count;
  const result = await execute(
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Member { id displayName } }
    }`,
    { representations },
  );
  expect(result.errors).toBeUndefined();
  expect(statementCounter.count - before).toBe(1);
  expect(result.data!._entities).toEqual([
    { id: rows[2]!.id, displayName: 'Chai' },
    { id: rows[0]!.id, displayName: 'Anong' },
    { id: rows[2]!.id, displayName: 'Chai' },
  ]);
});
