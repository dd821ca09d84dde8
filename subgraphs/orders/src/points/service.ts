// Points on orders: redeemed at checkout, earned on completion (a job of members), returned when the sale is undone.
import { money, ok, reissued, type Db, type Result } from '@shop/kit';
import { earnPointsForOrder, queuePointsEarning, redeemPoints, reversePointsForOrder } from '@shop/members/commands';
import type { OrderRow, OrderStatus } from '../tables.js';
import { checkoutFail } from '../errors/index.js';

export type PointsErrorCode = 'INSUFFICIENT_POINTS' | 'POINTS_EXCEED_ORDER' | 'INVALID';

export interface Redemption {
  points: number;
  valueMinor: bigint;
}

/**
 * Spends `points` of the member's balance on order `orderId` (members' ledger,
 * in `tx`, the checkout's transaction; the order id is the idempotency
 * reference) and answers what they take off. Refused, with the caller's
 * transaction left to roll back: a short balance (INSUFFICIENT_POINTS), points
 * worth more than the goods (POINTS_EXCEED_ORDER), an order in a currency
 * points do not pay in (INVALID).
 */
export async function redeemForOrder(
  tx: Db,
  input: { memberId: string; orderId: string; points: number; subtotalMinor: bigint; currencyCode: string },
): Promise<Result<Redemption, PointsErrorCode>> {
  const field = ['input', 'pointsToRedeem'];
  const redeemed = await redeemPoints(tx, { memberId: input.memberId, orderId: input.orderId, points: input.points });
  if (!redeemed.ok) {
    const [error] = redeemed.errors;
    return { ok: false, errors: [reissued(error!, { code: error!.code === 'INSUFFICIENT_POINTS' ? ('INSUFFICIENT_POINTS' as const) : ('INVALID' as const), field })] };
  }
  const { valueMinor, value } = redeemed.value;
  if (value.currencyCode !== input.currencyCode) return checkoutFail('INVALID:pointsCurrency', field, { currency: value.currencyCode });
  if (valueMinor > input.subtotalMinor) {
    const goods = money(input.subtotalMinor, input.currencyCode);
    return checkoutFail('POINTS_EXCEED_ORDER:goods', field, { points: input.points, worth: value.amount, currency: value.currencyCode, goods: goods.amount });
  }
  return ok({ points: redeemed.value.points, valueMinor });
}

/** What an order earns points on: the goods as paid (after discounts), shipping left out. */
const earningBasis = (row: OrderRow) => row.subtotalMinor - row.discountMinor;

/**
 * What a transition does to the member's points, in `tx`, the transition's
 * transaction. Completing queues members' earning job (once per order).
 * Cancelling or closing returns what the order redeemed and takes back what
 * it earned, here and now through members' command: the customer sees the
 * points back with the cancellation, and nothing is left to race. A completed
 * order being closed earns first (a no-op when the job already ran), so an
 * earning job still pending finds the order earned and reversed, and adds nothing.
 */
export async function settleOrderPoints(tx: Db, row: OrderRow, from: OrderStatus): Promise<void> {
  if (!row.memberId) return;
  const earning = { orderId: row.id, memberId: row.memberId, amountMinor: earningBasis(row), currency: row.currencyCode };
  if (row.status === 'COMPLETED') {
    await queuePointsEarning(tx, { ...earning, amountMinor: earning.amountMinor.toString() });
    return;
  }
  if (row.status !== 'CANCELLED' && row.status !== 'CLOSED') return;
  if (from === 'COMPLETED') {
    const earned = await earnPointsForOrder(tx, earning);
    if (!earned.ok && earned.errors[0]!.code !== 'CURRENCY_MISMATCH') throw new Error(`Points of order ${row.number}: ${earned.errors[0]!.message}`);
  } else if (row.pointsRedeemed === 0) {
    return;
  }
  const reversed = await reversePointsForOrder(tx, { memberId: row.memberId, orderId: row.id });
  if (!reversed.ok) throw new Error(`Returning the points of order ${row.number}: ${reversed.errors[0]!.message}`);
}
