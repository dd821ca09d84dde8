/**
 * `pnpm bench recommendations [--orders N] [--baseline N]` (or `pnpm exec tsx
 * tests/bench/recommendations.ts`): the nightly recommendations rebuild at N
 * orders' facts (200,000 by default) beside a baseline of 20,000 in the same
 * run, over ~20,000 products and ~50,000 members with popular products and
 * 1–6 products per order; then the read-time "for you" and bought-together
 * queries. Prints time, Node's peak RSS and PostgreSQL's temp files; figures only.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { sql } = await import('drizzle-orm');
const { openBenchDatabase } = await import('./database.js');
const { boughtTogetherOf, recommendationsFor, recomputeRecommendations } = await import('../../subgraphs/members/test/recommendations-helpers.js');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== 'recommendations'),
  options: { orders: { type: 'string', default: '200000' }, baseline: { type: 'string', default: '20000' } },
});
const PRODUCTS = 20_000;
const MEMBERS = 50_000;

const { database, stop } = await openBenchDatabase('shop_bench_recommendations', { max: 4 });
const db = database.db;

// Product i and member j have fixed ids, so every run and both sizes share one catalogue and one membership.
const productId = (i: string) => sql.raw(`md5('product ' || ${i})::uuid`);
await db.execute(sql`
  insert into products.product (id, title, handle, status, in_stock)
  select ${productId('i')}, 'Product ' || i, 'bench-product-' || i,
    -- 2% drafts and 3% sold out, as a catalogue has, for the read-time filter.
    case when i % 50 = 0 then 'DRAFT' else 'ACTIVE' end::products.product_status, i % 33 <> 0
  from generate_series(1, ${PRODUCTS}) i
  on conflict (id) do nothing`);

/**
 * Replaces members' copy of orders with `orders` generated facts: product i is
 * drawn as PRODUCTS·u³ (a few popular products, a long tail), members as
 * MEMBERS·u² (some buy often), 1–6 products per order (fewer more often), 5% cancelled.
 */
async function generateOrders(orders: number): Promise<void> {
  await db.execute(sql`truncate members.member_order`);
  await db.execute(sql`
    insert into members.member_order (order_id, member_id, status, placed_at, updated_at, total_minor, currency_code, channel, product_ids)
    select gen_random_uuid(), md5('member ' || (1 + floor(${MEMBERS} * random() ^ 2))::int)::uuid,
      case when random() < 0.05 then 'CANCELLED' else 'COMPLETED' end, now(), now(), 1000, 'THB', 'ONLINE_STORE',
      array(select md5('product ' || (1 + floor(${PRODUCTS} * random() ^ 3))::int)::uuid::text
            from generate_series(1, 1 + floor(6 * random() ^ 1.5)::int + 0 * o))
    from generate_series(1, ${orders}) o`);
  await db.execute(sql`analyze members.member_order`);
}

const tempUsage = async () =>
  (await db.execute<{ files: number; bytes: number }>(sql`
    select temp_files::float8 as files, temp_bytes::float8 as bytes from pg_stat_database where datname = current_database()`))[0]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function timedEach(ids: string[], read: (id: string) => Promise<unknown>) {
  const times: number[] = [];
  for (const id of ids) {
    const started = performance.now();
    await read(id);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;
}

const rows: Record<string, string | number>[] = [];
for (const orders of [Number(values.baseline), Number(values.orders)]) {
  console.log(`generating ${orders.toLocaleString('en')} orders' facts...`);
  await generateOrders(orders);
  const [shape] = await db.execute<{ items: number; members: number; products: number }>(sql`
    select count(*)::int as items, count(distinct member_id)::int as members, count(distinct p)::int as products
    from members.member_order, unnest(product_ids) p`);
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const tempBefore = await tempUsage();
  const started = performance.now();
  const { neighbours } = await recomputeRecommendations(db);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // The statistics collector publishes a backend's counters within a second or so.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const tempAfter = await tempUsage();

  // Read time: members who bought (the heaviest first, then a spread), and popular and tail products.
  const members = await db.execute<{ id: string }>(sql`
    (select member_id as id from members.member_order group by member_id order by count(*) desc limit 20)
    union all (select distinct member_id from members.member_order order by member_id limit 180)`);
  const products = await db.execute<{ id: string }>(sql`
    select distinct product_id as id from members.product_neighbour order by product_id limit 200`);
  const memberIds = members.map((m) => m.id);
  const forYou = await timedEach(memberIds, (id) => recommendationsFor(db, [id]));
  const batch = performance.now();
  await recommendationsFor(db, memberIds.slice(0, 50));
  const batchMs = performance.now() - batch;
  const together = await timedEach(products.map((p) => p.id), (id) => boughtTogetherOf(db, [id]));

  rows.push({
    orders: orders.toLocaleString('en'),
    'order lines': shape!.items.toLocaleString('en'),
    'members / products bought': `${shape!.members.toLocaleString('en')} / ${shape!.products.toLocaleString('en')}`,
    'rebuild s': seconds.toFixed(2),
    'neighbour rows': neighbours.toLocaleString('en'),
    'Node RSS peak': `+${mb(peak - rssBefore)} (of ${mb(peak)})`,
    'pg temp': `${tempAfter.files - tempBefore.files} files, ${mb(tempAfter.bytes - tempBefore.bytes)}`,
    'for you, 1 member': forYou,
    'for you, 50 members': `${batchMs.toFixed(1)} ms`,
    'bought together, 1 product': together,
  });
}

const [settings] = await db.execute<{ work_mem: string }>(sql`select current_setting('work_mem') as work_mem`);
console.log(`\n${PRODUCTS.toLocaleString('en')} products, ${MEMBERS.toLocaleString('en')} members, work_mem ${settings!.work_mem}`);
// One column per size, side by side.
const metrics = Object.keys(rows[0]!).filter((key) => key !== 'orders');
console.table(Object.fromEntries(metrics.map((metric) => [metric, Object.fromEntries(rows.map((row) => [`${row.orders} orders`, row[metric]]))])));
await stop();
process.exit(0);
