import { createHash } from 'node:crypto';
import { pointsBalancesOf } from '../src/loyalty/service.js';
import { count, eq, sql } from 'drizzle-orm';
import { graphql } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ANONYMOUS, log, statementCounter, withTx, type Principal } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { customerLogin, customerLogout, customerSignUp, type CustomerSignUpInput, THROTTLE } from '../src/accounts/service.js';
import { authenticateCustomer } from '../src/commands.js';
import { members } from '../src/index.js';
import { DEMO_CUSTOMERS, seed } from '../src/seed.js';
import { customerLoginAttempt, customerSession } from '../src/accounts/tables.js';
import { member } from '../src/tables.js';
import { insertMembers, makeMember } from './factories.js';
import { dataOf } from '../../../tests/kit/shape.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 25 });
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(customerSession);
  await database.db.delete(customerLoginAttempt);
  await database.db.delete(member);
});

const PASSWORD = 'correct horse battery';

const signUp = (input: Partial<CustomerSignUpInput> = {}) =>
  withTx(database.db, (tx) =>
    customerSignUp(tx, { email: 'somchai@example.test', password: PASSWORD, displayName: 'Somchai', ...input }),
  );

const login = (email: string, password: string, clientAddress: string | null = '203.0.113.7') =>
  customerLogin(database.db, { email, password }, clientAddress);

/** Rows of the tables a sign-up or sign-in writes, to prove a refusal wrote nothing. */
async function written() {
  const [members_] = await database.db.select({ n: count() }).from(member);
  const [sessions] = await database.db.select({ n: count() }).from(customerSession);
  return { members: members_!.n, sessions: sessions!.n };
}

function execute(source: string, variableValues: Record<string, unknown>, principal: Principal = ANONYMOUS) {
  return graphql({
    schema: members.schema,
    source,
    variableValues,
    contextValue: members.createContext({ db: database.db, principal, requestId: 't', log, clientAddress: '203.0.113.9', changes: [] }),
  });
}

