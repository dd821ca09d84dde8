// Customer accounts: sign-up, login with throttling and logout.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ok, type ChangeRecord, type Db } from '@shop/kit';
import { hashPassword, newToken, TOKEN_PREFIX, tokenHash, verifyPassword } from '@shop/kit/secrets';
import { memberError, memberFail, type MemberError, type MemberResult } from '../errors/index.js';
import { attachGuestCart } from '../guest-cart/index.js';
import { deviceAttach } from '../events/index.js';
import { normalisePhone } from '../pii/index.js';
import { endSessions, memberColumns, normalizeEmail, type Member } from '../service.js';
import { member } from '../tables.js';
import { customerLoginAttempt, customerSession } from './tables.js';

/** The longest address an account can have (RFC 5321). */
const MAX_EMAIL_LENGTH = 254;

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;
// Argon2 takes any length; the cap only keeps a request from making it hash megabytes.
const MAX_PASSWORD_LENGTH = 256;

/** Failed password checks allowed per window; the next attempt is refused unchecked. */
export const THROTTLE = { perEmail: 5, perAddress: 20, windowMinutes: 15 } as const;

/** A storefront sign-in as the payloads return it: the token is shown this once. */
export interface CustomerSession {
  token: string;
  expiresAt: Date;
  member: Member;
}

// Unicode local parts and domains (สมชาย@example.test, 王@例子.中国), but a dotted domain.
const emailSchema = z.email({ pattern: z.regexes.unicodeEmail }).max(254).regex(/@[^@]+\.[^@.]+$/);
const PHONE = /^\+?[\p{Nd}\s().-]{6,24}$/u;

export interface CustomerSignUpInput {
  email: string;
  password: string;
  displayName: string;
  phone?: string | null;
  /** The device's guest cart, given to the new member by a job. */
  guestCartId?: string | null;
  /** The storefront device whose anonymous events count for the new member. */
  deviceId?: string | null;
}

function checkSignUp(input: CustomerSignUpInput): MemberError[] {
  const errors: MemberError[] = [];
  if (!emailSchema.safeParse(normalizeEmail(input.email)).success) {
    errors.push(memberError('INVALID:email', ['input', 'email']));
  }
  const passwordLength = [...input.password].length;
  if (passwordLength < MIN_PASSWORD_LENGTH) {
    errors.push(memberError('WEAK_PASSWORD', ['input', 'password'], { min: MIN_PASSWORD_LENGTH }));
  } else if (passwordLength > MAX_PASSWORD_LENGTH) {
    errors.push(memberError('INVALID:passwordTooLong', ['input', 'password'], { max: MAX_PASSWORD_LENGTH }));
  }
  const nameLength = [...input.displayName.trim()].length;
  if (nameLength === 0 || nameLength > 100) {
    errors.push(memberError('INVALID:name', ['input', 'displayName'], { max: 100 }));
  }
  const phone = input.phone?.trim();
  if (phone && (!PHONE.test(phone) || (phone.match(/\p{Nd}/gu)?.length ?? 0) < 6)) {
    errors.push(memberError('INVALID:phone', ['input', 'phone']));
  }
  return errors;
}

/** Opens a session for a member; returns the token, which the database never sees. */
async function openSession(tx: Db, memberRow: Member): Promise<CustomerSession> {
  const token = newToken(TOKEN_PREFIX.customerSession);
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await tx.insert(customerSession).values({ memberId: memberRow.id, tokenHash: tokenHash(token), expiresAt });
  return { token, expiresAt, member: memberRow };
}

/**
 * Creates a member with a storefront account and signs them in. The email is
 * stored lower-cased and is unique whatever its case (EMAIL_TAKEN, also for a
 * member imported without an account: claiming one needs a verified email,
 * not just knowing the address). Writes nothing unless it succeeds. `tx` must
 * be a transaction: the member and the session are written together.
 */
export async function customerSignUp(tx: Db, input: CustomerSignUpInput): Promise<MemberResult<CustomerSession>> {
  const errors = checkSignUp(input);
  const attach = deviceAttach(input.deviceId);
  if (!attach.ok) errors.push(...attach.errors);
  if (errors.length || !attach.ok) return { ok: false, errors };
  const [row] = await tx
    .insert(member)
    .values({
      email: normalizeEmail(input.email),
      displayName: input.displayName.trim(),
      phone: input.phone?.trim() || null,
      phoneE164: input.phone ? normalisePhone(input.phone) : null,
      passwordHash: await hashPassword(input.password),
    })
    // Any unique index: member_email_lower_idx is an expression index, which a conflict target cannot name here.
    .onConflictDoNothing()
    .returning(memberColumns);
  if (!row) return memberFail('EMAIL_TAKEN', ['input', 'email']);
  await attachGuestCart(tx, row.id, input.guestCartId);
  await attach.value(tx, row.id);
  return ok(await openSession(tx, row));
}

/**
 * Writes the attempt (as failed until proven otherwise) BEFORE counting, each
 * statement committed on its own: n concurrent guesses then see at least n
 * rows, so a burst cannot slip past the limit. Failures before the email's last
 * success do not count against it; an address's count never resets, or a
 * guesser could reset it by signing in to an account of their own. An attempt
 * refused by the throttle checked no password, so it is not a failure: its row
 * goes, and the lock ends 15 minutes after the failures that set it, however
 * often someone knocks meanwhile.
 */
