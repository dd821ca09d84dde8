// What other domains may call inside their own transaction: moving a member's orders.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { order } from './tables.js';

/**
 * Makes every order of member `fromMemberId` belong to `toMemberId` (members
 * merging a duplicate into the member that stays); returns how many moved.
 * `tx` is the caller's transaction, so the orders move with the rest of the
 * merge or not at all.
 */
export async function reassignMemberOrders(tx: Db, fromMemberId: string, toMemberId: string): Promise<number> {
  const moved = await tx
    .update(order)
    .set({ memberId: toMemberId, updatedAt: sql`now()` })
    .where(eq(order.memberId, fromMemberId))
    .returning({ id: order.id });
  return moved.length;
}
