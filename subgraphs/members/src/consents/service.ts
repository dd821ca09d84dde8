// Consent per channel: the current state and the append-only history of every change.
import { and, desc, eq, sql } from 'drizzle-orm';
import { anyId, ok, type ChangeRecord, type Db } from '@shop/kit';
import type { MemberResult } from '../errors/index.js';
import { queueSegmentsRefresh } from '../segments/queue.js';
import { memberConsent, memberConsentEvent, type ConsentChannel, type ConsentSource } from '../tables.js';

export interface ConsentChange {
  channel: ConsentChannel;
  granted: boolean;
}

/** Who changed a consent: the member themselves (staffId null) or a staff member, and through what. */
export interface ConsentActor {
  source: ConsentSource;
  staffId: string | null;
}

/**
 * Sets the given channels' consent for a member and writes a history entry
 * for each channel whose state changed (setting the same state twice writes
 * one entry). `tx` is the caller's transaction; the member row must exist.
 */
export async function setConsents(
  tx: Db,
  memberId: string,
  consents: ConsentChange[],
  actor: ConsentActor,
  changes: ChangeRecord[],
): Promise<MemberResult<number>> {
  let changed = 0;
  for (const { channel, granted } of consents) {
    const [before] = await tx
      .select({ granted: memberConsent.granted })
      .from(memberConsent)
      .where(and(eq(memberConsent.memberId, memberId), eq(memberConsent.channel, channel)))
      .for('update');
    if (before?.granted === granted) continue;
    await tx
      .insert(memberConsent)
      .values({ memberId, channel, granted })
      .onConflictDoUpdate({ target: [memberConsent.memberId, memberConsent.channel], set: { granted, updatedAt: sql`now()` } });
    await tx.insert(memberConsentEvent).values({ memberId, channel, granted, ...actor });
    changes.push({ entity: 'MemberConsent', id: `${memberId}:${channel}`, before: { granted: before?.granted ?? false }, after: { granted } });
    changed += 1;
  }
  if (changed) await queueSegmentsRefresh(tx);
  return ok(changed);
}

/** Current consents of many members, for the loader. */
export function consentsOf(tx: Db, memberIds: readonly string[]) {
  return tx.select().from(memberConsent).where(anyId(memberConsent.memberId, memberIds)).orderBy(memberConsent.channel);
}

/** Consent history of many members, newest first, for the loader. */
export function consentHistoryOf(tx: Db, memberIds: readonly string[]) {
  return tx
    .select()
    .from(memberConsentEvent)
    .where(anyId(memberConsentEvent.memberId, memberIds))
    .orderBy(desc(memberConsentEvent.createdAt), desc(memberConsentEvent.id));
}
