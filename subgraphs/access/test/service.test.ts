import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { ANONYMOUS } from '@shop/kit';
import { BUILT_IN_ROLES } from '../../../schema/scopes.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { authenticate, ensureBuiltInRoles } from '../src/commands.js';
import { staffIdOf } from '../src/service.js';
import { staffByIds, staffDisable, staffUpdate } from '../src/staff/index.js';
import { staffLogin, staffLogout, stepUpConfirm, THROTTLE } from '../src/sessions/index.js';
import { loginAttempt, role, session, staff } from '../src/tables.js';
import { createAccount, insertStaff, makeStaff, OWNER_ACTOR, PASSWORD, signIn } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
// Each test starts with an empty throttle window.
beforeEach(async () => {
  await database.db.delete(loginAttempt);
});

/** n sign-ins with a wrong password, one after the other. */
async function failures(email: string, address: string | null, n: number) {
  const results = [];
  for (let i = 0; i < n; i += 1) {
    results.push(await staffLogin(database.db, { email, password: 'wrong password!' }, address));
  }
  return results;
}

test('an anonymous principal is no staff member', () => {
  expect(staffIdOf(ANONYMOUS)).toBeNull();
});

test('the migrations write one row per built-in role, and ensureBuiltInRoles writes them again', async () => {
  const names = async () =>
    (await database.db.select({ name: role.name, title: role.title }).from(role).where(eq(role.builtIn, true)))
      .map((r) => `${r.name}:${r.title}`)
      .sort();
  const expected = Object.entries(BUILT_IN_ROLES).map(([name, r]) => `${name}:${r.title}`).sort();
  expect(await names()).toEqual(expected);
  await database.db.delete(role).where(eq(role.name, 'auditor'));
  await ensureBuiltInRoles(database.db);
  await ensureBuiltInRoles(database.db);
  expect(await names()).toEqual(expected);
});

test('two staff members cannot share an email address, and emails are stored lower-cased', async () => {
  await insertStaff(database.db, [makeStaff({ email: 'same@shop.test' })]);
  await expect(insertStaff(database.db, [makeStaff({ email: 'same@shop.test' })])).rejects.toMatchObject({
    cause: { constraint_name: 'staff_email_unique' },
  });
  await expect(insertStaff(database.db, [makeStaff({ email: 'Upper@shop.test' })])).rejects.toMatchObject({
    cause: { constraint_name: 'staff_email_lower' },
  });
});

test('staffByIds returns the rows asked for, ignores malformed ids and never the password hash', async () => {
  const a = await createAccount(database.db);
  const rows = await staffByIds(database.db, [a.id, 'not-a-uuid']);
  expect(rows.map((r) => r.id)).toEqual([a.id]);
  expect(rows[0]).not.toHaveProperty('passwordHash');
});

test('passwords are stored as Argon2id hashes', async () => {
  const account = await createAccount(database.db);
  const [row] = await database.db.select({ hash: staff.passwordHash }).from(staff).where(eq(staff.id, account.id));
  expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(row!.hash).not.toContain(PASSWORD);
});

test('staffLogin opens a 12-hour session for the right password, whatever the email case', async () => {
  const account = await createAccount(database.db, ['analyst']);
  const result = await staffLogin(database.db, { email: ` ${account.email.toUpperCase()} `, password: PASSWORD }, '10.0.0.1');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.value.token).toMatch(/^sst_[A-Za-z0-9_-]{43}$/);
  expect(result.value.expiresAt.getTime() - Date.now()).toBeGreaterThan(12 * 3600_000 - 60_000);
  expect(result.value.staff).toMatchObject({ id: account.id, lastLoginAt: expect.any(Date) });
  expect(result.value.staff).not.toHaveProperty('passwordHash');
  const attempts = await database.db.select().from(loginAttempt);
  expect(attempts).toMatchObject([{ email: account.email, clientAddress: '10.0.0.1', succeeded: true }]);
});

test('a wrong password and an unknown email both return INVALID_CREDENTIALS, and both are recorded', async () => {
  const account = await createAccount(database.db);
  const wrong = await staffLogin(database.db, { email: account.email, password: 'not the password' }, '10.0.0.2');
  const unknown = await staffLogin(database.db, { email: 'nobody@shop.test', password: PASSWORD }, '10.0.0.2');
  expect(wrong).toEqual(unknown);
  expect(wrong).toMatchObject({ ok: false, errors: [{ code: 'INVALID_CREDENTIALS', field: null }] });
  expect(await database.db.select().from(loginAttempt)).toHaveLength(2);
  expect(await database.db.select().from(session).where(eq(session.staffId, account.id))).toHaveLength(0);
});

