// Recording facts: upserts where the sender's newest updatedAt wins, each queueing the roll-up of the days it changes.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { shopToday } from '@shop/kit/shop-time';
import { enqueueRollups } from '../rollups/index.js';
import { orderFact, orderLineFact, refundFact, trafficFact } from '../tables.js';
import { recordOrderPayload, recordOrdersPayload, recordRefundPayload, recordTrafficPayload } from './payloads.js';

/** Orders that never turned into a sale do not count towards GMV (nor do their refunds). */
const NON_SALE_STATUSES = ['CANCELLED', 'CLOSED'];

/** Does an order in this status count as a sale? */
export function isCounted(status: string): boolean {
  return !NON_SALE_STATUSES.includes(status);
}

/** A roll-up to recompute: one shop day in one currency. */
export interface RollupKey {
  day: string;
  currencyCode: string;
}

/** The roll-up of a member's first counted order (its day and currency: it may differ from the fact's), or null. */
async function firstOrderRollup(tx: Db, memberId: string | null | undefined): Promise<RollupKey | null> {
  if (!memberId) return null;
  const [first] = await tx
    .select({ day: orderFact.day, currencyCode: orderFact.currencyCode })
    .from(orderFact)
    .where(and(eq(orderFact.memberId, memberId), eq(orderFact.counted, true)))
    .orderBy(orderFact.placedAt, orderFact.orderId)
    .limit(1);
  return first ?? null;
}

/**
 * Writes one order's fact and lines unless a newer one is already there, in
 * `tx` (a transaction), and returns the roll-ups it may change: its day, the
 * days of its refunds (they count only while the order does) and its member's
 * first-order day before and after (new vs returning members).
 */
async function writeOrderFact(tx: Db, input: unknown): Promise<RollupKey[]> {
  const payload = recordOrderPayload.parse(input);
  const placedAt = new Date(payload.placedAt);
  const fact = {
    orderId: payload.orderId,
    placedAt,
    day: shopToday(placedAt),
    status: payload.status,
    counted: isCounted(payload.status),
    totalMinor: BigInt(payload.totalMinor),
    couponDiscountMinor: BigInt(payload.couponDiscountMinor),
    promotionDiscountMinor: BigInt(payload.promotionDiscountMinor),
    currencyCode: payload.currencyCode,
    memberId: payload.memberId ?? null,
    channel: payload.channel,
    warehouseId: payload.warehouseId ?? '',
    region: payload.region ?? '',
    memberTier: payload.memberTier ?? '',
    sourceUpdatedAt: new Date(payload.updatedAt ?? payload.placedAt),
  };
  const [previous] = await tx
    .select({ memberId: orderFact.memberId })
    .from(orderFact)
    .where(eq(orderFact.orderId, fact.orderId))
    .for('update');
  const firstBefore = [await firstOrderRollup(tx, previous?.memberId), await firstOrderRollup(tx, fact.memberId)];
  const written = await tx
    .insert(orderFact)
    .values(fact)
    .onConflictDoUpdate({
      target: orderFact.orderId,
      set: { ...fact, updatedAt: sql`now()` },
      // Equal: the same fact again (a retried job) rewrites the same values.
      setWhere: sql`excluded.source_updated_at >= ${orderFact.sourceUpdatedAt}`,
    })
    .returning({ orderId: orderFact.orderId });
  if (!written.length) return [];
  await tx.delete(orderLineFact).where(eq(orderLineFact.orderId, fact.orderId));
  if (payload.lines.length) {
    await tx.insert(orderLineFact).values(
      payload.lines.map((line) => ({ orderId: fact.orderId, ...line, netMinor: BigInt(line.netMinor) })),
    );
  }
  const refundDays = await tx
    .selectDistinct({ day: refundFact.day, currencyCode: refundFact.currencyCode })
    .from(refundFact)
    .where(eq(refundFact.orderId, fact.orderId));
  const firstAfter = [await firstOrderRollup(tx, previous?.memberId), await firstOrderRollup(tx, fact.memberId)];
  const firsts = [...firstBefore, ...firstAfter].filter((key): key is RollupKey => key !== null);
  return [{ day: fact.day, currencyCode: fact.currencyCode }, ...firsts, ...refundDays];
}

/** Writes one refund's fact unless it is already there (refunds do not change), returning the roll-up it changes. */
async function writeRefundFact(tx: Db, input: unknown): Promise<RollupKey[]> {
  const payload = recordRefundPayload.parse(input);
  const refundedAt = new Date(payload.refundedAt);
  const fact = {
    refundId: payload.refundId,
    orderId: payload.orderId,
    refundedAt,
    day: shopToday(refundedAt),
    amountMinor: BigInt(payload.amountMinor),
    currencyCode: payload.currencyCode,
    channel: payload.channel,
    warehouseId: payload.warehouseId ?? '',
    region: payload.region ?? '',
    memberTier: payload.memberTier ?? '',
    sourceUpdatedAt: refundedAt,
  };
  await tx.insert(refundFact).values(fact).onConflictDoNothing();
  return [{ day: fact.day, currencyCode: fact.currencyCode }];
}

/**
 * The reports.recordOrder task: stores the order's fact (the newest
 * updatedAt wins; a job run twice or late changes nothing) and queues the
 * roll-up of every day it changes, in one transaction.
 */
export async function recordOrder(db: Db, payload: unknown): Promise<void> {
  await db.transaction(async (tx) => enqueueRollups(tx, await writeOrderFact(tx, payload)));
}

/** The reports.recordRefund task: stores the refund's fact and queues its day's roll-up, in one transaction. */
export async function recordRefund(db: Db, payload: unknown): Promise<void> {
  await db.transaction(async (tx) => enqueueRollups(tx, await writeRefundFact(tx, payload)));
}

/** The reports.recordOrders task (orders' backfill): many order and refund facts in one transaction. */
export async function recordOrders(db: Db, input: unknown): Promise<void> {
  const payload = recordOrdersPayload.parse(input);
  await db.transaction(async (tx) => {
    const keys: RollupKey[] = [];
    // By order id: concurrent backfill jobs lock order facts in one order, so they cannot deadlock.
    for (const order of [...payload.orders].sort((a, b) => a.orderId.localeCompare(b.orderId))) keys.push(...(await writeOrderFact(tx, order)));
    for (const refund of payload.refunds) keys.push(...(await writeRefundFact(tx, refund)));
    await enqueueRollups(tx, keys);
  });
}

/**
 * The reports.recordTraffic task: one batch's page views per day, source,
 * campaign and visitor. Rows are keyed by the batch, so running the job again
 * writes nothing new. Traffic is read from these rows directly (they are
 * already an aggregate), so no roll-up is queued.
 */
export async function recordTraffic(db: Db, input: unknown): Promise<void> {
  const payload = recordTrafficPayload.parse(input);
  if (!payload.rows.length) return;
  await db
    .insert(trafficFact)
    .values(payload.rows.map((row) => ({ batchId: payload.batchId, ...row })))
    .onConflictDoNothing();
}
