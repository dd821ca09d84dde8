/**
 * `pnpm bench reports-builder [--orders N] [--requests R] [--concurrency C]`: three report-builder
 * questions through the gateway (in-process, as the owner) over N order facts (default 1,000,000,
 * two years, one line each, 3 % refunded) seeded straight into the reports fact tables with SQL and
 * rolled up once (`rebuildRollups`), against a baseline in the same run: the same answer computed by
 * the naive aggregate over the fact tables (one SQL statement per request, in process, no gateway;
 * the engine is also measured in process, to tell its cost from the gateway's). The
 * database is kept between runs. Prints requests/s, p50/p95/p99 and SQL statements per request.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { sql } = await import('drizzle-orm');
const { statementCounter } = await import('@shop/kit');
const { shopTimeZone, shopToday } = await import('@shop/kit/shop-time');
const { rebuildReports, runReport } = await import('@shop/reports/commands');
const { openBenchDatabase } = await import('./database.js');
const { isEmpty, seedDemo } = await import('@shop/gateway/seed/index');
const { startTestGateway } = await import('../kit/gateway.js');
const { ownerHeaders } = await import('../kit/callers.js');
const { figures, load } = await import('./load.js');

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    orders: { type: 'string', default: '1000000' },
    concurrency: { type: 'string', default: '8' },
    requests: { type: 'string', default: '200' },
  },
});
const ORDERS = Number(values.orders);
const options = { concurrency: Number(values.concurrency), requests: Number(values.requests), warmup: 10 };

const { database, stop } = await openBenchDatabase(`shop_bench_reports_${ORDERS}`, { max: 20 });
const { db } = database;
if (await isEmpty(db)) await seedDemo(db); // staff to sign in as, products with categories for the keys

/** N order facts over the two years before today, each with one line of a demo product, 3 % refunded within 30 days. */
async function seedFacts() {
  const [facts] = await db.execute<{ n: number }>(sql`select count(*)::int as n from reports.order_fact`);
  if (facts!.n >= ORDERS) return;
  console.log(`seeding ${ORDERS} order facts...`);
  const zone = shopTimeZone();
  await db.execute(sql`truncate reports.order_fact, reports.order_line_fact, reports.refund_fact cascade`);
  await db.execute(sql`
    insert into reports.order_fact (order_id, placed_at, day, status, counted, total_minor, coupon_discount_minor, promotion_discount_minor,
      currency_code, member_id, channel, warehouse_id, region, member_tier, source_updated_at)
    select id, placed_at, (placed_at at time zone ${zone})::date, case when g % 20 = 0 then 'CANCELLED' else 'COMPLETED' end, g % 20 <> 0,
      10000 + (g::bigint * 7919) % 500000, case when g % 5 = 0 then 5000 else 0 end, case when g % 7 = 0 then 2000 else 0 end, 'THB',
      ('00000000-0000-4000-8000-' || lpad(to_hex(g % 60000), 12, '0'))::uuid,
      (array['ONLINE_STORE','MINI_PROGRAM','MOBILE_APP','POINT_OF_SALE','MARKETPLACE'])[1 + g % 5], '',
      (array['TH-Bangkok','TH-Chiang Mai','TH-Phuket','CN'])[1 + g % 4], '', placed_at
    from (select g, gen_random_uuid() as id, now() - (g::float8 / ${ORDERS}) * interval '730 days' as placed_at
          from generate_series(1, ${ORDERS}) g) o`);
  await db.execute(sql`
    insert into reports.order_line_fact (order_id, line_id, product_id, variant_id, quantity, net_minor)
    select f.order_id, gen_random_uuid(), p.ids[1 + abs(hashtext(f.order_id::text)) % array_length(p.ids, 1)], gen_random_uuid(),
      1 + abs(hashtext(f.order_id::text)) % 3, f.total_minor - f.coupon_discount_minor - f.promotion_discount_minor
    from reports.order_fact f, (select array_agg(id) as ids from products.product) p`);
  await db.execute(sql`
    insert into reports.refund_fact (refund_id, order_id, refunded_at, day, amount_minor, currency_code, channel, warehouse_id, region, member_tier, source_updated_at)
    select gen_random_uuid(), order_id, r, (r at time zone ${zone})::date, total_minor / 2, currency_code, channel, warehouse_id, region, member_tier, r
    from (select *, least(now(), placed_at + (abs(hashtext(order_id::text)) % 30) * interval '1 day') as r
          from reports.order_fact where counted and abs(hashtext(order_id::text)) % 100 < 3) f`);
  await db.execute(sql`analyze reports.order_fact; analyze reports.order_line_fact; analyze reports.refund_fact`);
  console.log('rolling up...');
  const { days } = await rebuildReports(db, { refacts: false });
  console.log(`${days} days rolled up`);
}
await seedFacts();

const today = shopToday();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthStart = `${today.slice(0, 7)}-01`;
const lastMonth = { from: `${addDays(monthStart, -1).slice(0, 7)}-01`, to: addDays(monthStart, -1) };
const ninetyDays = { from: addDays(today, -89), to: today };
const year = { from: addDays(today, -364), to: today };
const lastYear = { from: addDays(year.from, -365), to: addDays(year.to, -365) };