describe('customerSignUp', () => {
  test('creates a member with an Argon2id hash and a 30-day session whose token is stored only as its sha256', async () => {
    const result = await signUp({ email: '  Somchai@Example.TEST ', phone: ' +66 81 234 5612 ' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { token, expiresAt, member: created } = result.value;
    expect(token).toMatch(/^cst_[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(created).toMatchObject({ email: 'somchai@example.test', displayName: 'Somchai', phone: '+66 81 234 5612', tier: 'BRONZE' });
    expect(await pointsBalancesOf(database.db, [created.id])).toEqual([0]);
    expect(created).not.toHaveProperty('passwordHash');
    const [row] = await database.db.select().from(member).where(eq(member.id, created.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const [session] = await database.db.select().from(customerSession);
    expect(session!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(session)).not.toContain(token);
  });

  test.each([
    ['an email taken in another case', { email: 'SOMCHAI@example.test' }, 'EMAIL_TAKEN', ['input', 'email']],
    ['a password of 9 characters', { email: 'new@example.test', password: '123456789' }, 'WEAK_PASSWORD', ['input', 'password']],
    ['an email without a domain', { email: 'somchai@' }, 'INVALID', ['input', 'email']],
    ['an email without a dot in the domain', { email: 'somchai@localhost' }, 'INVALID', ['input', 'email']],
    ['an empty display name', { email: 'new@example.test', displayName: '   ' }, 'INVALID', ['input', 'displayName']],
    ['a phone number with letters', { email: 'new@example.test', phone: '+66 81 CALL ME' }, 'INVALID', ['input', 'phone']],
  ] as const)('%s is refused and writes nothing', async (_, input, code, field) => {
    await signUp();
    const before = await written();
    const result = await signUp(input);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code, field })] });
    expect(await written()).toEqual(before);
  });

  test('the email of a member imported without an account is taken too: knowing an address does not claim it', async () => {
    await insertMembers(database.db, [makeMember({ email: 'imported@example.test' })]);
    const result = await signUp({ email: 'imported@example.test' });
    expect(!result.ok && result.errors[0]!.code).toBe('EMAIL_TAKEN');
    expect(await written()).toEqual({ members: 1, sessions: 0 });
  });

  test('reports every mistake at once', async () => {
    const result = await signUp({ email: 'nope', password: 'short', displayName: '' });
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['INVALID', 'WEAK_PASSWORD', 'INVALID']);
  });

  test('accepts Thai, Chinese and Arabic names and a Unicode email, and masks only the contact data', async () => {
    const names = [
      ['สมชาย ใจดี', 'สมชาย@example.test', 'สม***@example.test'],
      ['王小明', 'wang.xm@例子.中国', 'wa***@例子.中国'],
      ['فاطمة الزهراء', 'fatima@example.test', 'fa***@example.test'],
    ] as const;
    for (const [displayName, email, masked] of names) {
      const result = await signUp({ displayName, email, phone: '+966 50 123 4567' });
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const { data, errors } = await execute(
        `query ($id: ID!) { member(id: $id) { displayName maskedEmail maskedPhone } }`,
        { id: result.value.member.id },
        TEST_OPERATOR,
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({ member: { displayName, maskedEmail: masked, maskedPhone: '+966 5** *** *67' } });
    }
  });

  test('through the API an anonymous caller signs up and gets a token; a refusal comes back as userErrors', async () => {
    const mutation = `mutation ($input: CustomerSignUpInput!) {
      customerSignUp(input: $input) { token expiresAt member { id displayName } userErrors { field code message } }
    }`;
    const input = { email: 'nok@example.test', password: PASSWORD, displayName: 'Nok' };
    type SignUpPayload = { token: string | null; member: { displayName: string } | null; userErrors: unknown[] };
    const first = await execute(mutation, { input });
    expect(first.errors).toBeUndefined();
    const payload = dataOf<{ customerSignUp: SignUpPayload }>(first).customerSignUp;
    expect(payload.token).toMatch(/^cst_/);
    expect(payload.member!.displayName).toBe('Nok');
    expect(payload.userErrors).toEqual([]);
    const again = dataOf<{ customerSignUp: SignUpPayload }>(await execute(mutation, { input })).customerSignUp;
    expect(again).toMatchObject({ token: null, expiresAt: null, member: null });
    expect(again.userErrors).toEqual([{ field: ['input', 'email'], code: 'EMAIL_TAKEN', message: expect.any(String) }]);
  });
});

describe('customerLogin and authenticateCustomer', () => {
  test('a customer signs in with any case of their email and the token authenticates as them', async () => {
    const signedUp = await signUp();
    const result = await login('SOMCHAI@example.test', PASSWORD);
    expect(result.ok).toBe(true);
    if (!result.ok || !signedUp.ok) return;
    const principal = await authenticateCustomer(database.db, result.value.token);
    expect(principal).toMatchObject({ kind: 'customer', memberId: signedUp.value.member.id });
    const [attempt] = await database.db.select().from(customerLoginAttempt);
    expect(attempt).toMatchObject({ email: 'somchai@example.test', clientAddress: '203.0.113.7', succeeded: true });
  });

  test.each([
    ['a wrong password', 'somchai@example.test', 'wrong password!'],
    ['an unknown email', 'nobody@example.test', PASSWORD],
  ])('%s is INVALID_CREDENTIALS and opens no session', async (_, email, password) => {
    await signUp();
    const before = await written();
    expect(await login(email, password)).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_CREDENTIALS', field: null, message: expect.any(String) }],
    });
    expect(await written()).toEqual(before);
  });

  test('a member imported without an account, or archived, cannot sign in', async () => {
    await insertMembers(database.db, [makeMember({ email: 'imported@example.test' })]);
    expect(await login('imported@example.test', PASSWORD)).toMatchObject({ ok: false });
    const signedUp = await signUp();
    if (!signedUp.ok) throw new Error('sign-up failed');
    await database.db.update(member).set({ archivedAt: new Date() }).where(eq(member.id, signedUp.value.member.id));
    expect(await login('somchai@example.test', PASSWORD)).toMatchObject({ ok: false, errors: [{ code: 'INVALID_CREDENTIALS' }] });
    expect(await authenticateCustomer(database.db, signedUp.value.token)).toBeNull();
  });

  test('after 5 failures for an email in 15 minutes even the right password is LOGIN_THROTTLED, other emails are not', async () => {
    await signUp();
    await signUp({ email: 'nok@example.test' });
    for (let i = 0; i < THROTTLE.perEmail; i += 1) {
      expect(await login('somchai@example.test', `wrong ${i}`, `198.51.100.${i}`)).toMatchObject({ errors: [{ code: 'INVALID_CREDENTIALS' }] });
    }
    const sessions = (await written()).sessions;
    expect(await login('somchai@example.test', PASSWORD)).toMatchObject({ ok: false, errors: [{ code: 'LOGIN_THROTTLED' }] });
    expect((await written()).sessions).toBe(sessions);
    expect(await login('nok@example.test', PASSWORD)).toMatchObject({ ok: true });
  });

  test('failures older than 15 minutes no longer count', async () => {
    await signUp();
    for (let i = 0; i < THROTTLE.perEmail; i += 1) await login('somchai@example.test', 'wrong', null);
    await database.db.update(customerLoginAttempt).set({ createdAt: sql`now() - interval '16 minutes'` });
    expect(await login('somchai@example.test', PASSWORD)).toMatchObject({ ok: true });
  });

  test('attempts refused while locked are not counted: the lock ends 15 minutes after the failures that set it', async () => {
    await signUp();
    const age = (minutes: number) =>
      database.db
        .update(customerLoginAttempt)
        .set({ createdAt: sql`${customerLoginAttempt.createdAt} - make_interval(mins => ${minutes})` });
    for (let i = 0; i < THROTTLE.perEmail; i += 1) await login('somchai@example.test', 'wrong', null);
    await age(14);
    for (let i = 0; i < 10; i += 1) {
      expect(await login('somchai@example.test', 'wrong', null)).toMatchObject({ errors: [{ code: 'LOGIN_THROTTLED' }] });
    }
    await age(2);
    expect(await login('somchai@example.test', PASSWORD, null)).toMatchObject({ ok: true });
  });

  test('a successful sign-in clears the email failures before it', async () => {
    await signUp();
    for (const round of [1, 2]) {
      for (let i = 0; i < THROTTLE.perEmail - 1; i += 1) await login('somchai@example.test', `wrong ${round}`, null);
      expect(await login('somchai@example.test', PASSWORD, null)).toMatchObject({ ok: true });
    }
  });

  test('a burst of concurrent guesses gets no more than 5 password checks', async () => {
    await signUp();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login('somchai@example.test', `guess ${i}`, `192.0.2.${i}`)),
    );
    const codes = results.map((r) => (r.ok ? 'OK' : r.errors[0]!.code));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(THROTTLE.perEmail);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED').length).toBeGreaterThanOrEqual(20 - THROTTLE.perEmail);
  });

  test('one address guessing across many emails is throttled after 20 failures', async () => {
    await signUp();
    for (let i = 0; i < THROTTLE.perAddress; i += 1) await login(`victim${i}@example.test`, 'guess', '192.0.2.66');
    expect(await login('somchai@example.test', PASSWORD, '192.0.2.66')).toMatchObject({ errors: [{ code: 'LOGIN_THROTTLED' }] });
    expect(await login('somchai@example.test', PASSWORD, '192.0.2.67')).toMatchObject({ ok: true });
  });

  test('authenticateCustomer refuses other token kinds, unknown, expired and revoked tokens', async () => {
    const signedUp = await signUp();
    if (!signedUp.ok) throw new Error('sign-up failed');
    const { token } = signedUp.value;
    expect(await authenticateCustomer(database.db, 'sst_' + token.slice(4))).toBeNull();
    expect(await authenticateCustomer(database.db, token + 'x')).toBeNull();
    await database.db.update(customerSession).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(await authenticateCustomer(database.db, token)).toBeNull();
    await database.db.update(customerSession).set({ expiresAt: new Date(Date.now() + 60_000), revokedAt: new Date() });
    expect(await authenticateCustomer(database.db, token)).toBeNull();
  });

  test('authenticateCustomer is one SQL statement', async () => {
    const signedUp = await signUp();
    if (!signedUp.ok) throw new Error('sign-up failed');
    const before = statementCounter.count;
    expect(await authenticateCustomer(database.db, signedUp.value.token)).not.toBeNull();
    expect(statementCounter.count - before).toBe(1);
  });
});

