import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { appendAudit, type AuditEntryInput } from '../src/audit/service.js';
import { access } from '../src/index.js';
import { dataOf, type Connection } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let execute: ReturnType<typeof subgraphExecutor>;

const ANN = '00000000-0000-4000-8000-00000000a001';
const BOB = '00000000-0000-4000-8000-00000000b002';

/** Seven entries, oldest first: Ann's come first and one of them failed. */
const ENTRIES: Partial<AuditEntryInput>[] = [
  { actorId: ANN, rootFields: ['productCreate'], outcome: 'SUCCESS' },
  { actorId: ANN, rootFields: ['productUpdate'], outcome: 'USER_ERROR', errorCodes: ['INVALID'] },
  { actorId: ANN, rootFields: ['productUpdate', 'productArchive'], outcome: 'SUCCESS' },
  { actorId: BOB, rootFields: ['staffCreate'], outcome: 'FORBIDDEN', errorCodes: ['FORBIDDEN'] },
  { actorId: BOB, rootFields: ['roleCreate'], outcome: 'SUCCESS', changes: { title: { before: null, after: 'Packer' } } },
  { actorId: null, principalKind: 'ANONYMOUS', rootFields: ['customerLogin'], outcome: 'USER_ERROR' },
  { actorId: BOB, rootFields: ['productUpdate'], outcome: 'ERROR', errorCodes: ['INTERNAL'] },
];

beforeAll(async () => {
  database = await createTestDatabase();
  execute = subgraphExecutor(access, database.db);
  for (const [i, overrides] of ENTRIES.entries()) {
    await appendAudit(database.db, {
      principalKind: 'STAFF',
      actorId: null,
      operationName: `Op${i}`,
      rootFields: [],
      arguments: { [`op${i}`]: { input: { n: i, password: 'never shown' } } },
      outcome: 'SUCCESS',
      errorCodes: [],
      requestId: `req-${i}`,
      ...overrides,
    });
  }
});
afterAll(() => database.close());

const LIST = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter) {
  auditLog(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id operationName rootFields outcome } }
  }
}`;

async function list(variables: Record<string, unknown>) {
  const result = await execute(LIST, variables);
  expect(result.errors).toBeUndefined();
  return dataOf<{ auditLog: Connection<AuditNode> }>(result).auditLog;
}

type AuditNode = { id: string; at: string; operationName: string; changes: string | null; hash: string };

const names = (page: Connection<AuditNode>) => page.edges.map((e) => e.node.operationName);

test('lists the newest entries first and pages forward and back without gaps', async () => {
  const first = await list({ first: 3 });
  expect(names(first)).toEqual(['Op6', 'Op5', 'Op4']);
  expect(first.totalCount).toBe(7);
  expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  const second = await list({ first: 3, after: first.pageInfo.endCursor });
  const third = await list({ first: 3, after: second.pageInfo.endCursor });
  expect([...names(second), ...names(third)]).toEqual(['Op3', 'Op2', 'Op1', 'Op0']);
  expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  const back = await list({ last: 2, before: third.pageInfo.startCursor });
  expect(names(back)).toEqual(['Op2', 'Op1']);
});

test('every field of an entry comes back, the arguments redacted and as JSON text', async () => {
  const result = await execute(`{ auditLog(first: 3) { edges { node {
    id at principalKind actorId operationName rootFields variables outcome errorCodes changes
    clientAddress userAgent requestId hash
  } } } }`);
  expect(result.errors).toBeUndefined();
  const [anonymous, roleCreate] = dataOf<{ auditLog: Connection<AuditNode> }>(result).auditLog.edges.slice(1).map((e) => e.node);
  expect(anonymous).toMatchObject({
    principalKind: 'ANONYMOUS',
    actorId: null,
    rootFields: ['customerLogin'],
    variables: '{"op5":{"input":{"n":5,"password":"[REDACTED]"}}}',
    outcome: 'USER_ERROR',
    changes: null,
    requestId: 'req-5',
  });
  expect(anonymous.id).toMatch(/^\d+$/);
  expect(anonymous.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(new Date(anonymous.at).getTime()).not.toBeNaN();
  expect(roleCreate.changes).toBe('{"title":{"after":"Packer","before":null}}');
});

test.each([
  ['actorId', { actorId: ANN }, ['Op2', 'Op1', 'Op0']],
  ['rootField (any of the fields)', { rootField: 'productUpdate' }, ['Op6', 'Op2', 'Op1']],
  ['outcome', { outcome: 'USER_ERROR' }, ['Op5', 'Op1']],
  ['an unknown outcome, which matches nothing', { outcome: 'MAYBE' }, []],
  ['actor and root field together', { actorId: BOB, rootField: 'productUpdate' }, ['Op6']],
])('filters by %s, and totalCount follows the filter', async (_, filter, expected) => {
  const page = await list({ filter });
  expect(names(page)).toEqual(expected);
  expect(page.totalCount).toBe(expected.length);
});

test('filters by time: from is inclusive, to exclusive', async () => {
  const all = (await list({ first: 10 })).edges.map((e) => e.node.id);
  const times = await execute(`{ auditLog(first: 10) { edges { node { id at } } } }`);
  const atById = new Map(dataOf<{ auditLog: Connection<AuditNode> }>(times).auditLog.edges.map((e) => [e.node.id, e.node.at]));
  const from = atById.get(all[4]) as string;
  const page = await list({ filter: { from, to: new Date(Date.now() + 60_000).toISOString() } });
  expect(page.edges.length).toBeGreaterThanOrEqual(5);
  expect(page.edges.every((e: any) => (atById.get(e.node.id) as string) >= from)).toBe(true);
  expect((await list({ filter: { to: from } })).edges.every((e: any) => (atById.get(e.node.id) as string) < from)).toBe(true);
});

test('a cursor from another list is BAD_USER_INPUT', async () => {
  const foreign = Buffer.from(JSON.stringify(['2026-01-01', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
  const result = await execute(LIST, { after: foreign });
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
