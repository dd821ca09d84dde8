import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { statementCounter } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { BUILT_IN_ROLES } from '../../../schema/scopes.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { authenticate } from '../src/commands.js';
import { DEMO_PARTNER_KEY, DEMO_STAFF, seed } from '../src/seed.js';
import { apiKeyCreate } from '../src/api-keys/index.js';
import { roleCreate } from '../src/roles/index.js';
import { staffUpdate } from '../src/staff/index.js';
import { staffLogin, stepUpConfirm } from '../src/sessions/index.js';
import { apiKey, session, staff, stepUp } from '../src/tables.js';
import { createAccount, OWNER_ACTOR, PASSWORD, signIn, type StaffPrincipal } from './factories.js';

let database: TestDatabase;
let owner: StaffPrincipal;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = (await signIn(database.db, (await createAccount(database.db, ['owner'])).email)).principal;
});
afterAll(() => database.close());

async function newKey(scopes: string[], expiresAt: Date | null = null) {
  const result = await apiKeyCreate(database.db, owner, { name: 'Test key', scopes, expiresAt });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

test('a session token authenticates as staff with the roles and the union of their scopes, in one statement', async () => {
  const custom = await roleCreate(database.db, owner, { name: 'refunds', title: 'Refunds', scopes: ['orders:refund'] });
  expect(custom.ok).toBe(true);
  const account = await createAccount(database.db, ['inventory_clerk', 'refunds']);
  const { token } = await signIn(database.db, account.email);
  const before = statementCounter.count;
  const principal = await authenticate(database.db, token);
  expect(statementCounter.count - before).toBe(1);
  expect(principal).toEqual({
    kind: 'staff',
    staffId: account.id,
    sessionId: expect.any(String),
    roles: ['inventory_clerk', 'refunds'],
    scopes: [...BUILT_IN_ROLES.inventory_clerk!.scopes, 'orders:refund'].sort(),
    stepUpUntil: null,
  });
});

test('a role change shows on the very next request', async () => {
  const account = await createAccount(database.db, ['analyst']);
  const { token } = await signIn(database.db, account.email);
  await database.db.transaction((tx) => staffUpdate(tx, OWNER_ACTOR, { id: account.id, roles: ['auditor'] }));
  expect(await authenticate(database.db, token)).toMatchObject({ roles: ['auditor'], scopes: ['audit:read'] });
});

test('expired and revoked sessions, and sessions of disabled accounts, authenticate as nobody at once', async () => {
  const account = await createAccount(database.db);
  const expired = await signIn(database.db, account.email);
  const revoked = await signIn(database.db, account.email);
  const live = await signIn(database.db, account.email);
  await database.db.update(session).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(session.id, expired.principal.sessionId));
  await database.db.update(session).set({ revokedAt: new Date() }).where(eq(session.id, revoked.principal.sessionId));
  expect(await authenticate(database.db, expired.token)).toBeNull();
  expect(await authenticate(database.db, revoked.token)).toBeNull();
  expect(await authenticate(database.db, live.token)).not.toBeNull();
  await database.db.update(staff).set({ disabled: true }).where(eq(staff.id, account.id));
  expect(await authenticate(database.db, live.token)).toBeNull();
});

test('unknown, malformed and foreign tokens authenticate as nobody', async () => {
  for (const token of ['sst_nope', 'spk_nope', 'stu_nope', 'cst_whatever', '', 'Bearer sst_x', 'x'.repeat(5000)]) {
    expect(await authenticate(database.db, token)).toBeNull();
  }
});

test('a session is touched at most once a minute', async () => {
  const account = await createAccount(database.db);
  const { token, principal } = await signIn(database.db, account.email);
  const lastSeen = async () =>
    (await database.db.select({ at: session.lastSeenAt }).from(session).where(eq(session.id, principal.sessionId)))[0]!.at;
  await database.db.update(session).set({ lastSeenAt: sql`now() - interval '2 minutes'` }).where(eq(session.id, principal.sessionId));
  await authenticate(database.db, token);
  const touched = await lastSeen();
  expect(Date.now() - touched.getTime()).toBeLessThan(30_000);
  await authenticate(database.db, token);
  expect(await lastSeen()).toEqual(touched);
});

