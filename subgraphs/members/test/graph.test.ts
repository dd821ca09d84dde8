import { randomUUID } from 'node:crypto';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ANONYMOUS, log, statementCounter, type Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { members } from '../src/index.js';
import { insertMembers, makeMember } from './factories.js';
import { dataOf, type Connection } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let rows: Awaited<ReturnType<typeof insertMembers>>;

beforeAll(async () => {
  database = await createTestDatabase();
  rows = await insertMembers(database.db, [
    makeMember({ displayName: 'Anong', tier: 'GOLD', points: 1500, email: 'anong.s@example.test', phone: '+66812345612' }),
    makeMember({ displayName: 'Boon', phone: null }),
    makeMember({ displayName: 'Chai' }),
  ]);
});
afterAll(() => database.close());

function execute(source: string, variableValues?: Record<string, unknown>, principal: Principal = TEST_OPERATOR) {
  return graphql({
    schema: members.schema,
    source,
    variableValues,
    contextValue: members.createContext({ db: database.db, principal, requestId: 't', log, changes: [] }),
  });
}

const customerOf = (memberId: string): Principal => ({ kind: 'customer', memberId, sessionId: randomUUID() });

test('members returns a connection with cursors, page info and total count', async () => {
  const result = await execute(`{
    members(first: 2, sortKey: DISPLAY_NAME) {
      edges { cursor node { id displayName tier points createdAt } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
      totalCount
    }
  }`);
  expect(result.errors).toBeUndefined();
  const connection = dataOf<{ members: Connection<{ displayName: string }> }>(result).members;
  expect(connection.edges.map((e) => e.node.displayName)).toEqual(['Anong', 'Boon']);
  expect(connection.edges[0].node).toMatchObject({ tier: 'GOLD', points: 1500 });
  expect(typeof connection.edges[0].cursor).toBe('string');
  expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(connection.totalCount).toBe(3);
});

test('members filters by tier through the API', async () => {
  const result = await execute(`{ members(filter: { tier: [GOLD] }) { edges { node { displayName } } } }`);
  expect(dataOf<{ members: Connection<unknown> }>(result).members.edges).toEqual([{ node: { displayName: 'Anong' } }]);
});

test('filtering by contact data is FORBIDDEN without members:read_pii, and finds the member with it', async () => {
  const query = `{ members(filter: { contact: "anong.s@" }) { edges { node { displayName } } } }`;
  const analyst: Principal = { ...TEST_OPERATOR, scopes: ['members:read'] } as Principal;
  const denied = await execute(query, undefined, analyst);
  expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(denied.data).toEqual({ members: null });
  const allowed = await execute(query);
  expect(dataOf<{ members: Connection<unknown> }>(allowed).members.edges).toEqual([{ node: { displayName: 'Anong' } }]);
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

test('member carries the email and phone, and their masked forms', async () => {
  const result = await execute(`{
    anong: member(id: "${rows[0]!.id}") { email phone maskedEmail maskedPhone }
    boon: member(id: "${rows[1]!.id}") { phone maskedPhone }
  }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    anong: { email: 'anong.s@example.test', phone: '+66812345612', maskedEmail: 'an***@example.test', maskedPhone: '+66 8** *** *12' },
    boon: { phone: null, maskedPhone: null },
  });
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

describe('row rules', () => {
  test('a customer resolves only their own Member entity; another member and anonymous callers get null', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Member { id email phone } }
    }`;
    const representations = [rows[0]!, rows[1]!].map((r) => ({ __typename: 'Member', id: r.id }));
    const asCustomer = await execute(query, { representations }, customerOf(rows[1]!.id));
    expect(asCustomer.errors).toBeUndefined();
    expect(asCustomer.data!._entities).toEqual([null, { id: rows[1]!.id, email: rows[1]!.email, phone: null }]);
    const asAnonymous = await execute(query, { representations }, ANONYMOUS);
    expect(asAnonymous.data!._entities).toEqual([null, null]);
  });

  test('customers and anonymous callers cannot enter member(id) or members at all', async () => {
    for (const principal of [customerOf(rows[0]!.id), ANONYMOUS]) {
      const result = await execute(`{ member(id: "${rows[0]!.id}") { id } members { totalCount } }`, undefined, principal);
      expect(result.data).toEqual({ member: null, members: null });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    }
  });

  test('myProfile returns the caller own member and contact data, whoever else exists', async () => {
    const result = await execute(
      `{ myProfile { email phone member { id displayName tier points maskedEmail } } }`,
      undefined,
      customerOf(rows[0]!.id),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      myProfile: {
        email: 'anong.s@example.test',
        phone: '+66812345612',
        member: { id: rows[0]!.id, displayName: 'Anong', tier: 'GOLD', points: 1500, maskedEmail: 'an***@example.test' },
      },
    });
  });

  test('myProfile is FORBIDDEN for staff and anonymous callers', async () => {
    for (const principal of [TEST_OPERATOR, ANONYMOUS]) {
      const result = await execute(`{ myProfile { email } }`, undefined, principal);
      expect(result.data).toEqual({ myProfile: null });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

test('totalCount is exact up to 1,000 members; past that it stays 1,000 with totalCountPrecision AT_LEAST', async () => {
  const count = `{ members(filter: { tag: "count-cap" }) { totalCount totalCountPrecision } }`;
  const counted = async () => dataOf<{ members: { totalCount: number; totalCountPrecision: string } }>(await execute(count)).members;
  await insertMembers(database.db, Array.from({ length: 1000 }, () => makeMember({ tags: ['count-cap'] })));
  expect(await counted()).toEqual({ totalCount: 1000, totalCountPrecision: 'EXACT' });
  await insertMembers(database.db, [makeMember({ tags: ['count-cap'] })]);
  expect(await counted()).toEqual({ totalCount: 1000, totalCountPrecision: 'AT_LEAST' });
});
