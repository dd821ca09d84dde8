// Order facts: the copies of each order that other domains keep (reports' sales figures, members' purchase history).
import { asc, gt, sql } from 'drizzle-orm';
import { anyId, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { order, orderLine, type OrderRow } from '../tables.js';

export const RECORD_ORDER_TASK = 'reports.recordOrder';
export const MEMBER_ORDER_FACT_TASK = 'members.orderFact';
/** Many orders' facts in one job, for the backfill: one transaction in members per batch instead of one per order. */
export const MEMBER_ORDER_FACTS_TASK = 'members.orderFacts';
export const PUBLISH_ORDER_FACTS_TASK = 'orders.publishOrderFacts';

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

/**
 * Keeps every domain's copy of an order current: called in the transaction
 * that places an order or changes it (status, member), never elsewhere.
 */
export async function enqueueOrderFacts(tx: Db, row: OrderRow): Promise<void> {
  await enqueue(
    tx,
    RECORD_ORDER_TASK,
    {
      orderId: row.id,
      placedAt: row.createdAt.toISOString(),
      channel: row.channel,
      status: row.status,
      totalMinor: row.totalMinor.toString(),
      currencyCode: row.currencyCode,
    },
    { jobKey: `report-order:${row.id}` },
  );
  await enqueueMemberOrderFacts(tx, [row]);
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
