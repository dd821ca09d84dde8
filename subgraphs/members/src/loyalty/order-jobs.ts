// Earning on completion as a job: orders queues it in the transaction that completes the order.
import { log, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { earnPointsForOrder } from './order-points.js';

export const EARN_POINTS_FOR_ORDER = 'members.earnPointsForOrder';

/** What the job carries: ids and the amount the points are earned on, never anything about the person. */
export interface OrderEarning {
  orderId: string;
  memberId: string;
  /** Minor units, as a string (JSON has no bigint). */
  amountMinor: string;
  currency: string;
}

/**
 * Queues the earning of a completed order in `tx`, the transaction that
 * completed it, so the job exists exactly when the completion commits. One
 * pending job per order; the ledger's once-per-order index makes a repeated
 * job (a retry, a second completion) earn nothing more.
 */
export async function queuePointsEarning(tx: Db, earning: OrderEarning): Promise<void> {
  await enqueue(tx, EARN_POINTS_FOR_ORDER, { ...earning }, { jobKey: `points-earn:${earning.orderId}` });
}

/** The job: earns once per order. An order in a currency points are not earned in earns nothing (not a failure to retry). */
export async function earnPointsForOrderTask(payload: unknown, db: Db): Promise<void> {
  const job = payload as OrderEarning;
  const result = await db.transaction((tx) =>
    earnPointsForOrder(tx, { memberId: job.memberId, orderId: job.orderId, amountMinor: BigInt(job.amountMinor), currency: job.currency }),
  );
  if (result.ok) log.info({ orderId: job.orderId, points: result.value.points, created: result.value.created }, 'order points earned');
  else if (result.errors[0]!.code === 'CURRENCY_MISMATCH') log.info({ orderId: job.orderId }, 'order earns no points: currency');
  else throw new Error(`Earning points for order ${job.orderId}: ${result.errors[0]!.code}`);
}
