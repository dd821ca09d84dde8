// What other domains may call inside their own transaction: moving a member's orders.
import { eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { enqueueMemberOrderFacts, nextUpdatedAt } from './facts/index.js';
import { order } from './tables.js';

/**
 * Makes every order of member `fromMemberId` belong to `toMemberId` (members
 * merging a duplicate into the member that stays); returns how many moved.
 * `tx` is the caller's transaction, so the orders move with the rest of the
 * merge or not at all; their member facts follow them (newer than any fact
 * still naming the old member).
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
