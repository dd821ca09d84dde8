// Daily roll-ups: recomputed whole per (shop day, currency) from the fact tables by one idempotent job.
import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { z } from 'zod';

export const ROLLUP_DAY_TASK = 'reports.rollupDay';

/** How long a roll-up waits after the first change it was queued for, so a burst of facts costs one recomputation. */
const COALESCE_MS = 3_000;

export const rollupDayPayload = z.object({ day: z.iso.date(), currencyCode: z.string().length(3) });
export type RollupDayPayload = z.infer<typeof rollupDayPayload>;

/**
 * Queues reports.rollupDay for each distinct (day, currency) in the caller's
 * transaction. The job key `rollup:<day>:<currency>` keeps one pending job per
 * day; preserve_run_at keeps its time, so steady traffic cannot postpone it.
 */
export async function enqueueRollups(tx: Db, keys: readonly RollupDayPayload[]): Promise<void> {
  const distinct = new Map(keys.map((key) => [`${key.day}:${key.currencyCode}`, key] as const));
  const runAt = new Date(Date.now() + COALESCE_MS);
  for (const [id, key] of [...distinct].sort(([a], [b]) => a.localeCompare(b))) {
    await enqueue(tx, ROLLUP_DAY_TASK, key, { jobKey: `rollup:${id}`, runAt, jobKeyMode: 'preserve_run_at' });
  }
}

/**
 * Recomputes the sales and product roll-ups of one shop day in one currency
 * from the facts, in `tx` (a transaction): deletes the day's rows and inserts
 * them again, so running it twice, or late, gives the same rows. An advisory
 * lock serialises two runs of the same day (a queued one while another runs).
 */
export async function rollupDayIn(tx: Db, { day, currencyCode }: RollupDayPayload): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reports.rollup:${day}:${currencyCode}`}))`);
  await tx.execute(sql`delete from reports.sales_rollup where currency_code = ${currencyCode} and day = ${day}`);
  await tx.execute(sql`delete from reports.product_rollup where currency_code = ${currencyCode} and day = ${day}`);
  // New member: a counted order with no counted order of the same member before it (placed_at, then id, breaks ties).
  await tx.execute(sql`
    insert into reports.sales_rollup
      (day, currency_code, channel, warehouse_id, region, member_tier, orders, gmv_minor, coupon_minor, promotion_minor, new_members, refunds, refund_minor)
    select ${day}, ${currencyCode}, channel, warehouse_id, region, member_tier,
           sum(orders), sum(gmv), sum(coupon), sum(promotion), sum(new_members), sum(refunds), sum(refund)
    from (
      select f.channel, f.warehouse_id, f.region, f.member_tier, 1 as orders, f.total_minor as gmv,
             f.coupon_discount_minor as coupon, f.promotion_discount_minor as promotion,
             (f.member_id is not null and not exists (
                select 1 from reports.order_fact e
                where e.member_id = f.member_id and e.counted and (e.placed_at, e.order_id) < (f.placed_at, f.order_id)))::int as new_members,
             0 as refunds, 0::bigint as refund
      from reports.order_fact f
      where f.currency_code = ${currencyCode} and f.day = ${day} and f.counted
      union all
      select r.channel, r.warehouse_id, r.region, r.member_tier, 0, 0, 0, 0, 0, 1, r.amount_minor
      from reports.refund_fact r
      join reports.order_fact o on o.order_id = r.order_id and o.counted
      where r.currency_code = ${currencyCode} and r.day = ${day}
    ) facts
    group by channel, warehouse_id, region, member_tier`);
  await tx.execute(sql`
    insert into reports.product_rollup
      (day, currency_code, product_id, channel, warehouse_id, region, member_tier, units, revenue_minor)
    select ${day}, ${currencyCode}, coalesce(l.product_id::text, ''), f.channel, f.warehouse_id, f.region, f.member_tier,
           sum(l.quantity), sum(l.net_minor)
    from reports.order_fact f
    join reports.order_line_fact l on l.order_id = f.order_id
    where f.currency_code = ${currencyCode} and f.day = ${day} and f.counted
    group by 3, 4, 5, 6, 7`);
}

/** The reports.rollupDay task. */
export async function rollupDay(db: Db, payload: unknown): Promise<void> {
  const key = rollupDayPayload.parse(payload);
  await db.transaction((tx) => rollupDayIn(tx, key));
}

/**
 * Rebuilds every roll-up from the facts: empties them and recomputes each
 * (day, currency) that has an order or refund fact, one transaction per day.
 * Returns how many days were recomputed.
 */
export async function rebuildRollups(db: Db): Promise<number> {
  await db.execute(sql`truncate reports.sales_rollup, reports.product_rollup`);
  const keys = await db.execute<RollupDayPayload>(sql`
    select day::text as day, currency_code as "currencyCode" from reports.order_fact
    union select day::text, currency_code from reports.refund_fact
    order by 1, 2`);
  for (const key of keys) await db.transaction((tx) => rollupDayIn(tx, key));
  return keys.length;
}