test('a disabled account returns ACCOUNT_DISABLED only with the right password', async () => {
  const account = await createAccount(database.db);
  await database.db.update(staff).set({ disabled: true }).where(eq(staff.id, account.id));
  expect(await staffLogin(database.db, { email: account.email, password: PASSWORD }, null)).toMatchObject({
    errors: [{ code: 'ACCOUNT_DISABLED' }],
  });
  expect(await staffLogin(database.db, { email: account.email, password: 'not the password' }, null)).toMatchObject({
    errors: [{ code: 'INVALID_CREDENTIALS' }],
  });
  expect(await database.db.select().from(session).where(eq(session.staffId, account.id))).toHaveLength(0);
});

test(`after ${THROTTLE.perEmail} failures for an account, even the right password returns LOGIN_THROTTLED`, async () => {
  const account = await createAccount(database.db);
  for (const result of await failures(account.email, null, THROTTLE.perEmail)) {
    expect(result).toMatchObject({ errors: [{ code: 'INVALID_CREDENTIALS' }] });
  }
  const throttled = await staffLogin(database.db, { email: account.email, password: PASSWORD }, '10.9.9.9');
  expect(throttled).toMatchObject({ ok: false, errors: [{ code: 'LOGIN_THROTTLED' }] });
  expect(await database.db.select().from(session).where(eq(session.staffId, account.id))).toHaveLength(0);
  // Other accounts are unaffected, and the window ends after 15 minutes.
  const other = await createAccount(database.db);
  expect((await staffLogin(database.db, { email: other.email, password: PASSWORD }, null)).ok).toBe(true);
  await database.db.update(loginAttempt).set({ createdAt: sql`now() - interval '16 minutes'` });
  expect((await staffLogin(database.db, { email: account.email, password: PASSWORD }, null)).ok).toBe(true);
});

test('concurrent guesses cannot slip past the per-account limit', async () => {
  const account = await createAccount(database.db);
  const results = await Promise.all(
    Array.from({ length: 12 }, () => staffLogin(database.db, { email: account.email, password: 'wrong!' }, null)),
  );
  const codes = results.map((r) => (r.ok ? 'OK' : r.errors[0]!.code));
  expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(THROTTLE.perEmail);
  expect(codes.filter((c) => c === 'LOGIN_THROTTLED').length).toBeGreaterThanOrEqual(12 - THROTTLE.perEmail);
});

test('a successful sign-in clears the account window', async () => {
  const account = await createAccount(database.db);
  await failures(account.email, null, THROTTLE.perEmail - 1);
  expect((await staffLogin(database.db, { email: account.email, password: PASSWORD }, null)).ok).toBe(true);
  for (const result of await failures(account.email, null, THROTTLE.perEmail)) {
    expect(result).toMatchObject({ errors: [{ code: 'INVALID_CREDENTIALS' }] });
  }
});

test(`after ${THROTTLE.perAddress} failures from one address, every account is throttled from it`, async () => {
  const account = await createAccount(database.db);
  for (let i = 0; i < THROTTLE.perAddress; i += 1) {
    const result = await staffLogin(database.db, { email: `guess${i}@shop.test`, password: 'guess guess!' }, '192.0.2.7');
    expect(result).toMatchObject({ errors: [{ code: 'INVALID_CREDENTIALS' }] });
  }
  expect(await staffLogin(database.db, { email: account.email, password: PASSWORD }, '192.0.2.7')).toMatchObject({
    errors: [{ code: 'LOGIN_THROTTLED' }],
  });
  expect((await staffLogin(database.db, { email: account.email, password: PASSWORD }, '192.0.2.8')).ok).toBe(true);
  // An unknown address is no shared bucket: only the account window applies.
  expect((await staffLogin(database.db, { email: account.email, password: PASSWORD }, null)).ok).toBe(true);
});

/** Moves every recorded attempt `minutes` into the past, as if that much time went by. */
const age = (minutes: number) =>
  database.db.update(loginAttempt).set({ createdAt: sql`${loginAttempt.createdAt} - make_interval(mins => ${minutes})` });

test('attempts refused while an account is locked are not counted: the lock ends 15 minutes after the failures that set it', async () => {
  const account = await createAccount(database.db);
  await failures(account.email, null, THROTTLE.perEmail);
  await age(14);
  for (const result of await failures(account.email, null, 10)) {
    expect(result).toMatchObject({ errors: [{ code: 'LOGIN_THROTTLED' }] });
  }
  expect(await database.db.select().from(loginAttempt).where(eq(loginAttempt.email, account.email))).toHaveLength(
    THROTTLE.perEmail,
  );
  await age(2);
  expect((await staffLogin(database.db, { email: account.email, password: PASSWORD }, null)).ok).toBe(true);
});

