/**
 * `pnpm bench dashboard [--orders 1000000] [--concurrency 8] [--requests 300]`: the whole home
 * dashboard query (every tile) through the gateway in both modes, over `--orders` orders of a
 * year, beside the naive answer in the same run: the same sales figures aggregated straight from
 * the orders tables (no roll-ups), run on the same pool. Orders, their lines, the reports facts
 * and the roll-ups are seeded once per bench database with SQL (generate_series and the
 * roll-up job itself), not through checkout. Prints req/s, p50/p95/p99, SQL statements per
 * request and the ratio of the naive p50/p95 to the gateway's. Figures only, never asserted.
 */
import './env.js';
import type { LoadResult } from './load.js';

const { parseArgs } = await import('node:util');
const { sql } = await import('drizzle-orm');
const { statementCounter } = await import('@shop/kit');
const { addShopDays, shopToday, shopTimeZone, shopWeekStart } = await import('@shop/kit/shop-time');
const { seedDemo } = await import('@shop/gateway/seed/index');
const { rebuildRollups } = await import('../../subgraphs/reports/test/rollups.js');
const { openBenchDatabase } = await import('./database.js');
const { startTestGateway } = await import('../kit/gateway.js');
const { ownerHeaders } = await import('../kit/callers.js');
const { figures, load } = await import('./load.js');

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    orders: { type: 'string', default: '1000000' },
    concurrency: { type: 'string', default: '8' },
    requests: { type: 'string', default: '300' },
  },
});
const ORDERS = Number(values.orders);
const options = { concurrency: Number(values.concurrency), requests: Number(values.requests) };
const ZONE = shopTimeZone();

const { database, stop } = await openBenchDatabase(`shop_bench_dashboard_${ORDERS}`, { max: 20 });
const db = database.db;

const benchOrders = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from orders."order" where number like 'SO-B%'`))[0]!.n;
if ((await benchOrders()) !== ORDERS) {
  console.log(`seeding the demo shop and ${ORDERS} orders over the last 365 days...`);
  await seedDemo(db);
  const started = performance.now();
  // Placed evenly over a year up to now: those of the last day unpaid or paid (to-dos), older ones completed, 3% cancelled.
  await db.execute(sql`
    insert into orders."order" (number, channel, status, subtotal_minor, total_minor, currency_code,
      ship_name, ship_phone, ship_phone_digits, email, ship_line1, ship_city, ship_postal_code, ship_country, created_at)
    select 'SO-B' || g,
      (array['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE'])[1 + g % 4]::orders.order_channel,
      (case when age < interval '1 day' then (case when g % 3 = 0 then 'PENDING_PAYMENT' else 'PAID' end)
            when g % 33 = 0 then 'CANCELLED' else 'COMPLETED' end)::orders.order_status,
      25000, 25000, 'THB', 'Buyer ' || g, '+66 81 ' || g, '6681' || g, 'b' || g || '@example.com', g || ' Sukhumvit', 'Bangkok', '10110', 'TH',
      now() - age
    from generate_series(1, ${ORDERS}::int) g, lateral (select (g * (365 * 86400.0 / ${ORDERS})) * interval '1 second' as age) a`);
  // Two lines per order over the demo catalog's variants.
  await db.execute(sql`
    with catalog as (select array_agg(id order by id) as variants, array_agg(product_id order by id) as products, count(*)::int as n from products.variant)
    insert into orders.order_line (order_id, variant_id, product_id, sku, title, quantity, unit_price_minor, currency_code, position)
    select o.id, c.variants[k], c.products[k], 'SKU-' || k, 'Item ' || k, p, 5000 * p, 'THB', p
    from orders."order" o cross join generate_series(1, 2) p cross join catalog c,
      lateral (select 1 + abs(hashtext(o.number || p)) % c.n as k) pick
    where o.number like 'SO-B%'`);
  // The facts the orders domain would have queued, then the roll-up job over every day.
  await db.execute(sql`
    insert into reports.order_fact (order_id, placed_at, day, channel, status, counted, total_minor, currency_code, source_updated_at)
    select id, created_at, (created_at at time zone ${ZONE})::date, channel::text, status::text,
      status not in ('CANCELLED', 'CLOSED'), total_minor, currency_code, created_at
    from orders."order" where number like 'SO-B%'`);
  await db.execute(sql`
    insert into reports.order_line_fact (order_id, line_id, product_id, variant_id, quantity, net_minor)
    select l.order_id, l.id, l.product_id, l.variant_id, l.quantity, l.quantity * l.unit_price_minor
    from orders.order_line l join orders."order" o on o.id = l.order_id where o.number like 'SO-B%'`);
  await db.execute(sql`analyze`);
  const days = await rebuildRollups(db);
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s (${days} roll-up days)`);
}

