import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ANONYMOUS, statementCounter, type Principal } from '@shop/kit';
import { BUILT_IN_ROLES, SCOPES } from '../../../schema/scopes.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { authenticate } from '../src/commands.js';
import { THROTTLE } from '../src/sessions/index.js';
import { role, staff } from '../src/tables.js';
import { createAccount, dumpAccess, executeAs, PASSWORD, signIn, type StaffPrincipal } from './factories.js';

let database: TestDatabase;
let owner: StaffPrincipal;
let admin: StaffPrincipal;
let adminEmail: string;
let customRoleId: string;
let ownerRoleId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = (await signIn(database.db, (await createAccount(database.db, ['owner'], { email: 'boss@shop.test' })).email)).principal;
  adminEmail = (await createAccount(database.db, ['admin'], { email: 'ann@shop.test' })).email;
  admin = (await signIn(database.db, adminEmail)).principal;
  const [custom] = await database.db.insert(role).values({ name: 'packer', title: 'Packer', scopes: ['stock:read'] }).returning();
  customRoleId = custom!.id;
  ownerRoleId = (await database.db.select().from(role).where(eq(role.name, 'owner')))[0]!.id;
});
afterAll(() => database.close());

const run = (principal: Principal, source: string, variables?: Record<string, unknown>) =>
  executeAs(database.db, principal, source, variables);

/** Runs a one-mutation operation and returns its payload, failing on GraphQL errors. */
async function mutation(principal: Principal, name: string, input: unknown, selection = '') {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const result = await run(
    principal,
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { field code message } } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return (result.data as Record<string, Record<string, unknown> & { userErrors: { field: string[] | null; code: string }[] }>)[name]!;
}

const STAFF = 'staff { id email displayName locale disabled roles { name } scopes lastLoginAt createdAt }';

