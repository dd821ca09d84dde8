// Members' own part of a privacy request: everything the members schema holds about one member, and its erasure.
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { customerLoginAttempt, customerSession } from '../accounts/tables.js';
import { customerAddress } from '../addresses/tables.js';
import { memberMessagingId } from '../channel-ids/tables.js';
import { contactLogEntry } from '../contacts/tables.js';
import { behaviourEvent, memberBehaviour, memberDevice } from '../events/tables.js';
import { creditBalance, creditEntry, pointsBalance, pointsEntry } from '../loyalty/tables.js';
import { notification } from '../notifications/tables.js';
import { passwordReset } from '../password-reset/tables.js';
import { segment, segmentMember } from '../segments/tables.js';
import { memberOrder, memberStatistics } from '../statistics/tables.js';
import { wishlistItem } from '../wishlist/tables.js';
import { endSessions, memberColumns } from '../service.js';
import { member, memberConsent, memberConsentEvent } from '../tables.js';
import { exportsOf, purgeExports } from './service.js';
import { privacyRequest } from './tables.js';

/** The member's events: those sent in their sessions and the anonymous ones of their devices (as the summaries count them). */
const eventsOf = (memberId: string) =>
  or(
    eq(behaviourEvent.memberId, memberId),
    and(isNull(behaviourEvent.memberId), inArray(behaviourEvent.deviceId, sql`(select ${memberDevice.deviceId} from ${memberDevice} where ${memberDevice.memberId} = ${memberId})`)),
  )!;

/**
 * The member's profile, consents with their history, address book, contact log, ledgers, sessions, privacy
 * requests, behaviour (events, devices, summaries), wishlist, segments, purchase statistics and the messages sent.
 */
export async function memberExport(db: Db, memberId: string) {
  const [profile] = await db.select(memberColumns).from(member).where(eq(member.id, memberId));
  return {
    profile: profile ?? null,
    consents: await db.select().from(memberConsent).where(eq(memberConsent.memberId, memberId)),
    consentHistory: await db.select().from(memberConsentEvent).where(eq(memberConsentEvent.memberId, memberId)).orderBy(asc(memberConsentEvent.createdAt)),
    addresses: await db.select().from(customerAddress).where(eq(customerAddress.memberId, memberId)),
    messagingIds: await db.select().from(memberMessagingId).where(eq(memberMessagingId.memberId, memberId)),
    contactLog: await db.select().from(contactLogEntry).where(eq(contactLogEntry.memberId, memberId)).orderBy(asc(contactLogEntry.createdAt)),
    points: {
      balance: (await db.select().from(pointsBalance).where(eq(pointsBalance.memberId, memberId)))[0]?.balance ?? 0,
      ledger: await db.select().from(pointsEntry).where(eq(pointsEntry.memberId, memberId)).orderBy(asc(pointsEntry.createdAt)),
    },
    storeCredit: {
      balances: await db.select().from(creditBalance).where(eq(creditBalance.memberId, memberId)),
      ledger: await db.select().from(creditEntry).where(eq(creditEntry.memberId, memberId)).orderBy(asc(creditEntry.createdAt)),
    },
    // When they signed in, never the token hashes.
    sessions: await db
      .select({ createdAt: customerSession.createdAt, expiresAt: customerSession.expiresAt, revokedAt: customerSession.revokedAt })
      .from(customerSession)
      .where(eq(customerSession.memberId, memberId)),
    privacyRequests: await db
      .select({ id: privacyRequest.id, kind: privacyRequest.kind, status: privacyRequest.status, createdAt: privacyRequest.createdAt })
      .from(privacyRequest)
      .where(eq(privacyRequest.memberId, memberId)),
    behaviour: {
      events: await db.select().from(behaviourEvent).where(eventsOf(memberId)).orderBy(asc(behaviourEvent.occurredAt)),
      devices: await db.select().from(memberDevice).where(eq(memberDevice.memberId, memberId)),
      summaries: await db.select().from(memberBehaviour).where(eq(memberBehaviour.memberId, memberId)),
    },
    wishlist: await db.select().from(wishlistItem).where(eq(wishlistItem.memberId, memberId)).orderBy(asc(wishlistItem.createdAt)),
    segments: await db
      .select({ id: segment.id, name: segment.name, addedAt: segmentMember.addedAt })
      .from(segmentMember)
      .innerJoin(segment, eq(segment.id, segmentMember.segmentId))
      .where(eq(segmentMember.memberId, memberId)),
    statistics: await db.select().from(memberStatistics).where(eq(memberStatistics.memberId, memberId)),
    orders: await db.select().from(memberOrder).where(eq(memberOrder.memberId, memberId)).orderBy(asc(memberOrder.placedAt)),
    notifications: await db
      .select({ template: notification.template, createdAt: notification.createdAt })
      .from(notification)
      .where(eq(notification.memberId, memberId)),
    // When resets were asked and used, never the token hashes.
    passwordResets: await db
      .select({ createdAt: passwordReset.createdAt, usedAt: passwordReset.usedAt })
      .from(passwordReset)
      .where(eq(passwordReset.memberId, memberId)),
  };
}

