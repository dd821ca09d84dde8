// The order state machine: transitions, auto-complete and expiry of unpaid orders (shipping is in shipments/).
import { and, eq, inArray, ne } from 'drizzle-orm';
import { releasePricing } from '@shop/coupons/commands';
import { ok, type Db, type Result } from '@shop/kit';
import { publishEvent } from '@shop/kit/domain-events';
import { enqueue } from '@shop/kit/jobs';
import { recordPurchases, withdrawPurchases } from '@shop/products/commands';
import { commit, release } from '@shop/stock/commands';
import { enqueueOrderFacts, nextUpdatedAt } from '../facts/index.js';
import { isOnHold } from '../flags/index.js';
// The group-buy leaf, not its barrel: the barrel's outcome tasks move orders through this module.
import { awaitsGroupBuy, groupBuyPaymentReceived } from '../group-buys/hold.js';
import { addOrderHistory, lockOrder, systemActor, type OrderActor } from '../history/index.js';
// The payments leaf, not its barrel: payments' service moves orders through this module.
import { hasAuthorizedPayment } from '../payments/state.js';
import { settleOrderPoints } from '../points/index.js';
// The shipments leaf: shipments move orders through this module.
import { shipment } from '../shipments/tables.js';
import { settleOrderStoreCredit } from '../store-credit/index.js';
import { order, orderLine, type OrderRow, type OrderStatus } from '../tables.js';
import { lifecycleFail } from '../errors/index.js';

export type LifecycleErrorCode = 'NOT_FOUND' | 'INVALID_TRANSITION' | 'ORDER_ON_HOLD' | 'INSUFFICIENT_STOCK';

/**
 * The state machine. PENDING_PAYMENT → PAID → FULFILLING → SHIPPED → DELIVERED →
 * COMPLETED, with CANCELLED before shipping and CLOSED for a sale that did not
 * happen (unpaid) or was undone after delivery (returned and refunded).
 * A till sale (POINT_OF_SALE) leaves the shop with its buyer: PAID → COMPLETED.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED', 'CLOSED'],
  PAID: ['FULFILLING', 'CANCELLED', 'COMPLETED'],
  FULFILLING: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: ['COMPLETED', 'CLOSED'],
  COMPLETED: ['CLOSED'],
  CANCELLED: [],
  CLOSED: [],
};

/** Whether `from → to` is a transition the machine allows for an order on `channel`. */
export function canTransition(from: OrderStatus, to: OrderStatus, channel: OrderRow['channel']): boolean {
  if (from === 'PAID' && to === 'COMPLETED') return channel === 'POINT_OF_SALE';
  return NEXT[from].includes(to);
}

/** States whose stock is still held by the order's reservation. */
const HOLDS_STOCK: readonly OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'FULFILLING'];

export const AUTO_COMPLETE_TASK = 'orders.autoComplete';
export const EXPIRE_UNPAID_TASK = 'orders.expireUnpaid';

/** Minutes an order may wait for payment before the expiry job cancels it. */
export function paymentTimeoutMinutes(): number {
  const minutes = Number(process.env.ORDER_PAYMENT_TIMEOUT_MINUTES ?? 30);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 30;
}

/** Days a delivered order waits (the return window) before it completes by itself. */
export function completeAfterDays(): number {
  const days = Number(process.env.ORDER_COMPLETE_AFTER_DAYS ?? 7);
  return Number.isFinite(days) && days >= 0 ? days : 7;
}

/**
 * Moves an order to `to` in the caller's transaction, or refuses with a
 * userError naming the current state. Cancelling or closing an order that
 * still holds stock releases its reservation; shipments take their units out
 * of it as they leave, and becoming SHIPPED (or a till sale COMPLETED) commits
 * whatever it still holds. An order that started shipping is not cancelled. A flagged order on hold does not start fulfilment.
 * Completing queues the member's points earning; cancelling or closing returns
 * the points the order redeemed (points/) and the store credit it used (store-credit/). Paying a group-buy order
 * counts it in its group, and such an order does not start fulfilment before its group filled (group-buys/). Writes
 * one history entry, refreshes the order's facts (reports, members) and publishes order.status_changed.
 */