const REPORT = `query ($input: ReportQueryInput!) { report(input: $input) { rows { keys { key label } values { value } comparisonValues { value } } totals { value } comparisonTotals { value } truncated } }`;
/** [scenario, builder input, the naive aggregate answering the same question over the facts] */
const scenarios: [string, Record<string, unknown>, () => Promise<unknown>][] = [
  [
    'sales last month by channel (GMV, orders, AOV)',
    { metrics: ['GMV', 'ORDERS', 'AVERAGE_ORDER_VALUE'], dimensions: ['CHANNEL'], range: lastMonth },
    () => db.execute(sql`select channel, sum(total_minor), count(*), round(sum(total_minor) / count(*)) from reports.order_fact
      where currency_code = 'THB' and counted and day between ${lastMonth.from}::date and ${lastMonth.to}::date group by grouping sets ((channel), ())`),
  ],
  [
    '90 days by category (GMV, units)',
    { metrics: ['GMV', 'UNITS_SOLD'], dimensions: ['CATEGORY'], range: ninetyDays },
    () => db.execute(sql`select c.category_id, sum(l.net_minor), sum(l.quantity) from reports.order_fact f
      join reports.order_line_fact l on l.order_id = f.order_id
      left join lateral (select pc.category_id from products.product_category pc join products.category k on k.id = pc.category_id
        where pc.product_id = l.product_id order by k.position, k.id limit 1) c on true
      where f.currency_code = 'THB' and f.counted and f.day between ${ninetyDays.from}::date and ${ninetyDays.to}::date group by grouping sets ((c.category_id), ())`),
  ],
  [
    'a year by month vs the year before (GMV, orders, net sales)',
    { metrics: ['GMV', 'ORDERS', 'NET_SALES'], dimensions: ['MONTH'], range: year, comparison: 'PREVIOUS_YEAR' },
    () => db.execute(sql`with periods(p, f, t) as (values (0, ${year.from}::date, ${year.to}::date), (1, ${lastYear.from}::date, ${lastYear.to}::date)),
      s as (select p, to_char(day, 'YYYY-MM') as m, sum(total_minor) as gmv, count(*) as n from reports.order_fact, periods
            where currency_code = 'THB' and counted and day between f and t group by grouping sets ((p, m), (p))),
      r as (select p, to_char(r.day, 'YYYY-MM') as m, sum(amount_minor) as refunds from reports.refund_fact r
            join reports.order_fact o on o.order_id = r.order_id and o.counted, periods
            where r.currency_code = 'THB' and r.day between f and t group by grouping sets ((p, m), (p)))
      select s.p, s.m, s.gmv, s.n, s.gmv - coalesce(r.refunds, 0) from s left join r on r.p = s.p and r.m is not distinct from s.m`),
  ],
];

/** `run` from `concurrency` callers in this process (no HTTP, no gateway), measured like `load`. */
async function loadLocal(run: () => Promise<unknown>) {
  for (let i = 0; i < 2; i += 1) await run();
  const latencies: number[] = [];
  let next = 0;
  const before = statementCounter.count;
  const started = performance.now();
  const requests = Math.max(8, Math.round(options.requests / 10));
  await Promise.all(Array.from({ length: options.concurrency }, async () => {
    while (next < requests) {
      next += 1;
      const t0 = performance.now();
      await run();
      latencies.push(performance.now() - t0);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50: at(50), p95: at(95), p99: at(99), statementsPerRequest: (statementCounter.count - before) / latencies.length, errors: 0 };
}

const gateway = await startTestGateway('in-process', db);
const headers = await ownerHeaders(gateway);
const rows: Record<string, unknown>[] = [];
for (const [scenario, input, naive] of scenarios) {
  const probe = await gateway.query(REPORT, { input }, headers);
  if (probe.body.errors) throw new Error(`${scenario}: ${JSON.stringify(probe.body.errors)}`);
  console.log(`${scenario}: ${probe.body.data.report.rows.length} rows, totals ${probe.body.data.report.totals.map((t: { value: string }) => t.value).join(' / ')}`);
  rows.push({ scenario, answer: 'builder via gateway (roll-ups)', ...figures(await load(gateway.url, { query: REPORT, variables: { input } }, { ...options, headers })) });
  const engine = () => runReport(db, input as never, { kind: 'partner', apiKeyId: 'bench', scopes: ['reports:read', 'marketing:read'] }, null);
  rows.push({ scenario, answer: 'engine in-process (roll-ups, no gateway)', ...figures(await loadLocal(engine)) });
  rows.push({ scenario, answer: 'baseline: naive aggregate over facts', ...figures(await loadLocal(naive)) });
}
await gateway.stop();
await stop();
console.log(`\nreport builder, ${ORDERS} order facts, ${options.concurrency} concurrent clients; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.table(rows);
process.exit(0);
