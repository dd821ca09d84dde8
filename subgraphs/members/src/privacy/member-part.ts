// Members' own part of a privacy request: everything the members schema holds about one member, and its erasure.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { customerLoginAttempt, customerSession } from '../accounts/tables.js';
import { customerAddress } from '../addresses/tables.js';
import { contactLogEntry } from '../contacts/tables.js';
import { creditBalance, creditEntry, pointsBalance, pointsEntry } from '../loyalty/tables.js';
import { endSessions, memberColumns } from '../service.js';
import { member, memberConsent, memberConsentEvent } from '../tables.js';
import { exportsOf, purgeExports } from './service.js';
import { privacyRequest } from './tables.js';

/** The member's profile, consents with their history, address book, contact log, ledgers, sessions and privacy requests. */
export async function memberExport(db: Db, memberId: string) {
  const [profile] = await db.select(memberColumns).from(member).where(eq(member.id, memberId));
  return {
    profile: profile ?? null,
    consents: await db.select().from(memberConsent).where(eq(memberConsent.memberId, memberId)),
    consentHistory: await db.select().from(memberConsentEvent).where(eq(memberConsentEvent.memberId, memberId)).orderBy(asc(memberConsentEvent.createdAt)),
    addresses: await db.select().from(customerAddress).where(eq(customerAddress.memberId, memberId)),
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
  };
}

/**
 * Anonymises the member in the members schema, in the caller's transaction:
 * names, email, phone, birthday, gender, notes and tags go (the email and
 * display name, which must hold a value, become `erased-<id>`), the password
 * and every session end so nobody signs in again, the address book is
 * deleted, contact log summaries are replaced, sign-in attempts under the old
 * email are deleted and earlier exports are purged. Ledgers, consents (no
 * contact data in them) and orders' member id stay. Idempotent.
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
  await tx
    .update(contactLogEntry)
    .set({ summary: sql`'erased-' || ${contactLogEntry.id}`, updatedAt: new Date() })
    .where(eq(contactLogEntry.memberId, memberId));
  await purgeExports(tx, await exportsOf(tx, memberId));
}