test('a step-up token sets stepUpUntil for its own session only, and only until it expires', async () => {
  const account = await createAccount(database.db, ['admin']);
  const mine = await signIn(database.db, account.email);
  const other = await signIn(database.db, account.email);
  const confirmed = await stepUpConfirm(database.db, mine.principal, { password: PASSWORD }, null);
  if (!confirmed.ok) throw new Error('step-up failed');
  const { stepUpToken, expiresAt } = confirmed.value;
  expect(await authenticate(database.db, mine.token, stepUpToken)).toMatchObject({ stepUpUntil: expiresAt.getTime() });
  expect(await authenticate(database.db, mine.token)).toMatchObject({ stepUpUntil: null });
  expect(await authenticate(database.db, mine.token, 'stu_forged')).toMatchObject({ stepUpUntil: null });
  // Bound to the session it was confirmed in: another session of the same account gains nothing.
  expect(await authenticate(database.db, other.token, stepUpToken)).toMatchObject({ stepUpUntil: null });
  // Nor is the step-up token a session token.
  expect(await authenticate(database.db, stepUpToken)).toBeNull();
  await database.db.update(stepUp).set({ expiresAt: sql`now() - interval '1 second'` });
  expect(await authenticate(database.db, mine.token, stepUpToken)).toMatchObject({ stepUpUntil: null });
});

test('an API key authenticates as a partner until it is revoked or expires', async () => {
  const live = await newKey(['catalog:read', 'stock:read']);
  const before = statementCounter.count;
  expect(await authenticate(database.db, live.secret)).toEqual({
    kind: 'partner',
    apiKeyId: live.apiKey.id,
    scopes: ['catalog:read', 'stock:read'],
  });
  expect(statementCounter.count - before).toBe(1);
  await database.db.update(apiKey).set({ revokedAt: new Date() }).where(eq(apiKey.id, live.apiKey.id));
  expect(await authenticate(database.db, live.secret)).toBeNull();

  const expiring = await newKey(['catalog:read'], new Date(Date.now() + 60_000));
  expect(await authenticate(database.db, expiring.secret)).not.toBeNull();
  await database.db.update(apiKey).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiKey.id, expiring.apiKey.id));
  expect(await authenticate(database.db, expiring.secret)).toBeNull();
});

test('an API key records when it was last used, at most once a minute', async () => {
  const key = await newKey(['orders:read']);
  const lastUsed = async () =>
    (await database.db.select({ at: apiKey.lastUsedAt }).from(apiKey).where(eq(apiKey.id, key.apiKey.id)))[0]!.at;
  expect(await lastUsed()).toBeNull();
  await authenticate(database.db, key.secret);
  const first = await lastUsed();
  expect(first).toBeInstanceOf(Date);
  await authenticate(database.db, key.secret);
  expect(await lastUsed()).toEqual(first);
});

test('the demo seed signs in as every built-in role and the demo partner key works', async () => {
  const demo = await createTestDatabase();
  try {
    await demo.db.transaction((tx) => seed(tx, {} as DemoPlan));
    for (const [roleName, account] of Object.entries(DEMO_STAFF)) {
      expect(account).toMatchObject({ email: `${roleName}@shop.test`, password: `demo-${roleName}-password` });
      const login = await staffLogin(demo.db, { email: account.email, password: account.password }, null);
      if (!login.ok) throw new Error(`${roleName}: ${JSON.stringify(login.errors)}`);
      expect(login.value.staff.displayName).toBe(account.displayName);
      expect(await authenticate(demo.db, login.value.token)).toMatchObject({
        roles: [roleName],
        scopes: [...BUILT_IN_ROLES[roleName]!.scopes].sort(),
      });
    }
    expect(await authenticate(demo.db, DEMO_PARTNER_KEY.secret)).toMatchObject({
      kind: 'partner',
      scopes: [...DEMO_PARTNER_KEY.scopes].sort(),
    });
    const [owner] = await demo.db.select().from(staff).where(eq(staff.email, 'owner@shop.test'));
    expect(owner).toMatchObject({ displayName: 'Shop Owner' });
    expect(await demo.db.select().from(staff).where(sql`${staff.passwordHash} is null`)).toHaveLength(0);
  } finally {
    await demo.close();
  }
});
