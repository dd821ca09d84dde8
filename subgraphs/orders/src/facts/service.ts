// Order facts: the copies of each order that other domains keep (reports' sales figures, members' purchase history).
import { asc, gt, sql } from 'drizzle-orm';
import { anyId, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { paymentTransaction } from '../payments/tables.js';
import { order, orderLine, type OrderRow } from '../tables.js';

export const RECORD_ORDER_TASK = 'reports.recordOrder';
export const RECORD_REFUND_TASK = 'reports.recordRefund';
export const MEMBER_ORDER_FACT_TASK = 'members.orderFact';
/** Many orders' facts in one job, for the backfill: one transaction in members per batch instead of one per order. */
export const MEMBER_ORDER_FACTS_TASK = 'members.orderFacts';
export const PUBLISH_ORDER_FACTS_TASK = 'orders.publishOrderFacts';
/** Many orders' reports facts (and their refunds') in one job, for `pnpm reports:rebuild --refacts`. */
export const RECORD_ORDERS_TASK = 'reports.recordOrders';
export const PUBLISH_REPORT_FACTS_TASK = 'orders.publishReportFacts';

/**
 * The updatedAt of an order being changed: now, but always later than the
 * row's previous value. now() is when the transaction began, so a change that
 * waited for another's lock could otherwise look older than it; facts are
 * ordered by this value (the newest wins in members).
 */
export const nextUpdatedAt = sql`greatest(now(), ${order.updatedAt} + interval '1 millisecond')`;

/** Orders per backfill step: each step is one transaction that enqueues this many facts. */
const PUBLISH_BATCH = 500;

/**
 * What members keep of an order (shared-specs §3): ids, amounts, dates and
 * where it was sold, never a name, address line, phone or email.
 */
export interface MemberOrderFact {
  orderId: string;
  memberId: string | null;
  status: OrderRow['status'];
  placedAt: string;
  /** The order's updatedAt: members keep the newest fact of each order, whatever order the jobs run in. */
  updatedAt: string;
  /** A string because JSON has no bigint. */
  totalMinor: string;
  currencyCode: string;
  channel: OrderRow['channel'];
  countryCode: string | null;
  /** A discount beyond the points redeemed: only coupons (the price adjuster seam of checkout) give one. */
  couponUsed: boolean;
  productIds: string[];
}

function memberFactOf(row: OrderRow, productIds: string[]): MemberOrderFact {
  return {
    orderId: row.id,
    memberId: row.memberId,
    status: row.status,
    placedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    totalMinor: row.totalMinor.toString(),
    currencyCode: row.currencyCode,
    channel: row.channel,
    countryCode: row.shipCountry,
    // Redeemed points are counted in discountMinor too; they are no coupon.
    couponUsed: row.discountMinor - row.pointsDiscountMinor > 0n,
    productIds,
  };
}

/** The member facts of these orders: one query for the product ids of their lines. */
async function memberFactsOf(tx: Db, rows: readonly OrderRow[]): Promise<MemberOrderFact[]> {
  if (!rows.length) return [];
  const lines = await tx
    .selectDistinct({ orderId: orderLine.orderId, productId: orderLine.productId })
    .from(orderLine)
    .where(anyId(orderLine.orderId, rows.map((row) => row.id)))
    .orderBy(orderLine.orderId, orderLine.productId);
  const productIds = new Map<string, string[]>();
  for (const line of lines) {
    if (line.productId) productIds.set(line.orderId, [...(productIds.get(line.orderId) ?? []), line.productId]);
  }
  return rows.map((row) => memberFactOf(row, productIds.get(row.id) ?? []));
}

/**
 * Queues the facts of these orders for members (`members.orderFact`, one
 * pending job per order: jobKey `orderFact:<orderId>`, so the newest payload
 * replaces a waiting one) in the caller's transaction. Two statements however
 * many orders.
 */
export async function enqueueMemberOrderFacts(tx: Db, rows: readonly OrderRow[]): Promise<void> {
  const facts = await memberFactsOf(tx, rows);
  if (!facts.length) return;
  await tx.execute(sql`
    select graphile_worker.add_job(${MEMBER_ORDER_FACT_TASK}, fact, job_key => 'orderFact:' || (fact->>'orderId'))
    from json_array_elements(${JSON.stringify(facts)}::json) as facts(fact)`);
}

/** Pricing sources whose discount reports count as promotion cost (automatic price cuts); COUPON is coupon cost. */
const PROMOTION_SOURCES = new Set(['PROMOTION', 'FLASH_SALE', 'GROUP_BUY']);

/**
 * Where an order was sold, as reports keys it (its refunds carry the same):
 * channel, ship region ("TH-Bangkok" or the country) and member. Orders know
 * no warehouse or member tier at placement, so those stay unset.
 */
function reportKeysOf(row: OrderRow) {
  const region = row.shipCountry ? (row.shipRegion ? `${row.shipCountry}-${row.shipRegion}` : row.shipCountry) : null;
  return { channel: row.channel, region, memberId: row.memberId, warehouseId: null, memberTier: null };
}

/**
 * The reports facts of these orders: totals, discounts by kind and the lines
 * with their net revenue (after the line's share of item and order discounts,
 * from the pricing snapshot; list price × quantity for orders priced before
 * it). One query for the lines however many orders.
 */
async function reportFactsOf(tx: Db, rows: readonly OrderRow[]) {
  if (!rows.length) return [];
  const lines = await tx
    .select({ id: orderLine.id, orderId: orderLine.orderId, productId: orderLine.productId, variantId: orderLine.variantId, quantity: orderLine.quantity, unitPriceMinor: orderLine.unitPriceMinor })
    .from(orderLine)
    .where(anyId(orderLine.orderId, rows.map((row) => row.id)))
    .orderBy(orderLine.orderId, orderLine.position);
  return rows.map((row) => {
    const priced = new Map((row.pricing?.lines ?? []).map((line) => [line.key, line.totalMinor] as const));
    const discountOf = (counts: (source: string) => boolean) =>
      (row.pricing?.applied ?? []).filter((a) => counts(a.source)).reduce((sum, a) => sum + BigInt(a.amountMinor), 0n).toString();
    return {
      orderId: row.id,
      placedAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      status: row.status,
      totalMinor: row.totalMinor.toString(),
      currencyCode: row.currencyCode,
      couponDiscountMinor: discountOf((source) => source === 'COUPON'),
      promotionDiscountMinor: discountOf((source) => PROMOTION_SOURCES.has(source)),
      ...reportKeysOf(row),
      lines: lines
        .filter((line) => line.orderId === row.id)
        .map((line) => ({
          lineId: line.id,
          productId: line.productId,
          variantId: line.variantId,
          quantity: line.quantity,
          netMinor: priced.get(line.variantId) ?? (line.unitPriceMinor * BigInt(line.quantity)).toString(),
        })),
    };
  });
}

/**
 * Keeps every domain's copy of an order current: called in the transaction
 * that places an order or changes it (status, member), never elsewhere.
 */
export async function enqueueOrderFacts(tx: Db, row: OrderRow): Promise<void> {
  const [fact] = await reportFactsOf(tx, [row]);
  await enqueue(tx, RECORD_ORDER_TASK, fact!, { jobKey: `report-order:${row.id}` });
  await enqueueMemberOrderFacts(tx, [row]);
}

type RefundMovement = { id: string; amountMinor: bigint; currencyCode: string; createdAt: Date };

/** The reports fact of a refund (a REFUND payment movement): counted on the shop day it was refunded, with its order's keys. */
function refundFactOf(row: OrderRow, movement: RefundMovement) {
  return {
    refundId: movement.id,
    orderId: row.id,
    refundedAt: movement.createdAt.toISOString(),
    amountMinor: movement.amountMinor.toString(),
    currencyCode: movement.currencyCode,
    ...reportKeysOf(row),
  };
}

/** Queues the reports fact of a refund in the transaction that records the movement. */
export async function enqueueRefundFact(tx: Db, row: OrderRow, movement: RefundMovement): Promise<void> {
  await enqueue(tx, RECORD_REFUND_TASK, refundFactOf(row, movement), { jobKey: `report-refund:${movement.id}` });
}

/**
 * The backfill task: queues the member facts of every order, PUBLISH_BATCH
 * orders (by id) per step and per members.orderFacts job, each step queueing
 * the next, so a database that had orders before members kept facts (or the
 * demo seed) gets them all. Safe to run again: facts are idempotent and the
 * newest wins, whichever job carries it.
 */
export async function publishOrderFacts(payload: unknown, db: Db): Promise<void> {
  const after = (payload as { after?: string } | null)?.after;
  await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(order)
      .where(after ? gt(order.id, after) : undefined)
      .orderBy(asc(order.id))
      .limit(PUBLISH_BATCH);
    const facts = await memberFactsOf(tx, rows);
    if (facts.length) await enqueue(tx, MEMBER_ORDER_FACTS_TASK, { facts });
    const last = rows.at(-1);
    if (rows.length === PUBLISH_BATCH && last) {
      await enqueue(tx, PUBLISH_ORDER_FACTS_TASK, { after: last.id }, { jobKey: `publishOrderFacts:${last.id}` });
    }
  });
}