export async function transitionOrder(
  tx: Db,
  input: { orderId: string; to: OrderStatus; actor: OrderActor; note?: string | null },
): Promise<Result<OrderRow, LifecycleErrorCode>> {
  const current = await lockOrder(tx, input.orderId);
  if (!current) return lifecycleFail('NOT_FOUND', ['input', 'id']);
  const from = current.status;
  if (!canTransition(from, input.to, current.channel)) {
    return lifecycleFail('INVALID_TRANSITION', ['input', 'id'], { number: current.number, status: from, to: input.to });
  }
  if (from === 'PAID' && input.to === 'FULFILLING' && (await isOnHold(tx, current.id))) {
    return lifecycleFail('ORDER_ON_HOLD', ['input', 'id'], { number: current.number });
  }
  if (from === 'PAID' && input.to === 'FULFILLING' && (await awaitsGroupBuy(tx, current.id))) {
    return lifecycleFail('ORDER_ON_HOLD:groupBuy', ['input', 'id'], { number: current.number });
  }
  if (input.to === 'CANCELLED' && (await hasShipments(tx, current.id))) {
    return lifecycleFail('INVALID_TRANSITION:shipping', ['input', 'id'], { number: current.number });
  }
  // Points before stock: checkout locks the member's balance before stock rows, and the same order here rules out a deadlock.
  await settleOrderPoints(tx, { ...current, status: input.to }, from);
  await settleOrderStoreCredit(tx, current, input.to);
  // Cancelled (by staff, the customer or unpaid expiry) or closed: coupons and quotas the price used go back.
  if (input.to === 'CANCELLED' || input.to === 'CLOSED') await releasePricing(tx, current.id);
  const stock = await settleStock(tx, current, input.to, input.actor);
  if (!stock.ok) return stock;
  const [updated] = await tx
    .update(order)
    .set({ status: input.to, updatedAt: nextUpdatedAt })
    .where(eq(order.id, current.id))
    .returning();
  await addOrderHistory(tx, { orderId: current.id, actor: input.actor, kind: 'TRANSITION', from, to: input.to, note: input.note });
  await settlePurchases(tx, updated!, from);
  if (input.to === 'PAID') await groupBuyPaymentReceived(tx, current.id);
  await enqueueOrderFacts(tx, updated!);
  await publishEvent(tx, {
    type: 'order.status_changed',
    subject: { orderId: current.id, orderNumber: current.number, memberId: current.memberId },
    data: { from, to: input.to },
  });
  if (input.to === 'DELIVERED') {
    await enqueue(
      tx,
      AUTO_COMPLETE_TASK,
      { orderId: current.id },
      { jobKey: `order-complete:${current.id}`, runAt: new Date(Date.now() + completeAfterDays() * 86_400_000) },
    );
  }
  return ok(updated!);
}

/** Whether any unit of the order left (or is leaving) in a shipment of its own. */
async function hasShipments(tx: Db, orderId: string): Promise<boolean> {
  const [row] = await tx.select({ id: shipment.id }).from(shipment).where(and(eq(shipment.orderId, orderId), eq(shipment.kind, 'ORIGINAL'))).limit(1);
  return Boolean(row);
}