describe('every userError code, with nothing written', () => {
  const cases: [string, string, string, string[] | null, () => Principal, () => unknown][] = [
    ['staffCreate', 'password under 12 characters', 'WEAK_PASSWORD', ['input', 'password'], () => owner, () => ({ email: 'new@shop.test', displayName: 'New', password: 'short pass', roles: [] })],
    ['staffCreate', 'email of another account, in other case', 'EMAIL_TAKEN', ['input', 'email'], () => owner, () => ({ email: 'ANN@shop.test', displayName: 'Ann 2', password: PASSWORD, roles: [] })],
    ['staffCreate', 'a role that does not exist', 'UNKNOWN_ROLE', ['input', 'roles', '1'], () => owner, () => ({ email: 'new@shop.test', displayName: 'New', password: PASSWORD, roles: ['analyst', 'wizard'] })],
    ['staffCreate', 'no email address', 'INVALID', ['input', 'email'], () => owner, () => ({ email: 'not an email', displayName: 'New', password: PASSWORD, roles: [] })],
    ['staffCreate', 'a malformed locale', 'INVALID', ['input', 'locale'], () => owner, () => ({ email: 'new@shop.test', displayName: 'New', password: PASSWORD, roles: [], locale: 'not a locale!' })],
    ['staffCreate', 'the owner role granted by an admin', 'OWNER_REQUIRED', ['input', 'roles'], () => admin, () => ({ email: 'new@shop.test', displayName: 'New', password: PASSWORD, roles: ['owner'] })],
    ['staffUpdate', 'an unknown id', 'NOT_FOUND', ['input', 'id'], () => owner, () => ({ id: randomUUID(), displayName: 'X' })],
    ['staffUpdate', 'a malformed id', 'NOT_FOUND', ['input', 'id'], () => owner, () => ({ id: 'staff-1', displayName: 'X' })],
    ['staffUpdate', 'a role that does not exist', 'UNKNOWN_ROLE', ['input', 'roles', '0'], () => owner, () => ({ id: admin.staffId, roles: ['nope'] })],
    ['staffUpdate', 'the owner role taken from the last owner', 'LAST_OWNER', ['input', 'roles'], () => owner, () => ({ id: owner.staffId, roles: ['admin'] })],
    ['staffUpdate', 'an admin granting themselves owner', 'OWNER_REQUIRED', ['input', 'roles'], () => admin, () => ({ id: admin.staffId, roles: ['admin', 'owner'] })],
    ['staffDisable', 'the caller themselves', 'LAST_OWNER', ['input', 'id'], () => admin, () => ({ id: admin.staffId })],
    ['staffDisable', 'the last owner, by the owner', 'LAST_OWNER', ['input', 'id'], () => owner, () => ({ id: owner.staffId })],
    ['staffDisable', 'an owner, by an admin', 'OWNER_REQUIRED', ['input', 'id'], () => admin, () => ({ id: owner.staffId })],
    ['staffDisable', 'an unknown id', 'NOT_FOUND', ['input', 'id'], () => owner, () => ({ id: randomUUID() })],
    ['roleCreate', 'a scope outside the catalog', 'UNKNOWN_SCOPE', ['input', 'scopes', '1'], () => owner, () => ({ name: 'packing', title: 'Packing', scopes: ['stock:read', 'stock:steal'] })],
    ['roleCreate', 'the name of a built-in role', 'NAME_TAKEN', ['input', 'name'], () => owner, () => ({ name: 'owner', title: 'Second owner', scopes: [] })],
    ['roleCreate', 'the name of a custom role', 'NAME_TAKEN', ['input', 'name'], () => owner, () => ({ name: 'packer', title: 'Packer 2', scopes: [] })],
    ['roleCreate', 'a malformed name', 'INVALID', ['input', 'name'], () => owner, () => ({ name: 'Packing Team', title: 'Packing', scopes: [] })],
    ['roleUpdate', 'a built-in role', 'BUILT_IN_ROLE', ['input', 'id'], () => owner, () => ({ id: ownerRoleId, scopes: ['catalog:read'] })],
    ['roleUpdate', 'an unknown id', 'NOT_FOUND', ['input', 'id'], () => owner, () => ({ id: randomUUID(), title: 'X' })],
    ['roleUpdate', 'a scope outside the catalog', 'UNKNOWN_SCOPE', ['input', 'scopes', '0'], () => owner, () => ({ id: customRoleId, scopes: ['root'] })],
    ['apiKeyCreate', 'a scope outside the catalog', 'UNKNOWN_SCOPE', ['input', 'scopes', '1'], () => owner, () => ({ name: 'ERP', scopes: ['catalog:read', 'everything'] })],
    ['apiKeyCreate', 'an expiry in the past', 'INVALID', ['input', 'expiresAt'], () => owner, () => ({ name: 'ERP', scopes: [], expiresAt: '2020-01-01T00:00:00Z' })],
    ['apiKeyRevoke', 'an unknown id', 'NOT_FOUND', ['input', 'id'], () => owner, () => ({ id: randomUUID() })],
  ];

  test.each(cases)('%s with %s returns %s', async (name, _what, code, field, actor, input) => {
    const before = await dumpAccess(database.db);
    const payload = await mutation(actor(), name, input());
    expect(payload.userErrors).toMatchObject([{ code, field }]);
    expect(await dumpAccess(database.db)).toEqual(before);
  });

  test('stepUpConfirm with a wrong password returns INVALID_CREDENTIALS and records only the attempt', async () => {
    const before = await dumpAccess(database.db, ['login_attempt']);
    const payload = await mutation(admin, 'stepUpConfirm', { password: 'not my password' }, 'stepUpToken');
    expect(payload).toMatchObject({ stepUpToken: null, userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'password'] }] });
    expect(await dumpAccess(database.db, ['login_attempt'])).toEqual(before);
  });

  test('staffLogin failures return INVALID_CREDENTIALS, ACCOUNT_DISABLED and LOGIN_THROTTLED and open no session', async () => {
    const account = await createAccount(database.db, [], { email: 'gone@shop.test' });
    await database.db.update(staff).set({ disabled: true }).where(eq(staff.id, account.id));
    const before = await dumpAccess(database.db, ['login_attempt']);
    const login = (email: string, password: string) => mutation(ANONYMOUS, 'staffLogin', { email, password }, 'token staff { id }');
    expect(await login('gone@shop.test', PASSWORD)).toMatchObject({ token: null, staff: null, userErrors: [{ code: 'ACCOUNT_DISABLED' }] });
    // The disabled sign-in was no success either: together with these it fills the window.
    for (let i = 1; i < THROTTLE.perEmail; i += 1) {
      expect(await login('gone@shop.test', 'wrong password')).toMatchObject({ userErrors: [{ code: 'INVALID_CREDENTIALS', field: null }] });
    }
    expect(await login('gone@shop.test', PASSWORD)).toMatchObject({ token: null, userErrors: [{ code: 'LOGIN_THROTTLED' }] });
    expect(await dumpAccess(database.db, ['login_attempt'])).toEqual(before);
  });
});