test('attempts refused while an address is locked are not counted either', async () => {
  const account = await createAccount(database.db);
  for (let i = 0; i < THROTTLE.perAddress; i += 1) {
    await staffLogin(database.db, { email: `knock${i}@shop.test`, password: 'guess guess!' }, '198.51.100.9');
  }
  await age(14);
  for (let i = 0; i < 10; i += 1) {
    expect(await staffLogin(database.db, { email: account.email, password: PASSWORD }, '198.51.100.9')).toMatchObject({
      errors: [{ code: 'LOGIN_THROTTLED' }],
    });
  }
  await age(2);
  expect((await staffLogin(database.db, { email: account.email, password: PASSWORD }, '198.51.100.9')).ok).toBe(true);
});

test('staffLogout ends the caller session only, or every session with allSessions', async () => {
  const account = await createAccount(database.db);
  const first = await signIn(database.db, account.email);
  const second = await signIn(database.db, account.email);
  const third = await signIn(database.db, account.email);
  expect(await database.db.transaction((tx) => staffLogout(tx, first.principal, {}))).toEqual({
    ok: true,
    value: { endedSessions: 1 },
  });
  expect(await authenticate(database.db, first.token)).toBeNull();
  expect(await authenticate(database.db, second.token)).not.toBeNull();
  expect(await database.db.transaction((tx) => staffLogout(tx, second.principal, { allSessions: true }))).toEqual({
    ok: true,
    value: { endedSessions: 2 },
  });
  expect(await authenticate(database.db, third.token)).toBeNull();
});

test('stepUpConfirm issues a 5-minute stu_ token; wrong passwords count toward the throttle', async () => {
  const account = await createAccount(database.db, ['admin']);
  const { principal } = await signIn(database.db, account.email);
  const confirmed = await stepUpConfirm(database.db, principal, { password: PASSWORD }, '10.0.0.3');
  expect(confirmed.ok).toBe(true);
  if (!confirmed.ok) return;
  expect(confirmed.value.stepUpToken).toMatch(/^stu_[A-Za-z0-9_-]{43}$/);
  expect(confirmed.value.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  for (let i = 0; i < THROTTLE.perEmail; i += 1) {
    expect(await stepUpConfirm(database.db, principal, { password: 'not it at all' }, '10.0.0.3')).toMatchObject({
      errors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'password'] }],
    });
  }
  expect(await stepUpConfirm(database.db, principal, { password: PASSWORD }, '10.0.0.3')).toMatchObject({
    errors: [{ code: 'LOGIN_THROTTLED' }],
  });
  expect(await staffLogin(database.db, { email: account.email, password: PASSWORD }, '10.0.0.4')).toMatchObject({
    errors: [{ code: 'LOGIN_THROTTLED' }],
  });
});

test('staffDisable revokes every session of the account at once', async () => {
  const account = await createAccount(database.db, ['catalog_manager']);
  const a = await signIn(database.db, account.email);
  const b = await signIn(database.db, account.email);
  const result = await database.db.transaction((tx) => staffDisable(tx, OWNER_ACTOR, { id: account.id }));
  expect(result).toMatchObject({ ok: true, value: { disabled: true } });
  expect(await authenticate(database.db, a.token)).toBeNull();
  expect(await authenticate(database.db, b.token)).toBeNull();
  const open = await database.db
    .select()
    .from(session)
    .where(and(eq(session.staffId, account.id), isNull(session.revokedAt)));
  expect(open).toHaveLength(0);
});

test('two owners disabling each other at the same time leave one enabled owner', async () => {
  await database.db.execute(sql`update access.staff set disabled = true
    where id in (select staff_id from access.staff_role sr join access.role r on r.id = sr.role_id where r.name = 'owner')`);
  const x = await signIn(database.db, (await createAccount(database.db, ['owner'])).email);
  const y = await signIn(database.db, (await createAccount(database.db, ['owner'])).email);
  const results = await Promise.all([
    database.db.transaction((tx) => staffDisable(tx, x.principal, { id: y.principal.staffId })),
    database.db.transaction((tx) => staffDisable(tx, y.principal, { id: x.principal.staffId })),
  ]);
  expect(results.map((r) => (r.ok ? 'OK' : r.errors[0]!.code)).sort()).toEqual(['LAST_OWNER', 'OK']);
  // And the remaining owner cannot take the role from themselves either.
  const survivor = results[0]!.ok ? x : y;
  expect(
    await database.db.transaction((tx) =>
      staffUpdate(tx, survivor.principal, { id: survivor.principal.staffId, roles: ['admin'] }),
    ),
  ).toMatchObject({ ok: false, errors: [{ code: 'LAST_OWNER', field: ['input', 'roles'] }] });
});