/** States of an order its customer paid for and did not cancel: each entitles a review of what it holds. */
const PURCHASED: readonly OrderStatus[] = ['PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

/**
 * What a transition does to the customer's right to review (products keeps the
 * purchases, through its commands, in this transaction): paying records the
 * order's variants; cancelling a paid order withdraws those the customer holds
 * no other paid order for. Guest and marketplace orders have no customer.
 */
async function settlePurchases(tx: Db, row: OrderRow, from: OrderStatus): Promise<void> {
  if (!row.memberId) return;
  const paid = row.status === 'PAID';
  const cancelled = row.status === 'CANCELLED' && PURCHASED.includes(from);
  if (!paid && !cancelled) return;
  const lines = await tx.selectDistinct({ variantId: orderLine.variantId }).from(orderLine).where(eq(orderLine.orderId, row.id));
  const variantIds = lines.map((l) => l.variantId);
  if (paid) return recordPurchases(tx, row.memberId, variantIds);
  const kept = await tx
    .selectDistinct({ variantId: orderLine.variantId })
    .from(orderLine)
    .innerJoin(order, eq(order.id, orderLine.orderId))
    .where(
      and(
        eq(order.memberId, row.memberId),
        ne(order.id, row.id),
        inArray(order.status, [...PURCHASED]),
        inArray(orderLine.variantId, variantIds),
      ),
    );
  const still = new Set(kept.map((l) => l.variantId));
  await withdrawPurchases(tx, row.memberId, variantIds.filter((id) => !still.has(id)));
}

/**
 * What a transition does to the order's stock reservation (reference = order id).
 * An order with no reservation (imported history, seeded demo data) has nothing to settle.
 */
async function settleStock(
  tx: Db,
  current: OrderRow,
  to: OrderStatus,
  actor: OrderActor,
): Promise<Result<void, LifecycleErrorCode>> {
  const actorId = actor.kind === 'staff' ? actor.id : null;
  const leaving = HOLDS_STOCK.includes(current.status);
  const result =
    leaving && (to === 'CANCELLED' || to === 'CLOSED')
      ? await release(tx, current.id, actorId)
      : leaving && (to === 'SHIPPED' || to === 'COMPLETED')
        ? await commit(tx, current.id, actorId)
        : null;
  if (!result || result.ok) return ok(undefined);
  const [error] = result.errors;
  if (error!.code === 'NOT_FOUND') return ok(undefined);
  // Shipments (shipments/) took every held unit already: nothing is left to commit.
  if (error!.code === 'INVALID_STATE' && to === 'SHIPPED') return ok(undefined);
  if (error!.code === 'INSUFFICIENT_STOCK') return lifecycleFail('INSUFFICIENT_STOCK', ['input', 'id']);
  throw new Error(`Settling the stock of order ${current.number}: ${error!.message}`);
}

/** The auto-complete job: a delivered order past its return window completes; anything else is left alone. */
export async function autoComplete(payload: unknown, db: Db): Promise<void> {
  const { orderId } = payload as { orderId: string };
  await db.transaction(async (tx) => {
    const row = await lockOrder(tx, orderId);
    if (row?.status !== 'DELIVERED') return;
    const result = await transitionOrder(tx, { orderId, to: 'COMPLETED', actor: systemActor('Return window ended') });
    if (!result.ok) throw new Error(`Completing order ${orderId}: ${result.errors[0]!.message}`);
  });
}

/**
 * The unpaid-expiry job: an order still PENDING_PAYMENT when its time is up is
 * cancelled and its stock released. Paid, cancelled or missing orders, and
 * orders with an authorised card payment awaiting capture, are left alone, so
 * a retried or late job changes nothing.
 */
export async function expireUnpaid(payload: unknown, db: Db): Promise<void> {
  const { orderId } = payload as { orderId: string };
  await db.transaction(async (tx) => {
    const row = await lockOrder(tx, orderId);
    if (row?.status !== 'PENDING_PAYMENT' || (await hasAuthorizedPayment(tx, orderId))) return;
    const result = await transitionOrder(tx, {
      orderId,
      to: 'CANCELLED',
      actor: systemActor(`Unpaid for ${paymentTimeoutMinutes()} minutes`),
    });
    if (!result.ok) throw new Error(`Expiring order ${orderId}: ${result.errors[0]!.message}`);
  });
}