async function recordAttempt(db: Db, email: string, clientAddress: string | null) {
  const [attempt] = await db
    .insert(customerLoginAttempt)
    .values({ email, clientAddress, succeeded: false })
    .returning({ id: customerLoginAttempt.id });
  const window = sql.raw(`now() - interval '${THROTTLE.windowMinutes} minutes'`);
  const [counts] = await db.execute<{ email_failures: number; address_failures: number }>(sql`
    select
      (select count(*)::int from ${customerLoginAttempt} a
        where a.email = ${email} and not a.succeeded and a.created_at > ${window}
          and a.created_at > coalesce(
            (select max(s.created_at) from ${customerLoginAttempt} s where s.email = ${email} and s.succeeded),
            '-infinity')) as email_failures,
      (select count(*)::int from ${customerLoginAttempt} a
        where a.client_address = ${clientAddress} and not a.succeeded and a.created_at > ${window}) as address_failures`);
  // Each count includes this attempt: refuse once the earlier failures reach the limit.
  const throttled = counts!.email_failures > THROTTLE.perEmail || counts!.address_failures > THROTTLE.perAddress;
  if (throttled) await db.delete(customerLoginAttempt).where(eq(customerLoginAttempt.id, attempt!.id));
  return { id: attempt!.id, throttled };
}

/**
 * Signs a customer in: LOGIN_THROTTLED after 5 failures for the email (or 20
 * for the address) in 15 minutes, without checking the password;
 * INVALID_CREDENTIALS for an unknown email, a member without an account, an
 * archived or disabled member or a wrong password alike, in the same time. `db` must be
 * the pool, not a transaction: the attempt must be visible to concurrent
 * sign-ins before the password is checked. The attempt row is the one write a
 * failed sign-in leaves.
 */
export async function customerLogin(
  db: Db,
  input: { email: string; password: string; guestCartId?: string | null; deviceId?: string | null },
  clientAddress: string | null,
): Promise<MemberResult<CustomerSession>> {
  // Checked before the attempt is recorded: a malformed request is no password guess.
  const attach = deviceAttach(input.deviceId);
  if (!attach.ok) return attach;
  const email = normalizeEmail(input.email);
  // No account has a longer address (RFC 5321); the attempt still counts, under a length the index can hold.
  const impossible = email.length > MAX_EMAIL_LENGTH;
  const attempt = await recordAttempt(db, email.slice(0, MAX_EMAIL_LENGTH), clientAddress);
  if (attempt.throttled) {
    return memberFail('LOGIN_THROTTLED', null, { minutes: THROTTLE.windowMinutes });
  }
  if (impossible) return memberFail('INVALID_CREDENTIALS', null);
  const [found] = await db
    .select({ ...memberColumns, passwordHash: member.passwordHash })
    .from(member)
    .where(and(sql`lower(${member.email}) = ${email}`, isNull(member.archivedAt), isNull(member.disabledAt)));
  if (!(await verifyPassword(found?.passwordHash, input.password)) || !found) {
    return memberFail('INVALID_CREDENTIALS', null);
  }
  const { passwordHash: _hash, ...memberRow } = found;
  return ok(
    await db.transaction(async (tx) => {
      await tx
        .update(customerLoginAttempt)
        .set({ succeeded: true, updatedAt: new Date() })
        .where(eq(customerLoginAttempt.id, attempt.id));
      await attachGuestCart(tx, memberRow.id, input.guestCartId);
      await attach.value(tx, memberRow.id);
      return openSession(tx, memberRow);
    }),
  );
}

/**
 * Ends the caller's session, or every open session of the member with
 * `allSessions`; returns how many ended. The next request with an ended token
 * is refused. `tx` may be the pool (one update).
 */
export async function customerLogout(
  tx: Db,
  actor: { memberId: string; sessionId: string },
  input: { allSessions?: boolean | null },
): Promise<MemberResult<number>> {
  const ended = await tx
    .update(customerSession)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(customerSession.memberId, actor.memberId),
        isNull(customerSession.revokedAt),
        input.allSessions ? undefined : eq(customerSession.id, actor.sessionId),
      ),
    )
    .returning({ id: customerSession.id });
  return ok(ended.length);
}

/** A new password's problem (WEAK_PASSWORD below the minimum, INVALID_TEXT past the cap), as at `input.newPassword`; null when it will do. */
export function newPasswordProblem(password: string): { ok: false; errors: MemberError[] } | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return memberFail('WEAK_PASSWORD', ['input', 'newPassword'], { min: MIN_PASSWORD_LENGTH });
  if (length > MAX_PASSWORD_LENGTH) return memberFail('INVALID_TEXT', ['input', 'newPassword'], { max: MAX_PASSWORD_LENGTH });
  return null;
}

/**
 * Changes the signed-in customer's password: the current one must be right
 * (WRONG_PASSWORD, nothing written otherwise), the new one as strong as at
 * sign-up. Every other session of the member ends; the caller's stays open.
 * `tx` is the mutation's transaction.
 */
export async function changePassword(
  tx: Db,
  actor: { memberId: string; sessionId: string },
  input: { currentPassword: string; newPassword: string },
  changes: ChangeRecord[],
): Promise<MemberResult<number>> {
  const [found] = await tx.select({ passwordHash: member.passwordHash }).from(member).where(eq(member.id, actor.memberId)).for('update');
  if (!(await verifyPassword(found?.passwordHash, input.currentPassword)) || !found) {
    return memberFail('WRONG_PASSWORD', ['input', 'currentPassword']);
  }
  const weak = newPasswordProblem(input.newPassword);
  if (weak) return weak;
  await tx.update(member).set({ passwordHash: await hashPassword(input.newPassword), updatedAt: new Date() }).where(eq(member.id, actor.memberId));
  const ended = await endSessions(tx, actor.memberId, actor.sessionId);
  changes.push({ entity: 'Member', id: actor.memberId, before: {}, after: { passwordChanged: true } });
  return ok(ended);
}
