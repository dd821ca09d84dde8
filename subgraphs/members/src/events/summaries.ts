// The summary job: per member and per product counts over 30 and 90 days, recomputed for what changed.
import { sql } from 'drizzle-orm';
import { anyId, log, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { behaviourSummaryRun, memberBehaviour, productEngagement } from './tables.js';

export const SUMMARISE_EVENTS = 'members.summariseEvents';

/** How long a burst of events waits for its summary: one job run covers everything sent meanwhile. */
export const SUMMARY_DELAY_MS = 10_000;

/** The windows summarised, in days. */
export const SUMMARY_WINDOWS = [30, 90] as const;

const TOP = 10;
/** Events are found by our receive time; a transaction still open when a run started commits within this. */
const OVERLAP = sql.raw(`interval '5 minutes'`);
/** Windows slide: a summary older than this is recomputed even without new events. */
const STALE = sql.raw(`interval '1 day'`);
const CHUNK = 500;

/** Enqueues the summary job in `tx`; while one is pending, later calls join it instead of adding another. */
export async function enqueueSummary(tx: Db): Promise<void> {
  await enqueue(tx, SUMMARISE_EVENTS, {}, {
    jobKey: SUMMARISE_EVENTS,
    jobKeyMode: 'preserve_run_at',
    runAt: new Date(Date.now() + SUMMARY_DELAY_MS),
  });
}

const windows = sql.raw(`(values ${SUMMARY_WINDOWS.map((days) => `(${days})`).join(', ')}) w(days)`);
const longest = sql.raw(`interval '${Math.max(...SUMMARY_WINDOWS)} days'`);

/**
 * Recomputes the summaries of these members from their events: those sent in their sessions and the anonymous
 * ones of the devices linked to them. One statement per chunk; a member without events gets zero counts.
 */
async function summariseMembers(tx: Db, memberIds: string[]): Promise<void> {
  await tx.execute(sql`
    with m as (select id from members.member where id = any(${sql.param(memberIds)}::uuid[])),
    ev as (
      select e.member_id, e.type, e.product_id, e.source, e.campaign, e.occurred_at
        from members.behaviour_event e
        where e.member_id = any(${sql.param(memberIds)}::uuid[]) and e.occurred_at > now() - ${longest}
      union all
      select d.member_id, e.type, e.product_id, e.source, e.campaign, e.occurred_at
        from members.member_device d
        join members.behaviour_event e on e.device_id = d.device_id and e.member_id is null
        where d.member_id = any(${sql.param(memberIds)}::uuid[]) and e.occurred_at > now() - ${longest}
    ),
    wev as (select w.days, ev.* from ${windows} join ev on ev.occurred_at > now() - make_interval(days => w.days)),
    counts as (
      select member_id, days,
        count(*) filter (where type = 'PRODUCT_VIEW')::int as views,
        count(*) filter (where type = 'ADD_TO_CART')::int as adds,
        count(*) filter (where type = 'SEARCH')::int as searches,
        max(occurred_at) as last_at
      from wev group by member_id, days
    ),
    products as (
      select member_id, days, jsonb_agg(jsonb_build_object('productId', product_id, 'views', n) order by n desc, product_id) as top
      from (
        select member_id, days, product_id, count(*)::int as n,
          row_number() over (partition by member_id, days order by count(*) desc, product_id) as rank
        from wev where type = 'PRODUCT_VIEW' group by member_id, days, product_id
      ) ranked where rank <= ${TOP} group by member_id, days
    ),
    sources as (
      select member_id, days,
        jsonb_agg(jsonb_build_object('source', source, 'campaign', campaign, 'events', n) order by n desc, source, campaign) as top
      from (
        select member_id, days, source, campaign, count(*)::int as n,
          row_number() over (partition by member_id, days order by count(*) desc, source, campaign) as rank
        from wev where source is not null or campaign is not null group by member_id, days, source, campaign
      ) ranked where rank <= ${TOP} group by member_id, days
    )
    insert into ${memberBehaviour} (member_id, window_days, views, adds_to_cart, searches, last_activity_at, top_products, top_sources)
    select m.id, w.days, coalesce(c.views, 0), coalesce(c.adds, 0), coalesce(c.searches, 0), c.last_at,
      coalesce(p.top, '[]'::jsonb), coalesce(s.top, '[]'::jsonb)
    from m cross join ${windows}
    left join counts c on c.member_id = m.id and c.days = w.days
    left join products p on p.member_id = m.id and p.days = w.days
    left join sources s on s.member_id = m.id and s.days = w.days
    on conflict (member_id, window_days) do update set
      views = excluded.views, adds_to_cart = excluded.adds_to_cart, searches = excluded.searches,
      last_activity_at = excluded.last_activity_at, top_products = excluded.top_products,
      top_sources = excluded.top_sources, updated_at = now()`);
}

/** Recomputes these products' views and adds to cart, from every device's events, anonymous or not. */
async function summariseProducts(tx: Db, productIds: string[]): Promise<void> {
  await tx.execute(sql`
    insert into ${productEngagement} (product_id, window_days, views, adds_to_cart)
    select p.id, w.days,
      count(e.id) filter (where e.type = 'PRODUCT_VIEW' and e.occurred_at > now() - make_interval(days => w.days))::int,
      count(e.id) filter (where e.type = 'ADD_TO_CART' and e.occurred_at > now() - make_interval(days => w.days))::int
    from unnest(${sql.param(productIds)}::uuid[]) p(id) cross join ${windows}
    left join members.behaviour_event e on e.product_id = p.id and e.occurred_at > now() - ${longest}
    group by p.id, w.days
    on conflict (product_id, window_days) do update set
      views = excluded.views, adds_to_cart = excluded.adds_to_cart, updated_at = now()`);
}

/** Members and products whose summaries may have changed since `since`, or whose windows slid a day. */
async function dirtySince(tx: Db, since: string): Promise<{ memberIds: string[]; productIds: string[] }> {
  const members = await tx.execute<{ id: string }>(sql`
    select e.member_id as id from members.behaviour_event e
      where e.received_at > ${since}::timestamptz and e.member_id is not null
    union
    select d.member_id from members.behaviour_event e join members.member_device d on d.device_id = e.device_id
      where e.received_at > ${since}::timestamptz and e.member_id is null
    union
    select member_id from members.member_device where updated_at > ${since}::timestamptz
    union
    select previous_member_id from members.member_device
      where updated_at > ${since}::timestamptz and previous_member_id is not null
    union
    select member_id from ${memberBehaviour}
      where updated_at < now() - ${STALE} and views + adds_to_cart + searches > 0`);
  const products = await tx.execute<{ id: string }>(sql`
    select product_id as id from members.behaviour_event
      where received_at > ${since}::timestamptz and product_id is not null
    union
    select product_id from ${productEngagement} where updated_at < now() - ${STALE} and views + adds_to_cart > 0`);
  return { memberIds: members.map((r) => r.id), productIds: products.map((r) => r.id) };
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * The task members.summariseEvents: recomputes what changed since the last run (with an overlap, so an event
 * whose transaction committed late is still seen), then moves the mark to this run's start. One transaction,
 * holding the run row, so two runs never interleave; every step is a recomputation, so a retry is harmless.
 */
export async function summariseEventsTask(_payload: unknown, db: Db): Promise<void> {
  const done = await db.transaction(async (tx) => {
    await tx.insert(behaviourSummaryRun).values({ id: 1, coveredUntil: new Date(0) }).onConflictDoNothing();
    const [run] = await tx.execute<{ since: string; started: string }>(sql`
      select (covered_until - ${OVERLAP})::text as since, now()::text as started
      from ${behaviourSummaryRun} where id = 1 for update`);
    const { memberIds, productIds } = await dirtySince(tx, run!.since);
    for (const chunk of chunks(memberIds, CHUNK)) await summariseMembers(tx, chunk);
    for (const chunk of chunks(productIds, CHUNK)) await summariseProducts(tx, chunk);
    await tx.execute(sql`update ${behaviourSummaryRun} set covered_until = ${run!.started}::timestamptz, updated_at = now() where id = 1`);
    return { members: memberIds.length, products: productIds.length };
  });
  log.info(done, 'behaviour summaries recomputed');
}

/** Summary rows of these members, both windows. */
export function behaviourOf(db: Db, memberIds: readonly string[]) {
  return db.select().from(memberBehaviour).where(anyId(memberBehaviour.memberId, memberIds));
}

/** Engagement rows of these products, both windows. */
export function engagementOf(db: Db, productIds: readonly string[]) {
  return db.select().from(productEngagement).where(anyId(productEngagement.productId, productIds));
}
