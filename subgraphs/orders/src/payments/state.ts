import { and, eq, sql, type SQL } from 'drizzle-orm';
import { anyId, type Db } from '@shop/kit';
import { order } from '../tables.js';
import { payment, paymentTransaction } from './tables.js';

/** How the money received compares with an order's total (OrderPaymentState in the API). */
export const PAYMENT_STATES = ['UNPAID', 'PARTIALLY_PAID', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'OVERPAID'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** Money an order has received: captures and refunds, summed from its payment transactions. */
export interface OrderMoney {
  orderId: string;
  capturedMinor: bigint;
  refundedMinor: bigint;
  state: PaymentState;
}

/**
 * The one definition of the payment state, as SQL over an order's total and
 * its summed captures and refunds (the list filter and the field share it).
 */
function stateCase(total: SQL | typeof order.totalMinor, captured: SQL, refunded: SQL): SQL<PaymentState> {
  const net = sql`(${captured} - ${refunded})`;
  return sql<PaymentState>`case
    when ${net} > ${total} then 'OVERPAID'
    when ${net} = ${total} and (${total} > 0 or ${refunded} = 0) then 'PAID'
    when ${refunded} > 0 and ${net} <= 0 then 'REFUNDED'
    when ${refunded} > 0 then 'PARTIALLY_REFUNDED'
    when ${captured} > 0 then 'PARTIALLY_PAID'
    else 'UNPAID' end`;
}

const sumOf = (kind: 'CAPTURE' | 'REFUND') =>
  sql`coalesce(sum(${paymentTransaction.amountMinor}) filter (where ${paymentTransaction.kind} = ${kind}), 0)`;

/** Received money of many orders in one query; every asked-for order gets an entry (zero when none). */
export async function moneyByOrderIds(tx: Db, orderIds: readonly string[]): Promise<OrderMoney[]> {
  const sums = tx
    .select({
      orderId: paymentTransaction.orderId,
      captured: sumOf('CAPTURE').as('captured'),
      refunded: sumOf('REFUND').as('refunded'),
    })
    .from(paymentTransaction)
    .where(anyId(paymentTransaction.orderId, orderIds))
    .groupBy(paymentTransaction.orderId)
    .as('sums');
  const captured = sql`coalesce(${sums.captured}, 0)`;
  const refunded = sql`coalesce(${sums.refunded}, 0)`;
  const rows = await tx
    .select({
      orderId: order.id,
      captured: sql<string>`${captured}::text`,
      refunded: sql<string>`${refunded}::text`,
      state: stateCase(order.totalMinor, captured, refunded),
    })
    .from(order)
    .leftJoin(sums, sql`${sums.orderId} = ${order.id}`)
    .where(anyId(order.id, orderIds));
  return rows.map((row) => ({
    orderId: row.orderId,
    capturedMinor: BigInt(row.captured),
    refundedMinor: BigInt(row.refunded),
    state: row.state,
  }));
}

/** One order's received money (zero for an unknown order). */
export async function moneyOf(tx: Db, orderId: string): Promise<OrderMoney> {
  const [row] = await moneyByOrderIds(tx, [orderId]);
  return row ?? { orderId, capturedMinor: 0n, refundedMinor: 0n, state: 'UNPAID' };
}

/**
 * `orders.order` rows whose payment state is one of `states`: a correlated
 * aggregate over the order's transactions (payment_transaction_order_idx).
 */
export function paymentStateCondition(states: readonly string[]): SQL {
  const wanted = states.filter((s): s is PaymentState => (PAYMENT_STATES as readonly string[]).includes(s));
  const of = (kind: 'CAPTURE' | 'REFUND') =>
    sql`(select coalesce(sum(t.amount_minor), 0) from ${paymentTransaction} t where t.order_id = ${order.id} and t.kind = ${kind})`;
  return sql`(${stateCase(order.totalMinor, of('CAPTURE'), of('REFUND'))}) = any(${sql.param(wanted)}::text[])`;
}

/** Whether a card was authorised for the order but not yet captured: its money is promised, so the order must not expire. */
export async function hasAuthorizedPayment(tx: Db, orderId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: payment.id })
    .from(payment)
    .where(and(eq(payment.orderId, orderId), eq(payment.status, 'AUTHORIZED')))
    .limit(1);
  return Boolean(row);
}
