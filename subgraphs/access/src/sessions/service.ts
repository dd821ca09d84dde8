// Staff sessions: login with throttling, logout and step-up confirmation.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { fail, ok, type Db } from '@shop/kit';
import { newToken, TOKEN_PREFIX, tokenHash, verifyPassword } from '@shop/kit/secrets';
import type { AccessResult } from '../service.js';
import { normalizeEmail, staffColumns, type Staff } from '../staff/index.js';
import { loginAttempt, session, staff, stepUp } from '../tables.js';

/** The longest address an account can have (RFC 5321). */
const MAX_EMAIL_LENGTH = 254;

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const STEP_UP_LIFETIME_MS = 5 * 60 * 1000;

/** Failed password checks allowed per window; the next attempt is refused unchecked. */
export const THROTTLE = { perEmail: 5, perAddress: 20, windowMinutes: 15 } as const;

/** A signed-in staff member as the gateway resolved them. */
export interface StaffActor {
  staffId: string;
  sessionId: string;
}

/**
 * Writes the attempt (as failed until proven otherwise) BEFORE counting, each
 * statement committed on its own: n concurrent guesses then see at least n rows,
 * so a burst cannot slip past the limit. Failures before the account's last
 * success do not count against it; an address's count never resets, or a
 * guesser could reset it by signing in to an account of their own. An attempt
 * refused by the throttle checked no password, so it is not a failure: its row
 * goes, and the lock ends 15 minutes after the failures that set it, however
 * often someone knocks meanwhile.
 */
async function recordAttempt(db: Db, email: string, clientAddress: string | null) {
  const [attempt] = await db
    .insert(loginAttempt)
    .values({ email, clientAddress, succeeded: false })
    .returning({ id: loginAttempt.id });
  const window = sql.raw(`now() - interval '${THROTTLE.windowMinutes} minutes'`);
  const [counts] = await db.execute<{ email_failures: number; address_failures: number }>(sql`
    select
      (select count(*)::int from ${loginAttempt} a
        where a.email = ${email} and not a.succeeded and a.created_at > ${window}
          and a.created_at > coalesce(
            (select max(s.created_at) from ${loginAttempt} s where s.email = ${email} and s.succeeded),
            '-infinity')) as email_failures,
      (select count(*)::int from ${loginAttempt} a
        where a.client_address = ${clientAddress} and not a.succeeded and a.created_at > ${window}) as address_failures`);
  const throttled =
    counts!.email_failures > THROTTLE.perEmail ||
    (clientAddress !== null && counts!.address_failures > THROTTLE.perAddress);
  if (throttled) await db.delete(loginAttempt).where(eq(loginAttempt.id, attempt!.id));
  return { id: attempt!.id, throttled };
}

const throttledError = () =>
  fail('LOGIN_THROTTLED', `Too many failed sign-ins; try again in ${THROTTLE.windowMinutes} minutes.`, null);

/**
 * Signs a staff member in with email and password and opens a 12-hour session.
 * Takes the pool, not a transaction: the attempt must be committed even when
 * the sign-in fails. `clientAddress` is the end client's address as the gateway
 * forwards it, or null when unknown (then only the per-account limit applies).
 * Wrong email and wrong password are the same INVALID_CREDENTIALS; a disabled
 * account is reported only to someone who knows its password.
 */
export async function staffLogin(
  db: Db,
  input: { email: string; password: string },
  clientAddress: string | null,
): Promise<AccessResult<{ token: string; expiresAt: Date; staff: Staff }>> {
  const email = normalizeEmail(input.email);
  // No account has a longer address (RFC 5321); the attempt still counts, under a length the index can hold.
  const impossible = email.length > MAX_EMAIL_LENGTH;
  const attempt = await recordAttempt(db, email.slice(0, MAX_EMAIL_LENGTH), clientAddress);
  if (attempt.throttled) return throttledError();
  if (impossible) return fail('INVALID_CREDENTIALS', 'The email or the password is wrong.', null);
  const [account] = await db
    .select({ id: staff.id, passwordHash: staff.passwordHash, disabled: staff.disabled })
    .from(staff)
    .where(eq(staff.email, email));
  if (!(await verifyPassword(account?.passwordHash, input.password)) || !account) {
    return fail('INVALID_CREDENTIALS', 'The email or the password is wrong.', null);
  }
  if (account.disabled) return fail('ACCOUNT_DISABLED', 'This account is disabled.', null);
  const token = newToken(TOKEN_PREFIX.session);
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  const signedIn = await db.transaction(async (tx) => {
    await tx.update(loginAttempt).set({ succeeded: true }).where(eq(loginAttempt.id, attempt.id));
    await tx.insert(session).values({ staffId: account.id, tokenHash: tokenHash(token), expiresAt });
    const [row] = await tx
      .update(staff)
      .set({ lastLoginAt: new Date() })
      .where(eq(staff.id, account.id))
      .returning(staffColumns);
    return row!;
  });
  return ok({ token, expiresAt, staff: signedIn });
}

/** Ends the caller's session, or all their sessions; returns how many were still open. Never a userError. */
export async function staffLogout(
  tx: Db,
  actor: StaffActor,
  input: { allSessions?: boolean | null },
): Promise<{ ok: true; value: { endedSessions: number } }> {
  const ended = await tx
    .update(session)
    .set({ revokedAt: new Date() })
    .where(
      and(
        input.allSessions ? eq(session.staffId, actor.staffId) : eq(session.id, actor.sessionId),
        isNull(session.revokedAt),
      ),
    )
    .returning({ id: session.id });
  return ok({ endedSessions: ended.length });
}

/**
 * Checks the caller's password again and issues a step-up token valid for 5
 * minutes, and only together with the caller's current session. Takes the pool
 * for the same reason as staffLogin; wrong passwords count toward its throttle.
 */
export async function stepUpConfirm(
  db: Db,
  actor: StaffActor,
  input: { password: string },
  clientAddress: string | null,
): Promise<AccessResult<{ stepUpToken: string; expiresAt: Date }>> {
  const [account] = await db
    .select({ email: staff.email, passwordHash: staff.passwordHash })
    .from(staff)
    .where(eq(staff.id, actor.staffId));
  if (!account) return fail('NOT_FOUND', 'The signed-in account no longer exists.', null);
  const attempt = await recordAttempt(db, account.email, clientAddress);
  if (attempt.throttled) return throttledError();
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    return fail('INVALID_CREDENTIALS', 'The password is wrong.', ['input', 'password']);
  }
  const stepUpToken = newToken(TOKEN_PREFIX.stepUp);
  const expiresAt = new Date(Date.now() + STEP_UP_LIFETIME_MS);
  await db.transaction(async (tx) => {
    await tx.update(loginAttempt).set({ succeeded: true }).where(eq(loginAttempt.id, attempt.id));
    await tx.insert(stepUp).values({ sessionId: actor.sessionId, tokenHash: tokenHash(stepUpToken), expiresAt });
  });
  return ok({ stepUpToken, expiresAt });
}
