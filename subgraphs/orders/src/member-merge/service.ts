// Members merging a duplicate: the orders of the merged member follow it to the member that stays.
import { eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { enqueueMemberOrderFacts, nextUpdatedAt } from '../facts/index.js';
import { order } from '../tables.js';

/** Queued by members' merge in its transaction; members never imports orders (one dependency direction). */
export const MEMBER_MERGED_TASK = 'orders.memberMerged';

/**
 * Makes every order of `fromMemberId` belong to `toMemberId` in `tx`; returns how many moved.
 * Their member facts follow them (newer than any fact still naming the old member).
 */
export async function reassignMemberOrders(tx: Db, fromMemberId: string, toMemberId: string): Promise<number> {
  const moved = await tx
    .update(order)
    .set({ memberId: toMemberId, updatedAt: nextUpdatedAt })
    .where(eq(order.memberId, fromMemberId))
    .returning();
  await enqueueMemberOrderFacts(tx, moved);
  return moved.length;
}

/**
 * The orders.memberMerged job: moves the source member's orders to the target.
 * Idempotent: a retried or repeated job finds no orders left on the source.
 */
export async function memberMerged(payload: unknown, db: Db): Promise<void> {
  const { sourceId, targetId } = payload as { sourceId: string; targetId: string };
  await db.transaction((tx) => reassignMemberOrders(tx, sourceId, targetId));
}
