// Merging a duplicate member into the one that stays.
import { eq, sql } from 'drizzle-orm';
import { ok, type ChangeRecord, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { customerAddress } from '../addresses/tables.js';
import { moveChannelIds } from '../channel-ids/index.js';
import { contactLogEntry } from '../contacts/tables.js';
import { memberFail, type MemberResult } from '../errors/index.js';
import { queueSegmentsRefresh } from '../segments/queue.js';
import { lockMember, endSessions, memberColumns, type Member } from '../service.js';
import { carryOrderFacts } from '../statistics/index.js';
import { member, memberConsent, memberConsentEvent } from '../tables.js';

export interface MergeOutcome {
  target: Member;
  source: Member;
}

/** Orders' task that moves the source's orders; named, not imported: members never imports orders. */
const ORDERS_MEMBER_MERGED = 'orders.memberMerged';

/**
 * Merges `sourceId` into `targetId` in the caller's transaction: the target
 * keeps its own profile and gains the source's orders (through the
 * orders.memberMerged job, queued in this transaction), tags, addresses (the target's default stays the default),
 * consents it lacks (a grant wins over a revocation), consent history,
 * contact log and LINE/WeChat ids on apps it has none on (the source's others
 * are dropped); the source is disabled, its sessions end and it is marked
 * merged into the target. Both rows are locked in id order, so two merges of
 * the same pair (either way round) run one after the other and the second
 * finds the source already merged.
 */
export async function mergeMembers(
  tx: Db,
  input: { sourceId: string; targetId: string },
  changes: ChangeRecord[],
): Promise<MemberResult<MergeOutcome>> {
  if (input.sourceId === input.targetId) return memberFail('MERGE_WITH_ITSELF', ['input', 'targetId']);
  const locked = [];
  for (const id of [input.sourceId, input.targetId].sort()) locked.push(await lockMember(tx, id));
  const source = locked.find((row) => row?.id === input.sourceId);
  const target = locked.find((row) => row?.id === input.targetId);
  if (!source) return memberFail('MEMBER_NOT_FOUND', ['input', 'sourceId']);
  if (!target) return memberFail('MEMBER_NOT_FOUND', ['input', 'targetId']);
  if (source.mergedIntoId) return memberFail('MEMBER_MERGED', ['input', 'sourceId']);
  if (target.mergedIntoId) return memberFail('MEMBER_MERGED', ['input', 'targetId']);

  await enqueue(tx, ORDERS_MEMBER_MERGED, { sourceId: source.id, targetId: target.id }, { jobKey: `member-merged:${source.id}` });
  // The target's purchase statistics include the source's orders at once, not when the orders' new facts arrive.
  await carryOrderFacts(tx, source.id, target.id);
  await tx.update(customerAddress).set({ isDefault: false }).where(eq(customerAddress.memberId, source.id));
  await tx.update(customerAddress).set({ memberId: target.id, updatedAt: sql`now()` }).where(eq(customerAddress.memberId, source.id));
  await tx.update(contactLogEntry).set({ memberId: target.id, updatedAt: sql`now()` }).where(eq(contactLogEntry.memberId, source.id));
  await tx.update(memberConsentEvent).set({ memberId: target.id }).where(eq(memberConsentEvent.memberId, source.id));
  await mergeConsents(tx, source.id, target.id);
  await moveChannelIds(tx, source.id, target.id, changes);
  await endSessions(tx, source.id);
  const [mergedTarget] = await tx
    .update(member)
    .set({ tags: [...new Set([...target.tags, ...source.tags])].sort(), updatedAt: sql`now()` })
    .where(eq(member.id, target.id))
    .returning(memberColumns);
  const [mergedSource] = await tx
    .update(member)
    .set({ mergedIntoId: target.id, disabledAt: source.disabledAt ?? sql`now()`, tags: [], updatedAt: sql`now()` })
    .where(eq(member.id, source.id))
    .returning(memberColumns);
  await queueSegmentsRefresh(tx);
  changes.push({ entity: 'Member', id: source.id, before: { mergedIntoId: null }, after: { mergedIntoId: target.id } });
  return ok({ target: mergedTarget!, source: mergedSource! });
}

/** Moves the source's consents the target lacks; where both have one, a grant on either side wins. */
async function mergeConsents(tx: Db, sourceId: string, targetId: string): Promise<void> {
  const sourceRows = await tx.select().from(memberConsent).where(eq(memberConsent.memberId, sourceId));
  for (const row of sourceRows) {
    await tx
      .insert(memberConsent)
      .values({ memberId: targetId, channel: row.channel, granted: row.granted })
      .onConflictDoUpdate({
        target: [memberConsent.memberId, memberConsent.channel],
        set: { granted: sql`${memberConsent.granted} or excluded.granted`, updatedAt: sql`now()` },
      });
  }
  await tx.delete(memberConsent).where(eq(memberConsent.memberId, sourceId));
}
