// Purchase statistics: recording order facts from the orders domain and recomputing each member's figures.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { anyId, type Db } from '@shop/kit';
import { categoryIdsByProduct } from '@shop/products/commands';
import { memberOrder, memberStatistics, type MemberStatisticsRow } from './tables.js';

export const ORDER_FACT_TASK = 'members.orderFact';

/** How many favourite categories a member's statistics keep per currency. */
export const FAVOURITE_CATEGORIES = 3;

/** Orders that did not become (or stay) a sale count for nothing: the same rule as reports' sales figures. */
export const UNCOUNTED_STATUSES = ['CANCELLED', 'CLOSED'] as const;

/** What orders enqueues as `members.orderFact` when an order is placed or changes (shared-specs §3). */
export const orderFactPayload = z.object({
  orderId: z.uuid(),
  memberId: z.uuid().nullable(),
  status: z.string().min(1),
  placedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  // A string because JSON has no bigint.
  totalMinor: z.string().regex(/^-?\d+$/),
  currencyCode: z.string().length(3),
  channel: z.string().min(1),
  countryCode: z.string().length(2).nullable(),
  couponUsed: z.boolean(),
  productIds: z.array(z.uuid()),
});

export type OrderFactPayload = z.infer<typeof orderFactPayload>;

/** Serialises the writers of one key in this transaction (released at commit). */
async function lockKey(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * Locks the statistics of these members, in id order so that two writers
 * never wait for each other in a circle. Every writer of a member's
 * member_order rows takes it after locking those rows and holds it until it
 * commits, so a recomputation sees every other writer's committed facts.
 */
async function lockStatistics(tx: Db, memberIds: readonly (string | null | undefined)[]): Promise<string[]> {
  const ids = [...new Set(memberIds.filter((id): id is string => !!id))].sort();
  for (const id of ids) await lockKey(tx, `members.statistics ${id}`);
  return ids;
}

/**
 * Keeps one order's fact: writes it unless member_order already holds one as
 * new or newer (by the order's updatedAt, which orders moves forward on every
 * change), then recomputes the statistics of the member it belongs to and of
 * the member it belonged to before, in one transaction. Idempotent (the same
 * fact again changes nothing), and jobs may run in any order: the newest fact
 * wins. `db` is the pool.
 */
export async function recordOrderFact(db: Db, fact: OrderFactPayload): Promise<void> {
  const updatedAt = new Date(fact.updatedAt);
  await db.transaction(async (tx) => {
    // Two facts of one order (a job replaced while it ran) wait for each other, also when the row is new.
    await lockKey(tx, `members.order-fact ${fact.orderId}`);
    const [previous] = await tx
      .select({ memberId: memberOrder.memberId, updatedAt: memberOrder.updatedAt })
      .from(memberOrder)
      .where(eq(memberOrder.orderId, fact.orderId))
      .for('update');
    if (previous && previous.updatedAt >= updatedAt) return;
    const touched = await lockStatistics(tx, [previous?.memberId, fact.memberId]);
    const categories = await categoryIdsByProduct(tx, fact.productIds);
    const row = {
      orderId: fact.orderId,
      memberId: fact.memberId,
      status: fact.status,
      placedAt: new Date(fact.placedAt),
      updatedAt,
      totalMinor: BigInt(fact.totalMinor),
      currencyCode: fact.currencyCode,
      channel: fact.channel,
      countryCode: fact.countryCode,
      couponUsed: fact.couponUsed,
      productIds: fact.productIds,
      categoryIds: [...new Set(fact.productIds.flatMap((id) => categories.get(id) ?? []))].sort(),
    };
    await tx.insert(memberOrder).values(row).onConflictDoUpdate({ target: memberOrder.orderId, set: row });
    for (const memberId of touched) await recomputeMemberStatistics(tx, memberId);
  });
}

/**
 * Rewrites a member's statistics rows (one per currency) from their counted
 * member_order rows, in the caller's transaction (which holds the member's
 * statistics lock). Favourite categories: those in the most counted orders,
 * ties by id.
 */
async function recomputeMemberStatistics(tx: Db, memberId: string): Promise<void> {
  await tx.delete(memberStatistics).where(eq(memberStatistics.memberId, memberId));
  await tx.execute(sql`
    with counted as (
      select * from ${memberOrder}
      where member_id = ${memberId} and status <> all(${sql.param([...UNCOUNTED_STATUSES])}::text[])),
    category_orders as (
      select currency_code, category_id, count(*) as orders
      from counted, unnest(category_ids) as category_id
      group by currency_code, category_id),
    favourites as (
      select currency_code, (array_agg(category_id order by orders desc, category_id))[1:${FAVOURITE_CATEGORIES}::int] as ids
      from category_orders group by currency_code)
    insert into ${memberStatistics} (member_id, currency_code, orders_count, total_spent_minor, average_order_minor,
      first_order_at, last_order_at, favourite_category_ids, updated_at)
    select ${memberId}, c.currency_code, count(*)::int, sum(c.total_minor)::bigint,
      -- numeric division: round() takes halves up for these non-negative totals, no float in between.
      round(sum(c.total_minor)::numeric / count(*))::bigint,
      min(c.placed_at), max(c.placed_at), coalesce(f.ids, '{}'::text[]), now()
    from counted c left join favourites f on f.currency_code = c.currency_code
    group by c.currency_code, f.ids`);
}

/**
 * Moves the order facts of `sourceId` to `targetId` (a member merge, in its
 * transaction) and recomputes both members' statistics. The rows are locked
 * before the statistics, as the fact task does. Orders then queue newer facts
 * naming the target; a late fact naming the source is older and changes nothing.
 */
export async function carryOrderFacts(tx: Db, sourceId: string, targetId: string): Promise<void> {
  await tx.select({ orderId: memberOrder.orderId }).from(memberOrder).where(eq(memberOrder.memberId, sourceId)).for('update');
  await lockStatistics(tx, [sourceId, targetId]);
  await tx.update(memberOrder).set({ memberId: targetId }).where(eq(memberOrder.memberId, sourceId));
  await recomputeMemberStatistics(tx, sourceId);
  await recomputeMemberStatistics(tx, targetId);
}

/** Statistics rows of these members, for the per-request loader; each member's by currency code. */
export function statisticsOf(db: Db, memberIds: readonly string[]): Promise<MemberStatisticsRow[]> {
  return db
    .select()
    .from(memberStatistics)
    .where(anyId(memberStatistics.memberId, memberIds))
    .orderBy(memberStatistics.memberId, memberStatistics.currencyCode);
}

/** The members.orderFact task. */
export async function orderFactTask(payload: unknown, db: Db): Promise<void> {
  await recordOrderFact(db, orderFactPayload.parse(payload));
}
