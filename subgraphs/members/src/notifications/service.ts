// Notifications to members: enqueue in the business transaction, render and send in a job, once per key.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { log, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { sendNotification } from '@shop/kit/notify';
import { member, memberConsent } from '../tables.js';
import { notification } from './tables.js';
import { isMarketing, isTemplateCode, renderTemplate, type TemplateCode, type TemplateParams } from './templates.js';

export const NOTIFY_TASK = 'members.notify';

export interface MemberNotification {
  memberId: string;
  template: TemplateCode;
  /** Ids, codes and numbers only: the job table is no place for an address, a name or a secret. */
  params: TemplateParams;
  /** The same key sends once, however often it is enqueued or retried (e.g. `tierChange:<memberId>:<date>`). */
  idempotencyKey: string;
}

/**
 * Asks for a message to a member, in the caller's transaction: the job exists
 * exactly when the business write commits. The job reads the address and locale
 * when it runs, so the payload carries ids only.
 */
export async function notifyMember(tx: Db, message: MemberNotification): Promise<void> {
  await enqueue(tx, NOTIFY_TASK, { ...message }, { jobKey: `notify:${message.idempotencyKey}` });
}

export type Delivery = 'sent' | 'already-sent' | 'skipped';

/**
 * Renders the template in the member's locale and sends it, recording the key
 * in the same transaction: a concurrent job with the same key waits on the
 * unique index and then finds it taken; a failed send rolls the key back so a
 * retry sends. A member who is gone (archived, merged) or, for a marketing
 * message, has not granted e-mail consent gets nothing, and the key is kept so
 * the message is not tried again. `tx` must be a transaction.
 */
export async function deliverToMember(tx: Db, message: MemberNotification): Promise<Delivery> {
  const [recorded] = await tx
    .insert(notification)
    .values({ idempotencyKey: message.idempotencyKey, memberId: message.memberId, template: message.template })
    .onConflictDoNothing()
    .returning({ id: notification.id });
  if (!recorded) return 'already-sent';
  const [recipient] = await tx
    .select({
      email: member.email,
      name: member.displayName,
      locale: member.locale,
      gone: member.archivedAt,
      mergedIntoId: member.mergedIntoId,
      emailConsent: memberConsent.granted,
    })
    .from(member)
    .leftJoin(memberConsent, and(eq(memberConsent.memberId, member.id), eq(memberConsent.channel, 'EMAIL')))
    .where(eq(member.id, message.memberId));
  if (!recipient || recipient.gone || recipient.mergedIntoId) return 'skipped';
  if (isMarketing(message.template) && !recipient.emailConsent) return 'skipped';
  const { subject, text } = renderTemplate(message.template, recipient.locale, { name: recipient.name, params: message.params });
  await sendNotification({ channel: 'email', to: recipient.email, subject, text });
  return 'sent';
}

const payloadSchema = z.object({
  memberId: z.uuid(),
  template: z.string().refine(isTemplateCode),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  idempotencyKey: z.string().min(1).max(200),
});

/** The `members.notify` task: one message, sent at most once per idempotency key. */
export async function notifyTask(payload: unknown, db: Db): Promise<void> {
  const parsed = payloadSchema.safeParse(payload);
  // A malformed payload will never succeed: log it (without its values) and drop it rather than retry forever.
  if (!parsed.success) {
    log.error({ task: NOTIFY_TASK }, 'notification job with a malformed payload dropped');
    return;
  }
  const message = parsed.data as MemberNotification;
  const delivery = await db.transaction((tx) => deliverToMember(tx, message));
  log.info({ task: NOTIFY_TASK, template: message.template, delivery }, 'member notification handled');
}
