import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ANONYMOUS, type Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { seed } from '../src/seed.js';
import { listMembers, membersByIds } from '../src/service.js';
import { pointsBalancesOf } from '../src/loyalty/service.js';
import { pointsBalance, pointsEntry } from '../src/loyalty/tables.js';
import { member } from '../src/tables.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  // Ledger rows reference their member.
  await database.db.delete(pointsEntry);
  await database.db.delete(pointsBalance);
  await database.db.delete(member);
});

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

describe('listMembers', () => {
  test('lists newest first by default and pages forward and back without gaps or repeats', async () => {
    const rows = await insertMembers(database.db, [1, 2, 3, 4, 5].map(() => makeMember()));
    const newestFirst = rows.map((r) => r.id).reverse();

    const first = await listMembers(database.db, { first: 2 });
    const second = await listMembers(database.db, { first: 2, after: first.pageInfo.endCursor });
    const third = await listMembers(database.db, { first: 2, after: second.pageInfo.endCursor });
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(newestFirst);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const back = await listMembers(database.db, { last: 2, before: third.pageInfo.startCursor });
    expect(ids(back)).toEqual(newestFirst.slice(2, 4));
    expect(await first.totalCount()).toBe(5);
  });

  test('members written with the database clock in one statement page without repeats', async () => {
    const rows = await insertMembers(
      database.db,
      [1, 2, 3, 4, 5].map(() => ({ ...makeMember(), createdAt: undefined })),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof listMembers>> = await listMembers(database.db, { first: 2, after });
      seen.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(rows.map((r) => r.id).sort());
  });

  test('DISPLAY_NAME sorts A to Z, and reverse sorts Z to A', async () => {
    await insertMembers(database.db, ['Chai', 'Anong', 'Boon'].map((displayName) => makeMember({ displayName })));
    const names = async (reverse: boolean) =>
      (await listMembers(database.db, { sortKey: 'DISPLAY_NAME', reverse })).edges.map((e) => e.node.displayName);
    expect(await names(false)).toEqual(['Anong', 'Boon', 'Chai']);
    expect(await names(true)).toEqual(['Chai', 'Boon', 'Anong']);
  });

  test('query matches the display name only, case-insensitively, and treats % literally', async () => {
    const [somchai] = await insertMembers(database.db, [
      makeMember({ displayName: 'Somchai Jaidee', email: 'nok.fan@example.test' }),
      makeMember({ displayName: 'Nok', email: 'nok@example.test' }),
    ]);
    const search = async (query: string) => ids(await listMembers(database.db, { filter: { query } }));
    expect(await search('somCHAI')).toEqual([somchai!.id]);
    expect(await search('fan@')).toEqual([]);
    expect(await search('%')).toEqual([]);
  });

  test('contact matches email or phone, case-insensitively', async () => {
    const [somchai, , mali] = await insertMembers(database.db, [
      makeMember({ displayName: 'Somchai Jaidee', email: 'sj@example.test', phone: '+66 81 111 1111' }),
      makeMember({ displayName: 'Nok', email: 'nok@example.test', phone: '+66 82 222 2222' }),
      makeMember({ displayName: 'Mali', email: 'MALI.K@Example.test', phone: '+66 83 333 3333' }),
    ]);
    const search = async (contact: string) => ids(await listMembers(database.db, { filter: { contact } }));
    expect(await search('mali.k@')).toEqual([mali!.id]);
    expect(await search('81 111')).toEqual([somchai!.id]);
    expect(await search('Somchai')).toEqual([]);
  });

  test('a whole email address or phone number finds exactly that member, whatever its case or format', async () => {
    const [kanya, joKanya] = await insertMembers(database.db, [
      makeMember({ displayName: 'Kanya', email: 'kanya@example.test', phone: '+66 84 444 4444' }),
      makeMember({ displayName: 'Jo Kanya', email: 'jo.kanya@example.test', phone: '+66 84 444 4445' }),
    ]);
    const search = async (contact: string) => ids(await listMembers(database.db, { filter: { contact } }));
    expect(await search('KANYA@Example.test')).toEqual([kanya!.id]);
    expect(await search('084-444-4444')).toEqual([kanya!.id]);
    // A fragment still matches inside: both addresses hold "kanya@", both numbers "444 444".
    expect((await search('kanya@')).sort()).toEqual([kanya!.id, joKanya!.id].sort());
    expect((await search('444 444')).sort()).toEqual([kanya!.id, joKanya!.id].sort());
  });

  test('tier filter keeps only the listed tiers and totalCount follows the filter', async () => {
    await insertMembers(database.db, [
      makeMember({ tier: 'BRONZE' }),
      makeMember({ tier: 'GOLD' }),
      makeMember({ tier: 'PLATINUM' }),
    ]);
    const page = await listMembers(database.db, { filter: { tier: ['GOLD', 'PLATINUM'] } });
    expect(page.edges.map((e) => e.node.tier).sort()).toEqual(['GOLD', 'PLATINUM']);
    expect(await page.totalCount()).toBe(2);
  });

  test('archived members leave the list but still load by id', async () => {
    const [kept, archived] = await insertMembers(database.db, [
      makeMember(),
      makeMember({ archivedAt: new Date() }),
    ]);
    const page = await listMembers(database.db, {});
    expect(ids(page)).toEqual([kept!.id]);
    expect(await page.totalCount()).toBe(1);
    expect((await membersByIds(database.db, [archived!.id], TEST_OPERATOR)).map((r) => r.id)).toEqual([archived!.id]);
  });
});

test('membersByIds ignores malformed ids instead of failing the batch', async () => {
  const [row] = await insertMembers(database.db, [makeMember()]);
  const found = await membersByIds(database.db, [row!.id, 'not-a-uuid'], TEST_OPERATOR);
  expect(found.map((r) => r.id)).toEqual([row!.id]);
});

test('seed writes every planned member with its tier, points and enrolment time', async () => {
  const planned = [1, 2, 3].map(() => makeMember({ tier: 'SILVER', points: 120 }));
  const plan = {
    currencyCode: 'THB',
    members: planned.map((m) => ({ ...m, phone: m.phone!, createdAt: m.createdAt! })),
  } as unknown as DemoPlan;
  await database.db.transaction((tx) => seed(tx, plan));
  const rows = await membersByIds(database.db, planned.map((m) => m.id!), TEST_OPERATOR);
  expect(rows).toHaveLength(3);
  expect(rows.every((r) => r.tier === 'SILVER')).toBe(true);
  expect(await pointsBalancesOf(database.db, planned.map((m) => m.id))).toEqual([120, 120, 120]);
  expect(rows.every((r) => r.createdAt.getTime() === r.updatedAt.getTime())).toBe(true);
});

describe('membersByIds row rule', () => {
  test('a customer loads only their own member, an anonymous caller none, staff and partners any', async () => {
    const [own, other] = await insertMembers(database.db, [makeMember(), makeMember()]);
    const both = [own!.id, other!.id];
    const customer = { kind: 'customer', memberId: own!.id, sessionId: randomUUID() } as const;
    const partner: Principal = { kind: 'partner', apiKeyId: randomUUID(), scopes: ['members:read'] };
    const idsOf = async (principal: Principal) => (await membersByIds(database.db, both, principal)).map((r) => r.id).sort();
    expect(await idsOf(customer)).toEqual([own!.id]);
    expect(await idsOf(ANONYMOUS)).toEqual([]);
    expect(await idsOf(TEST_OPERATOR)).toEqual([...both].sort());
    expect(await idsOf(partner)).toEqual([...both].sort());
  });

  test('rows never carry the password hash', async () => {
    const [row] = await insertMembers(database.db, [makeMember({ passwordHash: 'not-a-real-hash' })]);
    const [loaded] = await membersByIds(database.db, [row!.id], TEST_OPERATOR);
    expect(loaded).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(loaded)).not.toContain('not-a-real-hash');
  });
});
