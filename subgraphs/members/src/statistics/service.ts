// Purchase statistics: recording order facts from the orders domain and recomputing each member's figures.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { anyId, type Db } from '@shop/kit';
import { categoryIdsByProduct } from '@shop/products/commands';
import { memberOrder, memberStatistics, type MemberStatisticsRow } from './tables.js';

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

/**
 * Takes transaction-scoped advisory locks on these keys in one statement, in
 * key order, so that two writers never wait for each other in a circle.
 */
async function lockKeys(tx: Db, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(key) from (
      select hashtextextended(k, 0) as key from unnest(${sql.param([...new Set(keys)])}::text[]) as k order by k) as keys`);
}

/** The newest fact of each order among these (a batch may repeat an order). */
function newestByOrder(facts: readonly OrderFactPayload[]): OrderFactPayload[] {
  const newest = new Map<string, OrderFactPayload>();
  for (const fact of facts) {
    const seen = newest.get(fact.orderId);
    if (!seen || new Date(seen.updatedAt) < new Date(fact.updatedAt)) newest.set(fact.orderId, fact);
  }
  return [...newest.values()];
}

/**
 * Keeps order facts: writes each unless member_order already holds one of its
 * order as new or newer (by the order's updatedAt, which orders moves forward
 * on every change), then recomputes the statistics of every member an order
 * now belongs to or belonged to before, all in one transaction. Idempotent
 * (the same fact again changes nothing), and jobs may run in any order: the
 * newest fact wins. Locks, in this order: each order's fact, its row, each
 * touched member's statistics (carryOrderFacts locks rows, then statistics,
 * too). `db` is the pool.
 */
export async function recordOrderFacts(db: Db, facts: readonly OrderFactPayload[]): Promise<void> {
  const candidates = newestByOrder(facts);
  if (!candidates.length) return;
  await db.transaction(async (tx) => {
    // Two facts of one order (a job replaced while it ran) wait for each other, also when the row is new.
    await lockKeys(tx, candidates.map((fact) => `members.order-fact ${fact.orderId}`));
    const previous = new Map(
      (
        await tx
          .select({ orderId: memberOrder.orderId, memberId: memberOrder.memberId, updatedAt: memberOrder.updatedAt })
          .from(memberOrder)
          .where(anyId(memberOrder.orderId, candidates.map((fact) => fact.orderId)))
          .for('update')
      ).map((row) => [row.orderId, row]),
    );
    const newer = candidates.filter((fact) => {
      const held = previous.get(fact.orderId);
      return !held || held.updatedAt < new Date(fact.updatedAt);
    });
    if (!newer.length) return;
    const touched = [
      ...new Set(newer.flatMap((fact) => [previous.get(fact.orderId)?.memberId, fact.memberId]).filter((id): id is string => !!id)),
    ];
    await lockKeys(tx, touched.map(statisticsKey));
    const categories = await categoryIdsByProduct(tx, newer.flatMap((fact) => fact.productIds));
    await tx
      .insert(memberOrder)
      .values(
        newer.map((fact) => ({
          orderId: fact.orderId,
          memberId: fact.memberId,
          status: fact.status,
          placedAt: new Date(fact.placedAt),
          updatedAt: new Date(fact.updatedAt),
          totalMinor: BigInt(fact.totalMinor),
          currencyCode: fact.currencyCode,
          channel: fact.channel,
          countryCode: fact.countryCode,
          couponUsed: fact.couponUsed,
          productIds: fact.productIds,
          categoryIds: [...new Set(fact.productIds.flatMap((id) => categories.get(id) ?? []))].sort(),
        })),
      )
      .onConflictDoUpdate({
        target: memberOrder.orderId,
        set: {
          memberId: sql`excluded.member_id`,
          status: sql`excluded.status`,
          placedAt: sql`excluded.placed_at`,
          updatedAt: sql`excluded.updated_at`,
          totalMinor: sql`excluded.total_minor`,
          currencyCode: sql`excluded.currency_code`,
          channel: sql`excluded.channel`,
          countryCode: sql`excluded.country_code`,
          couponUsed: sql`excluded.coupon_used`,
          productIds: sql`excluded.product_ids`,
          categoryIds: sql`excluded.category_ids`,
        },
      });
    await recomputeStatistics(tx, touched);
  });
}

const statisticsKey = (memberId: string) => `members.statistics ${memberId}`;

/**
 * Rewrites these members' statistics rows (one per currency) from their
 * counted member_order rows, in the caller's transaction (which holds their
 * statistics locks). Favourite categories: those in the most counted orders,
 * ties by id. Two statements however many members.
 */
async function recomputeStatistics(tx: Db, memberIds: readonly string[]): Promise<void> {
  if (!memberIds.length) return;
  const ids = sql.param([...memberIds]);
  await tx.execute(sql`delete from ${memberStatistics} where member_id = any(${ids}::uuid[])`);
  await tx.execute(sql`
    with counted as (
      select * from ${memberOrder}
      where member_id = any(${ids}::uuid[]) and status <> all(${sql.param([...UNCOUNTED_STATUSES])}::text[])),
    category_orders as (
      select member_id, currency_code, category_id, count(*) as orders
      from counted, unnest(category_ids) as category_id
      group by member_id, currency_code, category_id),
    favourites as (
      select member_id, currency_code,
        (array_agg(category_id order by orders desc, category_id))[1:${FAVOURITE_CATEGORIES}::int] as ids
      from category_orders group by member_id, currency_code)
    insert into ${memberStatistics} (member_id, currency_code, orders_count, total_spent_minor, average_order_minor,
      first_order_at, last_order_at, favourite_category_ids, updated_at)
    select c.member_id, c.currency_code, count(*)::int, sum(c.total_minor)::bigint,
      -- numeric division: round() takes halves up for these non-negative totals, no float in between.
      round(sum(c.total_minor)::numeric / count(*))::bigint,
      min(c.placed_at), max(c.placed_at), coalesce(f.ids, '{}'::text[]), now()
    from counted c left join favourites f on f.member_id = c.member_id and f.currency_code = c.currency_code
    group by c.member_id, c.currency_code, f.ids`);
}

/**
 * Moves the order facts of `sourceId` to `targetId` (a member merge, in its
 * transaction) and recomputes both members' statistics. The rows are locked
 * before the statistics, as recordOrderFacts does. Orders then queue newer
 * facts naming the target; a late fact naming the source is older and changes nothing.
 */
export async function carryOrderFacts(tx: Db, sourceId: string, targetId: string): Promise<void> {
  await tx.select({ orderId: memberOrder.orderId }).from(memberOrder).where(eq(memberOrder.memberId, sourceId)).for('update');
  await lockKeys(tx, [sourceId, targetId].map(statisticsKey));
  await tx.update(memberOrder).set({ memberId: targetId }).where(eq(memberOrder.memberId, sourceId));
  await recomputeStatistics(tx, [sourceId, targetId]);
}

/** Statistics rows of these members, for the per-request loader; each member's by currency code. */
export function statisticsOf(db: Db, memberIds: readonly string[]): Promise<MemberStatisticsRow[]> {
  return db
    .select()
    .from(memberStatistics)
    .where(anyId(memberStatistics.memberId, memberIds))
    .orderBy(memberStatistics.memberId, memberStatistics.currencyCode);
}