const DASHBOARD = {
  query: `query HomeDashboard { dashboard { id
    unpaidOrders toShipToday flaggedOrders deliveryExceptionsOpen afterSalesWaiting lowStockVariants followUpsDue
    stockCover(first: 10) { variantId sku available dailyVelocity daysLeft }
    salesToday { gmv { amount currencyCode } orders previousGmv { amount } previousOrders }
    salesThisWeek { gmv { amount currencyCode } orders previousGmv { amount } previousOrders }
    gmvTrend(days: 30) { day gmv { amount } previousGmv { amount } }
    channelSplit(days: 30) { key gmv { amount } orders }
    topProducts(days: 30, first: 10) { productId title unitsSold gmv { amount } }
    slowMovers(days: 30, first: 10) { productId title unitsSold gmv { amount } }
  } }`,
};

/**
 * The sales tiles' figures aggregated from the orders tables on every call, as a dashboard
 * without roll-ups would: the same days in the shop's zone, cancelled and closed orders left out.
 */
async function naiveSales(): Promise<void> {
  const today = shopToday();
  const week = shopWeekStart(today);
  const from30 = addShopDays(today, -29);
  const day = sql`(o.created_at at time zone ${ZONE})::date`;
  const since = (d: string) => sql`o.created_at >= (${d}::date::timestamp at time zone ${ZONE})`;
  const sale = sql`o.status not in ('CANCELLED', 'CLOSED') and o.currency_code = 'THB'`;
  await Promise.all([
    // Today vs yesterday, this week vs the same days of last week.
    db.execute(sql`select ${day} as day, sum(o.total_minor), count(*) from orders."order" o
      where ${sale} and ${since(addShopDays(week, -7))} group by 1`),
    // GMV per day of 30 days and of the 35 days before (same weekday).
    db.execute(sql`select ${day} as day, sum(o.total_minor) from orders."order" o
      where ${sale} and ${since(addShopDays(from30, -35))} group by 1`),
    // Channel split of 30 days.
    db.execute(sql`select o.channel, sum(o.total_minor), count(*) from orders."order" o where ${sale} and ${since(from30)} group by 1`),
    // Top products and slow movers of 30 days.
    db.execute(sql`select l.product_id, sum(l.quantity), sum(l.quantity * l.unit_price_minor) from orders.order_line l
      join orders."order" o on o.id = l.order_id where ${sale} and ${since(from30)} group by 1 order by 3 desc`),
  ]);
}

/** Calls `work` from `concurrency` callers until `requests` were made, after a warm-up; the same figures as load(). */
async function loadCalls(work: () => Promise<void>, { concurrency, requests }: typeof options): Promise<LoadResult> {
  for (let i = 0; i < 5; i += 1) await work();
  const latencies: number[] = [];
  let next = 0;
  const statementsBefore = statementCounter.count;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t0 = performance.now();
        await work();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return {
    requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50: at(50), p95: at(95), p99: at(99),
    statementsPerRequest: (statementCounter.count - statementsBefore) / latencies.length, errors: 0,
  };
}

const rows: { scenario: string; result: LoadResult }[] = [];
// The naive side runs fewer requests: each one aggregates a tenth of the table.
rows.push({ scenario: 'naive: sales figures from the orders tables (4 aggregates)', result: await loadCalls(naiveSales, { ...options, requests: Math.max(40, Math.round(options.requests / 5)) }) });
for (const mode of ['in-process', 'distributed'] as const) {
  const gateway = await startTestGateway(mode, db);
  const headers = await ownerHeaders(gateway);
  const check = await gateway.query(DASHBOARD.query, {}, headers);
  if (check.body.errors) throw new Error(`dashboard failed: ${JSON.stringify(check.body.errors)}`);
  rows.push({ scenario: `gateway (${mode}): whole dashboard, every tile`, result: await load(gateway.url, DASHBOARD, { ...options, headers }) });
  await gateway.stop();
}

const naive = rows[0]!.result;
console.log(`\n${ORDERS.toLocaleString('en')} orders over 365 days, ${options.concurrency} concurrent callers, NODE_ENV=${process.env.NODE_ENV}, node ${process.version}`);
console.table(
  rows.map(({ scenario, result }) => ({
    scenario,
    ...figures(result),
    'naive p50 ÷ this': (naive.p50 / result.p50).toFixed(1),
    'naive p95 ÷ this': (naive.p95 / result.p95).toFixed(1),
  })),
);
await stop();
process.exit(0);