/**
 * Anonymises the member in the members schema, in the caller's transaction:
 * names, email, phone, birthday, gender, notes and tags go (the email and
 * display name, which must hold a value, become `erased-<id>`), the password
 * and every session end so nobody signs in again, the address book is
 * deleted with the LINE and WeChat ids, contact log summaries are replaced, sign-in attempts under the old
 * email are deleted and earlier exports are purged. Behaviour goes: their
 * events (search text may hold PII; the one exception to the append-only log),
 * device links and summaries, with the wishlist, segment memberships, password
 * resets and the record of messages sent. Ledgers, consents (no contact data in
 * them), orders' member id and members' copy of the orders with the statistics
 * computed from them (amounts and product ids, as the orders keep) stay. Idempotent.
 */
export async function eraseMember(tx: Db, memberId: string): Promise<void> {
  const [row] = await tx.select({ email: member.email }).from(member).where(eq(member.id, memberId)).for('update');
  if (!row) return;
  const erased = `erased-${memberId}`;
  await tx.delete(customerLoginAttempt).where(eq(customerLoginAttempt.email, row.email.toLowerCase()));
  await endSessions(tx, memberId);
  await tx
    .update(member)
    .set({
      displayName: erased,
      email: erased,
      givenName: null,
      familyName: null,
      phone: null,
      phoneE164: null,
      birthday: null,
      gender: null,
      notes: null,
      tags: [],
      passwordHash: null,
      disabledAt: sql`coalesce(${member.disabledAt}, now())`,
      updatedAt: new Date(),
    })
    .where(eq(member.id, memberId));
  await tx.delete(customerAddress).where(eq(customerAddress.memberId, memberId));
  await tx.delete(memberMessagingId).where(eq(memberMessagingId.memberId, memberId));
  await tx
    .update(contactLogEntry)
    .set({ summary: sql`'erased-' || ${contactLogEntry.id}`, updatedAt: new Date() })
    .where(eq(contactLogEntry.memberId, memberId));
  await eraseBehaviour(tx, memberId);
  await tx.delete(wishlistItem).where(eq(wishlistItem.memberId, memberId));
  await tx.delete(segmentMember).where(eq(segmentMember.memberId, memberId));
  await tx.delete(passwordReset).where(eq(passwordReset.memberId, memberId));
  await tx.delete(notification).where(eq(notification.memberId, memberId));
  await purgeExports(tx, await exportsOf(tx, memberId));
}

/** Deletes the member's events (before their device links, which find the anonymous ones), devices and summaries. */
async function eraseBehaviour(tx: Db, memberId: string): Promise<void> {
  await tx.delete(behaviourEvent).where(eventsOf(memberId));
  await tx.delete(memberDevice).where(eq(memberDevice.memberId, memberId));
  await tx.update(memberDevice).set({ previousMemberId: null, updatedAt: new Date() }).where(eq(memberDevice.previousMemberId, memberId));
  await tx.delete(memberBehaviour).where(eq(memberBehaviour.memberId, memberId));
}
