/**
 * `pnpm exec tsx tests/bench/stock-overview.ts`: the console's stock overview
 * query through the gateway at 100,000 variants × 3 warehouses, first page,
 * a deep page, the low-stock filter and a SKU search, against a baseline in
 * the same run: the stock subgraph called directly (no gateway, no product
 * hop). Prints requests/s, p50/p99 and SQL statements per request.
 */
import './env.js';

const { sql } = await import('drizzle-orm');
const { openBenchDatabase } = await import('./database.js');
const { serveSubgraph } = await import('@shop/kit/subgraph-server');
const { signCaller } = await import('@shop/kit/principal-header');
const { subgraph } = await import('@shop/gateway/subgraphs');
const { seedDemo } = await import('@shop/gateway/seed/index');
const { startTestGateway } = await import('../kit/gateway.js');
const { ownerHeaders } = await import('../kit/callers.js');
const { TEST_OPERATOR } = await import('../kit/principals.js');
const { load } = await import('./load.js');

const VARIANTS = 100_000;
const options = { concurrency: 8, requests: Number(process.env.BENCH_REQUESTS ?? 300) };

const { database, stop } = await openBenchDatabase('shop_bench_overview', { max: 20 });

const [{ n }] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from stock.level`);
if (n < VARIANTS * 3) {
  console.log(`building ${VARIANTS} variants × 3 warehouses...`);
  await seedDemo(database.db); // staff accounts, 3 warehouses, a real catalog
  // Bulk catalog growth straight in SQL: 1,000 products × 100 variants, a level per warehouse.
  await database.db.execute(sql`
    insert into products.product (id, title, handle, status)
    select gen_random_uuid(), 'Bench product ' || g, 'bench-product-' || g, 'ACTIVE' from generate_series(1, 1000) g`);
  await database.db.execute(sql`
    insert into products.variant (product_id, sku, title, price_minor, currency_code, position)
    select p.id, 'BENCH-' || lpad(v::text, 6, '0'), 'Variant ' || v, 10000, 'THB', v % 100
    from generate_series(1, ${VARIANTS}) v
    join (select id, row_number() over (order by handle) as r from products.product where handle like 'bench-product-%') p
      on p.r = (v - 1) / 100 + 1`);
  await database.db.execute(sql`
    insert into stock.level (variant_id, warehouse_id, on_hand, reserved, reorder_point)
    select v.id, w.id, (abs(hashtext(v.sku || w.code)) % 300), 0, 10
    from products.variant v cross join stock.warehouse w where v.sku like 'BENCH-%'`);
  await database.db.execute(sql`analyze`);
}

const PAGE = `query StockOverview($after: String, $filter: StockLevelFilter) {
  stockLevels(first: 50, after: $after, filter: $filter) {
    totalCount pageInfo { endCursor }
    edges { node { id onHand reserved available safetyStock reorderPoint lowStock
      warehouse { code } variant { sku title product { title } } } }
  }
}`;
const PAGE_LOCAL = PAGE.replace('variant { sku title product { title } }', 'variant { id }');

const gateway = await startTestGateway('in-process', database.db);
const headers = await ownerHeaders(gateway);
// A cursor deep in the list: page 1,000 of 6,000.
let after: string | null = null;
{
  const { body } = await gateway.query(`{ stockLevels(first: 100) { pageInfo { endCursor } } }`, {}, headers);
  after = body.data.stockLevels.pageInfo.endCursor;
  for (let i = 0; i < 499; i += 1) {
    const next = await gateway.query(`query ($after: String) { stockLevels(first: 100, after: $after) { pageInfo { endCursor } } }`, { after }, headers);
    after = next.body.data.stockLevels.pageInfo.endCursor;
  }
}

const rows: { scenario: string; result: Awaited<ReturnType<typeof load>> }[] = [];
const direct = await serveSubgraph(subgraph('stock'), database.db, 0);
const directUrl = `http://127.0.0.1:${(direct.address() as { port: number }).port}/graphql`;
const signed = () => signCaller(process.env.GATEWAY_SIGNING_SECRET!, { principal: TEST_OPERATOR, clientAddress: null, userAgent: null }, { query: PAGE_LOCAL, variables: {} }, 'bench');
rows.push({ scenario: 'baseline: stock subgraph direct, first page', result: await load(directUrl, { query: PAGE_LOCAL, variables: {} }, { ...options, headers: signed }) });
const run = { ...options, headers };
rows.push({ scenario: 'gateway: first page (stock + products)', result: await load(gateway.url, { query: PAGE, variables: {} }, run) });
rows.push({ scenario: 'gateway: page 1,001 (deep keyset cursor)', result: await load(gateway.url, { query: PAGE, variables: { after } }, run) });
rows.push({ scenario: 'gateway: low stock only', result: await load(gateway.url, { query: PAGE, variables: { filter: { lowStockOnly: true } } }, run) });
rows.push({ scenario: 'gateway: SKU search "BENCH-0421"', result: await load(gateway.url, { query: PAGE, variables: { filter: { query: 'BENCH-0421' } } }, run) });

console.log(`\n${VARIANTS} variants × 3 warehouses, ${options.concurrency} concurrent clients, ${options.requests} requests per scenario`);
console.table(
  rows.map(({ scenario, result: r }) => ({
    scenario,
    'req/s': r.perSecond.toFixed(0),
    'p50 ms': r.p50.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    'SQL/req': r.statementsPerRequest.toFixed(2),
    errors: r.errors,
  })),
);
direct.close();
await gateway.stop();
await stop();
process.exit(0);
