// Orders' side of a group buy's outcome: the tasks coupons queues when a group fills or runs out of time.
import { log, type Db, type Task } from '@shop/kit';
import { addOrderHistory, lockOrder, systemActor } from '../history/index.js';
import { transitionOrder } from '../lifecycle/index.js';
import { refundAllCaptured, voidOpenAuthorizations } from '../payments/index.js';
import type { OrderStatus } from '../tables.js';
import { settleGroupBuyHold } from './hold.js';

/** Task names coupons enqueues (it cannot import orders: orders imports coupons). */
export const GROUP_BUY_SUCCEEDED_TASK = 'orders.groupBuySucceeded';
export const GROUP_BUY_FAILED_TASK = 'orders.groupBuyFailed';

/** States a failed group's order is cancelled from; later ones cannot be (a waiting order is never fulfilled). */
const CANCELLABLE: readonly OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'FULFILLING'];

function orderIdsOf(payload: unknown, task: string): string[] | null {
  const ids = (payload as { orderIds?: unknown } | null)?.orderIds;
  if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return ids;
  log.error({ task }, 'group-buy job with a malformed payload dropped');
  return null;
}

/** The group filled with paid members: each order may proceed to fulfilment. Idempotent. */
export async function groupBuySucceeded(tx: Db, orderId: string): Promise<void> {
  const row = await lockOrder(tx, orderId);
  if (!row || !(await settleGroupBuyHold(tx, orderId, 'SUCCEEDED'))) return;
  await addOrderHistory(tx, { orderId, actor: systemActor('Group buy'), kind: 'GROUP_BUY', note: 'The group filled; the order may be fulfilled.' });
}

/**
 * The group ran out of time: the order's captured money is refunded and its
 * authorisations never captured are voided, through its providers, and the
 * order cancelled (which releases its stock). Idempotent: a repeated job finds
 * nothing left to refund or void and the order already cancelled.
 */
export async function groupBuyFailed(tx: Db, orderId: string): Promise<void> {
  const row = await lockOrder(tx, orderId);
  if (!row) return;
  await settleGroupBuyHold(tx, orderId, 'FAILED');
  const actor = systemActor('Group buy failed');
  const why = 'The group did not fill in time.';
  const refunded = await refundAllCaptured(tx, row, actor, why);
  if (!refunded.ok) throw new Error(`Refunding order ${row.number}: ${refunded.errors[0]!.message}`);
  const voided = await voidOpenAuthorizations(tx, row, actor, why);
  if (!voided.ok) throw new Error(`Voiding the authorisations of order ${row.number}: ${voided.errors[0]!.message}`);
  if (!CANCELLABLE.includes(row.status)) return;
  const cancelled = await transitionOrder(tx, { orderId, to: 'CANCELLED', actor, note: why });
  if (!cancelled.ok) throw new Error(`Cancelling order ${row.number}: ${cancelled.errors[0]!.message}`);
}

/** One transaction per order: one order's trouble (a refused refund) retries alone and never blocks the rest. */
function perOrder(task: string, settle: (tx: Db, orderId: string) => Promise<void>): Task {
  return async (payload, db) => {
    const orderIds = orderIdsOf(payload, task);
    if (!orderIds) return;
    const failures: unknown[] = [];
    for (const orderId of orderIds) {
      try {
        await db.transaction((tx) => settle(tx, orderId));
      } catch (error) {
        failures.push(error);
      }
    }
    // The worker retries the whole job; the orders already settled are no-ops then.
    if (failures.length) throw new AggregateError(failures, `${failures.length} of ${orderIds.length} orders not settled`);
  };
}

export const groupBuyTasks: Record<string, Task> = {
  [GROUP_BUY_SUCCEEDED_TASK]: perOrder(GROUP_BUY_SUCCEEDED_TASK, groupBuySucceeded),
  [GROUP_BUY_FAILED_TASK]: perOrder(GROUP_BUY_FAILED_TASK, groupBuyFailed),
};
