import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { withTx } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { tokenHash } from '@shop/kit/secrets';
import { readOutbox, useTestOutbox } from '../../../tests/kit/outbox.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { customerLogin, customerSignUp } from '../src/accounts/service.js';
import { customerSession } from '../src/accounts/tables.js';
import { authenticateCustomer } from '../src/commands.js';
import { members } from '../src/index.js';
import { PASSWORD_RESET, requestPasswordReset, resetPassword, SEND_PASSWORD_RESET_TASK } from '../src/password-reset/index.js';
import { passwordReset } from '../src/password-reset/tables.js';
import { member } from '../src/tables.js';

const outbox = useTestOutbox();
const sendTask = members.tasks[SEND_PASSWORD_RESET_TASK]!;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.execute(sql`delete from graphile_worker._private_jobs`);
  await database.db.delete(passwordReset);
});

const PASSWORD = 'correct horse battery';
let sequence = 0;

async function signUp(locale?: 'th') {
  sequence += 1;
  const email = `reset${sequence}@example.test`;
  const result = await withTx(database.db, (tx) => customerSignUp(tx, { email, password: PASSWORD, displayName: `Reset ${sequence}` }));
  if (!result.ok) throw new Error('sign-up failed');
  if (locale) await database.db.update(member).set({ locale }).where(eq(member.id, result.value.member.id));
  return { email, memberId: result.value.member.id, sessionToken: result.value.token };
}

const request = (email: string) => mutate(database.db, (tx, changes) => requestPasswordReset(tx, email, changes));
const reset = (token: string, newPassword: string) => mutate(database.db, (tx, changes) => resetPassword(tx, { token, newPassword }, changes));

async function sendJobs(): Promise<Array<Record<string, unknown>>> {
  const rows = await database.db.execute<{ payload: Record<string, unknown> }>(sql`
    select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${SEND_PASSWORD_RESET_TASK} order by j.id`);
  return rows.map((r) => r.payload);
}

/** Runs the queued send jobs as the worker would and returns the tokens the new e-mails carry. */
async function deliver(): Promise<string[]> {
  const before = readOutbox(outbox).length;
  for (const payload of await sendJobs()) await sendTask(payload, database.db);
  return readOutbox(outbox)
    .slice(before)
    .map((n) => /prt_[A-Za-z0-9_-]+/.exec(n.text)![0]);
}

describe('customerPasswordResetRequest', () => {
  test('answers the same for an account, an unknown address and a malformed one; only the account gets a job, carrying the reset id only', async () => {
    const { email } = await signUp();
    const answers = [await request(email.toUpperCase()), await request('nobody@example.test'), await request('not an email'), await request(`${'x'.repeat(300)}@example.test`)];
    for (const answer of answers) expect(answer).toEqual({ ok: true, value: true });
    const jobs = await sendJobs();
    expect(jobs).toHaveLength(1);
    expect(Object.keys(jobs[0]!)).toEqual(['resetId']);
  });

  test(`honours ${PASSWORD_RESET.perHour} requests per account an hour and silently drops the rest, also when they come at once`, async () => {
    const { email, memberId } = await signUp();
    await Promise.all(Array.from({ length: 6 }, () => request(email)));
    expect(await database.db.$count(passwordReset, eq(passwordReset.memberId, memberId))).toBe(PASSWORD_RESET.perHour);
    await database.db.update(passwordReset).set({ createdAt: new Date(Date.now() - 61 * 60_000) });
    await request(email);
    expect(await database.db.$count(passwordReset, eq(passwordReset.memberId, memberId))).toBe(PASSWORD_RESET.perHour + 1);
  });

  test('a disabled member gets no reset', async () => {
    const { email, memberId } = await signUp();
    await database.db.update(member).set({ disabledAt: new Date() }).where(eq(member.id, memberId));
    await request(email);
    expect(await sendJobs()).toHaveLength(0);
  });
});

describe('the send job', () => {
  test('e-mails the token in the member locale, keeps only its hash, and sends once when run again', async () => {
    const { email, memberId } = await signUp('th');
    await request(email);
    const before = readOutbox(outbox).length;
    const [token] = await deliver();
    const [sent] = readOutbox(outbox).slice(before);
    expect(sent).toMatchObject({ to: email, subject: 'ตั้งรหัสผ่านใหม่' });
    const [row] = await database.db.select().from(passwordReset).where(eq(passwordReset.memberId, memberId));
    expect(row!.tokenHash).toBe(tokenHash(token!));
    expect(row!.expiresAt!.getTime() - Date.now()).toBeGreaterThan((PASSWORD_RESET.tokenMinutes - 1) * 60_000);
    const jobsText = JSON.stringify(await database.db.execute(sql`select payload from graphile_worker._private_jobs`));
    expect(jobsText).not.toContain(token!);
    expect(await deliver()).toEqual([]);
  });
});

describe('customerPasswordReset', () => {
  test('sets the new password, ends every session, and the token (and any other open one) cannot be used again', async () => {
    const { email, memberId, sessionToken } = await signUp();
    await request(email);
    await request(email);
    const [first, second] = await deliver();
    expect(await reset(first!, 'a brand new password')).toEqual({ ok: true, value: 1 });
    expect(await authenticateCustomer(database.db, sessionToken)).toBeNull();
    expect(await database.db.$count(customerSession, sql`${customerSession.memberId} = ${memberId} and ${customerSession.revokedAt} is null`)).toBe(0);
    expect((await customerLogin(database.db, { email, password: 'a brand new password' }, null)).ok).toBe(true);
    expect((await customerLogin(database.db, { email, password: PASSWORD }, null)).ok).toBe(false);
    expect(await reset(first!, 'yet another password')).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TOKEN', field: ['input', 'token'] }] });
    expect(await reset(second!, 'yet another password')).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TOKEN' }] });
  });

  test('a token past 30 minutes answers TOKEN_EXPIRED and changes nothing', async () => {
    const { email, memberId } = await signUp();
    await request(email);
    const [token] = await deliver();
    await database.db.update(passwordReset).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordReset.memberId, memberId));
    expect(await reset(token!, 'a brand new password')).toMatchObject({ ok: false, errors: [{ code: 'TOKEN_EXPIRED' }] });
    expect((await customerLogin(database.db, { email, password: PASSWORD }, null)).ok).toBe(true);
  });

  test('a weak password answers WEAK_PASSWORD and leaves the token usable', async () => {
    const { email } = await signUp();
    await request(email);
    const [token] = await deliver();
    expect(await reset(token!, 'short')).toMatchObject({ ok: false, errors: [{ code: 'WEAK_PASSWORD', field: ['input', 'newPassword'] }] });
    expect(await reset(token!, 'long enough password')).toMatchObject({ ok: true });
  });

  test('an unknown token answers INVALID_TOKEN', async () => {
    expect(await reset('prt_made-up', 'a brand new password')).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TOKEN' }] });
  });
});