test('staffLogin returns a working session token and who signed in; the account data through me', async () => {
  const payload = await mutation(ANONYMOUS, 'staffLogin', { email: 'Ann@Shop.test', password: PASSWORD }, `token expiresAt staff { id displayName locale }`);
  expect(payload.userErrors).toEqual([]);
  expect(payload.staff).toMatchObject({ id: admin.staffId, locale: expect.any(String) });
  const session = await authenticate(database.db, payload.token as string);
  expect(session).toMatchObject({ kind: 'staff', staffId: admin.staffId });
  expect((await run(session as Principal, `{ me { email roles { name } scopes } }`)).data!.me).toEqual({
    email: 'ann@shop.test', roles: [{ name: 'admin' }], scopes: [...BUILT_IN_ROLES.admin!.scopes].sort(),
  });
});

test("a staff member's account data is for themselves, administrators and auditors: FORBIDDEN to colleagues", async () => {
  const clerk = (await signIn(database.db, (await createAccount(database.db, ['inventory_clerk'])).email)).principal;
  const auditor = (await signIn(database.db, (await createAccount(database.db, ['auditor'])).email)).principal;
  const read = (principal: Principal, id: string) =>
    run(principal, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Staff { id displayName email roles { name } scopes lastLoginAt disabled } } }`, {
      r: [{ __typename: 'Staff', id }],
    });
  const own = await read(clerk, clerk.staffId);
  expect(own.errors).toBeUndefined();
  expect(own.data!._entities).toMatchObject([{ id: clerk.staffId, email: expect.any(String), roles: [{ name: 'inventory_clerk' }] }]);
  const colleague = await read(clerk, admin.staffId);
  expect(colleague.data!._entities).toMatchObject([{ id: admin.staffId, displayName: expect.any(String), email: null, roles: null, scopes: null, lastLoginAt: null, disabled: null }]);
  expect(new Set(colleague.errors!.map((e) => [e.extensions.code, e.path!.at(-1)].join(' ')))).toEqual(
    new Set(['FORBIDDEN email', 'FORBIDDEN roles', 'FORBIDDEN scopes', 'FORBIDDEN lastLoginAt', 'FORBIDDEN disabled']),
  );
  expect((await read(auditor, admin.staffId)).errors).toBeUndefined();
});

test('me is the signed-in staff member, and null for anyone else without touching the database', async () => {
  expect((await run(admin, '{ me { email roles { name builtIn } } }')).data).toEqual({
    me: { email: 'ann@shop.test', roles: [{ name: 'admin', builtIn: true }] },
  });
  const before = statementCounter.count;
  expect((await run(ANONYMOUS, '{ me { id } }')).data).toEqual({ me: null });
  expect((await run({ kind: 'partner', apiKeyId: randomUUID(), scopes: [] }, '{ me { id } }')).data).toEqual({ me: null });
  expect(statementCounter.count).toBe(before);
});

test('staffCreate, staffUpdate and staffDisable write the account, its roles and its sessions', async () => {
  const created = await mutation(owner, 'staffCreate', {
    email: ' Kanya@Shop.test ', displayName: 'Kanya', password: 'รหัสผ่านยาวพอแล้วนะ', roles: ['marketing', 'packer'], locale: 'th',
  }, STAFF);
  expect(created.userErrors).toEqual([]);
  const kanya = created.staff as { id: string };
  expect(kanya).toMatchObject({
    email: 'kanya@shop.test', locale: 'th', disabled: false, lastLoginAt: null,
    roles: [{ name: 'marketing' }, { name: 'packer' }],
    scopes: [...new Set([...BUILT_IN_ROLES.marketing!.scopes, 'stock:read'])].sort(),
  });
  const session = await signIn(database.db, 'kanya@shop.test', 'รหัสผ่านยาวพอแล้วนะ');

  const updated = await mutation(owner, 'staffUpdate', { id: kanya.id, displayName: 'Kanya S.', roles: ['analyst'] }, STAFF);
  expect(updated).toMatchObject({ userErrors: [], staff: { displayName: 'Kanya S.', locale: 'th', roles: [{ name: 'analyst' }] } });

  const disabled = await mutation(admin, 'staffDisable', { id: kanya.id }, 'staff { disabled }');
  expect(disabled).toMatchObject({ userErrors: [], staff: { disabled: true } });
  expect(await authenticate(database.db, session.token)).toBeNull();
});

test('an owner may grant the owner role, and take it from an owner who is not the last', async () => {
  const created = await mutation(owner, 'staffCreate', {
    email: 'second.owner@shop.test', displayName: 'Second owner', password: PASSWORD, roles: ['owner'],
  }, 'staff { id }');
  expect(created.userErrors).toEqual([]);
  const id = (created.staff as { id: string }).id;
  const demoted = await mutation(owner, 'staffUpdate', { id, roles: ['auditor', 'admin'] }, 'staff { roles { name } }');
  expect(demoted).toMatchObject({ userErrors: [], staff: { roles: [{ name: 'admin' }, { name: 'auditor' }] } });
});

test('roleCreate and roleUpdate write custom roles with sorted, distinct scopes', async () => {
  const created = await mutation(owner, 'roleCreate', { name: 'returns', title: 'Returns', scopes: ['orders:refund', 'orders:read', 'orders:read'] }, 'role { id name title builtIn scopes }');
  expect(created).toMatchObject({ userErrors: [], role: { name: 'returns', builtIn: false, scopes: ['orders:read', 'orders:refund'] } });
  const updated = await mutation(owner, 'roleUpdate', { id: (created.role as { id: string }).id, title: 'Returns desk' }, 'role { title scopes }');
  expect(updated).toMatchObject({ userErrors: [], role: { title: 'Returns desk', scopes: ['orders:read', 'orders:refund'] } });
});

test('an API key secret is shown once and stored nowhere in the database, nor are tokens and passwords', async () => {
  const created = await mutation(owner, 'apiKeyCreate', { name: 'ERP sync', scopes: ['orders:read', 'catalog:read'] }, 'secret apiKey { id name prefix scopes createdAt }');
  expect(created.userErrors).toEqual([]);
  const secret = created.secret as string;
  expect(secret).toMatch(/^spk_[A-Za-z0-9_-]{43}$/);
  expect(created.apiKey).toMatchObject({ name: 'ERP sync', prefix: secret.slice(0, 12), scopes: ['catalog:read', 'orders:read'] });

  const listed = await run(owner, '{ apiKeys(first: 10) { totalCount edges { node { id prefix lastUsedAt revokedAt } } } }');
  expect(JSON.stringify(listed.data)).not.toContain(secret.slice(12));
  expect(listed.data).toMatchObject({ apiKeys: { edges: [{ node: { id: (created.apiKey as { id: string }).id } }] } });

  const session = await signIn(database.db, adminEmail);
  const stepUp = await mutation(session.principal, 'stepUpConfirm', { password: PASSWORD }, 'stepUpToken');
  const everything = JSON.stringify(await dumpAccess(database.db));
  for (const value of [secret, secret.slice(4), session.token, session.token.slice(4), stepUp.stepUpToken as string, PASSWORD]) {
    expect(everything).not.toContain(value);
  }
  expect(await authenticate(database.db, secret)).toMatchObject({ kind: 'partner', scopes: ['catalog:read', 'orders:read'] });
});

test('apiKeyRevoke stops the key at once and keeps the first revocation time', async () => {
  const created = await mutation(owner, 'apiKeyCreate', { name: 'Old app', scopes: ['catalog:read'] }, 'secret apiKey { id }');
  const id = (created.apiKey as { id: string }).id;
  const first = await mutation(owner, 'apiKeyRevoke', { id }, 'apiKey { revokedAt }');
  expect(await authenticate(database.db, created.secret as string)).toBeNull();
  const again = await mutation(owner, 'apiKeyRevoke', { id }, 'apiKey { revokedAt }');
  expect(again.apiKey).toEqual(first.apiKey);
});

test('stepUpConfirm returns a token that lifts the caller session for five minutes', async () => {
  const session = await signIn(database.db, adminEmail);
  const payload = await mutation(session.principal, 'stepUpConfirm', { password: PASSWORD }, 'stepUpToken expiresAt');
  expect(payload.userErrors).toEqual([]);
  const principal = await authenticate(database.db, session.token, payload.stepUpToken as string);
  expect(principal).toMatchObject({ stepUpUntil: Date.parse(payload.expiresAt as string) });
});

test('staffLogout ends the caller session; staffLogout and stepUpConfirm are FORBIDDEN to non-staff callers', async () => {
  const session = await signIn(database.db, adminEmail);
  expect(await mutation(session.principal, 'staffLogout', {}, 'endedSessions')).toEqual({ endedSessions: 1, userErrors: [] });
  expect(await authenticate(database.db, session.token)).toBeNull();
  for (const source of [
    'mutation { staffLogout(input: {}) { endedSessions } }',
    'mutation { stepUpConfirm(input: { password: "x" }) { stepUpToken } }',
  ]) {
    const partner: Principal = { kind: 'partner', apiKeyId: randomUUID(), scopes: ['access:admin'] };
    for (const caller of [ANONYMOUS, partner]) {
      const result = await run(caller, source);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  }
});

test('staff lists newest first in keyset pages, hides disabled accounts unless asked, and loads roles in one batch', async () => {
  const query = `query ($first: Int, $after: String, $filter: StaffFilter) {
    staff(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { email roles { name } scopes } }
    }
  }`;
  // Warm the pool first: a fresh connection spends one statement on loading type information.
  await run(owner, query, { first: 100 });
  const before = statementCounter.count;
  const all = await run(owner, query, { first: 100 });
  // The page, then one batch of roles for every account on it; totalCount one more.
  expect(statementCounter.count - before).toBe(3);
  type Page = { staff: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { email: string } }[] } };
  const emails = (all.data as Page).staff.edges.map((e) => e.node.email);
  expect(emails).not.toContain('gone@shop.test');
  expect(emails.at(-1)).toBe('boss@shop.test');

  const first = (await run(owner, query, { first: 2 })).data as Page;
  const next = (await run(owner, query, { first: 2, after: first.staff.pageInfo.endCursor })).data as Page;
  expect([...first.staff.edges, ...next.staff.edges].map((e) => e.node.email)).toEqual(emails.slice(0, 4));
  expect(first.staff.pageInfo.hasNextPage).toBe(true);

  const withDisabled = (await run(owner, query, { filter: { includeDisabled: true, query: 'GONE' } })).data as Page;
  expect(withDisabled.staff).toMatchObject({ totalCount: 1, edges: [{ node: { email: 'gone@shop.test' } }] });
});

test('roles lists built-in roles first with their catalog scopes, and scopes lists the catalog', async () => {
  const result = await run(owner, '{ roles { name builtIn scopes } scopes { id title description dependsOn } }');
  const data = result.data as { roles: { name: string; builtIn: boolean; scopes: string[] }[]; scopes: { id: string }[] };
  const builtIn = data.roles.filter((r) => r.builtIn);
  expect(data.roles.slice(0, builtIn.length)).toEqual(builtIn);
  expect(builtIn.find((r) => r.name === 'auditor')!.scopes).toEqual(['audit:read']);
  expect(data.roles.find((r) => r.name === 'packer')).toEqual({ name: 'packer', builtIn: false, scopes: ['stock:read'] });
  expect(data.scopes.map((s) => s.id)).toEqual(Object.keys(SCOPES));
});

test('_entities resolves staff in request order with one query, and null for an unknown id', async () => {
  const representations = [
    { __typename: 'Staff', id: admin.staffId },
    { __typename: 'Staff', id: '00000000-0000-4000-8000-000000000000' },
    { __typename: 'Staff', id: owner.staffId },
  ];
  const before = statementCounter.count;
  const result = await run(
    owner,
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Staff { id email displayName } }
    }`,
    { representations },
  );
  expect(result.errors).toBeUndefined();
  expect(statementCounter.count - before).toBe(1);
  expect(result.data!._entities).toEqual([
    { id: admin.staffId, email: 'ann@shop.test', displayName: expect.any(String) },
    null,
    { id: owner.staffId, email: 'boss@shop.test', displayName: expect.any(String) },
  ]);
});