describe('customerLogout', () => {
  async function twoSessions() {
    const signedUp = await signUp();
    const second = await login('somchai@example.test', PASSWORD);
    if (!signedUp.ok || !second.ok) throw new Error('sign-in failed');
    const principal = (await authenticateCustomer(database.db, signedUp.value.token))!;
    return { principal, first: signedUp.value.token, second: second.value.token };
  }

  test('ends the calling session only; its token is refused on the next request, the other still works', async () => {
    const { principal, first, second } = await twoSessions();
    const { data, errors } = await execute(
      `mutation { customerLogout(input: {}) { endedSessions userErrors { code } } }`,
      {},
      principal,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ customerLogout: { endedSessions: 1, userErrors: [] } });
    expect(await authenticateCustomer(database.db, first)).toBeNull();
    expect(await authenticateCustomer(database.db, second)).not.toBeNull();
  });

  test('allSessions ends every session of the member and no other member’s', async () => {
    const { principal, first, second } = await twoSessions();
    const other = await signUp({ email: 'nok@example.test' });
    if (principal.kind !== 'customer' || !other.ok) throw new Error('setup failed');
    expect(await customerLogout(database.db, principal, { allSessions: true })).toEqual({ ok: true, value: 2 });
    expect(await authenticateCustomer(database.db, first)).toBeNull();
    expect(await authenticateCustomer(database.db, second)).toBeNull();
    expect(await authenticateCustomer(database.db, other.value.token)).not.toBeNull();
  });

  test('is FORBIDDEN for anonymous and staff callers', async () => {
    for (const principal of [ANONYMOUS, TEST_OPERATOR]) {
      const result = await execute(`mutation { customerLogout(input: {}) { endedSessions } }`, {}, principal);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

test('the seed gives the first two demo members the documented password', async () => {
  const plan = {
    currencyCode: 'THB',
    members: [1, 2, 3].map((n) => ({ ...makeMember({ email: `member${n}@example.test` }), phone: null, createdAt: new Date() })),
  } as unknown as DemoPlan;
  await database.db.transaction((tx) => seed(tx, plan));
  for (const customer of DEMO_CUSTOMERS) {
    expect(await login(customer.email, customer.password)).toMatchObject({ ok: true });
  }
  expect(await login('member3@example.test', DEMO_CUSTOMERS[0].password)).toMatchObject({ ok: false });
});
