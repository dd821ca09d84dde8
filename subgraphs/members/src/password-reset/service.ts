// Password reset by a one-time e-mailed token: request (silent, rate-limited), send (job), reset.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { log, ok, type ChangeRecord, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { hashPassword, newToken, TOKEN_PREFIX, tokenHash } from '@shop/kit/secrets';
import { newPasswordProblem } from '../accounts/index.js';
import { memberFail, type MemberResult } from '../errors/index.js';
import { deliverToMember } from '../notifications/index.js';
import { endSessions, normalizeEmail } from '../service.js';
import { member } from '../tables.js';
import { passwordReset } from './tables.js';

export const SEND_PASSWORD_RESET_TASK = 'members.passwordResetSend';

/** How long an e-mailed token works, and how many requests per member an hour are honoured. */
export const PASSWORD_RESET = { tokenMinutes: 30, perHour: 3 } as const;

/**
 * Accepts a reset request for an e-mail address. The caller always gets the same
 * answer: nothing tells whether the address has an account, was rate-limited or
 * was malformed. For an active member with a storefront account, below
 * PASSWORD_RESET.perHour requests in the last hour, it writes a reset row and
 * enqueues the job that mints and e-mails the token (payload: the reset id only).
 * `tx` is the mutation's transaction; the member row is locked so concurrent
 * requests count each other.
 */
export async function requestPasswordReset(tx: Db, email: string, changes: ChangeRecord[]): Promise<MemberResult<true>> {
  const address = normalizeEmail(email);
  // No account has a longer address (RFC 5321): nothing to look up.
  if (address.length > 254) return ok(true);
  const [found] = await tx
    .select({ id: member.id })
    .from(member)
    .where(
      and(
        sql`lower(${member.email}) = ${address}`,
        isNull(member.archivedAt),
        isNull(member.disabledAt),
        // Members imported without an account have no password to reset (claiming one is not a reset).
        sql`${member.passwordHash} is not null`,
      ),
    )
    .for('update');
  if (!found) return ok(true);
  const recent = await tx.$count(
    passwordReset,
    and(eq(passwordReset.memberId, found.id), gt(passwordReset.createdAt, sql`now() - interval '1 hour'`)),
  );
  if (recent >= PASSWORD_RESET.perHour) return ok(true);
  const [reset] = await tx.insert(passwordReset).values({ memberId: found.id }).returning({ id: passwordReset.id });
  await enqueue(tx, SEND_PASSWORD_RESET_TASK, { resetId: reset!.id }, { jobKey: `passwordReset:${reset!.id}` });
  changes.push({ entity: 'Member', id: found.id, before: {}, after: { passwordResetRequested: true } });
  return ok(true);
}

/**
 * Mints the reset's token, keeps its hash and expiry, and e-mails the token in
 * the member's locale — all in one transaction with the notification's
 * idempotency key, so a failed send leaves no token behind and a retry mints a
 * fresh one; a reset already minted (sent) is left alone. `tx` must be a transaction.
 */
export async function sendPasswordReset(tx: Db, resetId: string): Promise<'sent' | 'already-sent' | 'skipped'> {
  const [reset] = await tx.select().from(passwordReset).where(eq(passwordReset.id, resetId)).for('update');
  if (!reset || reset.usedAt) return 'skipped';
  if (reset.tokenHash) return 'already-sent';
  const token = newToken(TOKEN_PREFIX.passwordReset);
  const expiresAt = new Date(Date.now() + PASSWORD_RESET.tokenMinutes * 60_000);
  await tx.update(passwordReset).set({ tokenHash: tokenHash(token), expiresAt }).where(eq(passwordReset.id, resetId));
  return deliverToMember(tx, {
    memberId: reset.memberId,
    template: 'passwordReset',
    params: { token, minutes: PASSWORD_RESET.tokenMinutes },
    idempotencyKey: `passwordReset:${resetId}`,
  });
}

const sendPayload = z.object({ resetId: z.uuid() });

/** The `members.passwordResetSend` task. */
export async function sendPasswordResetTask(payload: unknown, db: Db): Promise<void> {
  const parsed = sendPayload.safeParse(payload);
  if (!parsed.success) {
    log.error({ task: SEND_PASSWORD_RESET_TASK }, 'password reset job with a malformed payload dropped');
    return;
  }
  const delivery = await db.transaction((tx) => sendPasswordReset(tx, parsed.data.resetId));
  log.info({ task: SEND_PASSWORD_RESET_TASK, delivery }, 'password reset handled');
}

/**
 * Sets a new password with an e-mailed token: INVALID_TOKEN for an unknown or
 * used token (or a member since disabled or archived), TOKEN_EXPIRED past its
 * 30 minutes, the sign-up password rules otherwise (the token stays usable then).
 * On success the token and every other open token of the member are used up and
 * every session of the member ends; returns how many. `tx` is the mutation's
 * transaction (rolled back on userErrors).
 */
export async function resetPassword(
  tx: Db,
  input: { token: string; newPassword: string },
  changes: ChangeRecord[],
): Promise<MemberResult<number>> {
  const [reset] = await tx
    .select({ id: passwordReset.id, memberId: passwordReset.memberId, expiresAt: passwordReset.expiresAt, usedAt: passwordReset.usedAt })
    .from(passwordReset)
    .innerJoin(member, eq(member.id, passwordReset.memberId))
    .where(and(eq(passwordReset.tokenHash, tokenHash(input.token)), isNull(member.archivedAt), isNull(member.disabledAt)))
    .for('update');
  if (!reset || reset.usedAt) return memberFail('INVALID_TOKEN', ['input', 'token']);
  if (!reset.expiresAt || reset.expiresAt <= new Date()) {
    return memberFail('TOKEN_EXPIRED', ['input', 'token'], { minutes: PASSWORD_RESET.tokenMinutes });
  }
  const weak = newPasswordProblem(input.newPassword);
  if (weak) return weak;
  const now = new Date();
  await tx.update(member).set({ passwordHash: await hashPassword(input.newPassword), updatedAt: now }).where(eq(member.id, reset.memberId));
  await tx
    .update(passwordReset)
    .set({ usedAt: now })
    .where(and(eq(passwordReset.memberId, reset.memberId), isNull(passwordReset.usedAt)));
  const ended = await endSessions(tx, reset.memberId);
  changes.push({ entity: 'Member', id: reset.memberId, before: {}, after: { passwordReset: true } });
  return ok(ended);
}