/** Queues the backfill from the first order (the demo seed and the migration hook call it). */
export async function enqueuePublishOrderFacts(tx: Db): Promise<void> {
  await enqueue(tx, PUBLISH_ORDER_FACTS_TASK, {}, { jobKey: 'publishOrderFacts' });
}

/**
 * The reports backfill task: like publishOrderFacts, PUBLISH_BATCH orders per
 * step, each step one reports.recordOrders job with their facts and refunds.
 * Safe to run again: reports keep the newest fact of each order and refund.
 */
export async function publishReportFacts(payload: unknown, db: Db): Promise<void> {
  const after = (payload as { after?: string } | null)?.after;
  await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(order)
      .where(after ? gt(order.id, after) : undefined)
      .orderBy(asc(order.id))
      .limit(PUBLISH_BATCH);
    if (!rows.length) return;
    const byId = new Map(rows.map((row) => [row.id, row] as const));
    const refunds = await tx
      .select()
      .from(paymentTransaction)
      .where(sql`${paymentTransaction.kind} = 'REFUND' and ${anyId(paymentTransaction.orderId, [...byId.keys()])}`);
    await enqueue(tx, RECORD_ORDERS_TASK, {
      orders: await reportFactsOf(tx, rows),
      refunds: refunds.map((movement) => refundFactOf(byId.get(movement.orderId)!, movement)),
    });
    const last = rows.at(-1);
    if (rows.length === PUBLISH_BATCH && last) {
      await enqueue(tx, PUBLISH_REPORT_FACTS_TASK, { after: last.id }, { jobKey: `publishReportFacts:${last.id}` });
    }
  });
}

/** Queues the reports backfill from the first order (`pnpm reports:rebuild --refacts`). */
export async function enqueuePublishReportFacts(tx: Db): Promise<void> {
  await enqueue(tx, PUBLISH_REPORT_FACTS_TASK, {}, { jobKey: 'publishReportFacts' });
}
