// The group-buy hold an order carries from checkout to its group's outcome (a leaf: lifecycle and checkout use it).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { groupBuyOrderPaid } from '@shop/coupons/commands';
import { orderGroupBuy } from './tables.js';

/** Whether a priced order got a group-buy price (the explanation's applied rules say so). */
export function boughtInGroup(applied: readonly { source: string }[]): boolean {
  return applied.some((a) => a.source === 'GROUP_BUY');
}

/** Checkout, in its transaction: the order waits for its group before it may be fulfilled. */
export async function holdForGroupBuy(tx: Db, orderId: string): Promise<void> {
  await tx.insert(orderGroupBuy).values({ orderId }).onConflictDoNothing();
}

/** Whether the order still waits for its group to fill. */
export async function awaitsGroupBuy(tx: Db, orderId: string): Promise<boolean> {
  const [row] = await tx
    .select({ orderId: orderGroupBuy.orderId })
    .from(orderGroupBuy)
    .where(and(eq(orderGroupBuy.orderId, orderId), eq(orderGroupBuy.outcome, 'WAITING')));
  return !!row;
}

/**
 * In the transaction that marks an order PAID: a group-buy order counts as a
 * paid member of its group (coupons' command; the Nth paid member makes the
 * group succeed and queues orders.groupBuySucceeded).
 */
export async function groupBuyPaymentReceived(tx: Db, orderId: string): Promise<void> {
  if (await awaitsGroupBuy(tx, orderId)) await groupBuyOrderPaid(tx, orderId);
}

/** Records the group's outcome for the order; false when it was already settled (a repeated job). */
export async function settleGroupBuyHold(tx: Db, orderId: string, outcome: 'SUCCEEDED' | 'FAILED'): Promise<boolean> {
  const settled = await tx
    .update(orderGroupBuy)
    .set({ outcome, settledAt: sql`now()` })
    .where(and(eq(orderGroupBuy.orderId, orderId), eq(orderGroupBuy.outcome, 'WAITING')))
    .returning({ orderId: orderGroupBuy.orderId });
  return settled.length > 0;
}
