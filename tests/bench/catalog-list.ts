/**
 * `pnpm exec tsx tests/bench/catalog-list.ts`: the console's filtered product
 * list (first: 50 with variants and per-warehouse stock) through the gateway at
 * 100,000 products, page 1 against page 1,000 (keyset cursor), a Thai substring
 * search and a price-sorted page, with a baseline in the same run: the products
 * subgraph called directly (no gateway, no stock hop). Prints requests/s,
 * p50/p99 and SQL statements per request.
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

const PRODUCTS = 100_000;
const options = { concurrency: 8, requests: Number(process.env.BENCH_REQUESTS ?? 300) };

const { database, stop } = await openBenchDatabase('shop_bench_catalog', { max: 20 });

const [{ n }] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from products.product`);
if (n < PRODUCTS) {
  console.log(`building ${PRODUCTS} products × 2 variants with stock in 3 warehouses...`);
  await seedDemo(database.db); // staff accounts, warehouses, a real multilingual catalog
  // Bulk growth straight in SQL; every 7th product has a Thai title, every 10th is a draft.
  await database.db.execute(sql`
    insert into products.product (title, handle, status, min_price_minor, in_stock, created_at, updated_at)
    select case when g % 7 = 0 then 'เสื้อยืดผ้าฝ้าย รุ่น ' || g else 'Bench product ' || g end,
           'bench-product-' || g,
           (case when g % 10 = 0 then 'DRAFT' else 'ACTIVE' end)::products.product_status,
           10000 + (g % 500) * 100, g % 5 <> 0,
           now() - make_interval(secs => g), now() - make_interval(secs => g)
    from generate_series(1, ${PRODUCTS - n}) g`);
  await database.db.execute(sql`
    insert into products.variant (product_id, sku, title, option_values, price_minor, currency_code, position, in_stock)
    select p.id, 'BENCH-' || substr(p.handle, 15) || '-' || v, case v when 1 then 'M' else 'L' end,
           array[case v when 1 then 'M' else 'L' end], p.min_price_minor + (v - 1) * 1000, 'THB', v, p.in_stock
    from products.product p cross join generate_series(1, 2) v where p.handle like 'bench-product-%'`);
  await database.db.execute(sql`
    insert into stock.level (variant_id, warehouse_id, on_hand, reserved, reorder_point)
    select v.id, w.id, (abs(hashtext(v.sku || w.code)) % 300), 0, 10
    from products.variant v cross join stock.warehouse w where v.sku like 'BENCH-%'`);
  await database.db.execute(sql`analyze`);
}

const LIST = `query ProductList($after: String, $filter: ProductFilter, $sortKey: ProductSortKey) {
  products(first: 50, after: $after, filter: $filter, sortKey: $sortKey) {
    totalCount pageInfo { endCursor }
    edges { node { id title handle status
      variants { id sku title price { amount currencyCode } stock { available levels { warehouse { code } available } } } } }
  }
}`;
const LIST_LOCAL = LIST.replace(' stock { available levels { warehouse { code } available } }', '');
const ACTIVE_IN_STOCK = { status: ['ACTIVE'], stockStatus: 'IN_STOCK' };

const gateway = await startTestGateway('in-process', database.db);
const headers = await ownerHeaders(gateway);
// The cursor after page 999 of the filtered list: 999 × 50 products in.
let after: string | null = null;
for (let i = 0; i < 999; i += 1) {
  const { body }: { body: any } = await gateway.query(
    `query ($after: String, $filter: ProductFilter) { products(first: 50, after: $after, filter: $filter) { pageInfo { endCursor } } }`,
    { after, filter: ACTIVE_IN_STOCK },
    headers,
  );
  after = body.data.products.pageInfo.endCursor;
}

const rows: { scenario: string; result: Awaited<ReturnType<typeof load>> }[] = [];
const direct = await serveSubgraph(subgraph('products'), database.db, 0);
const directUrl = `http://127.0.0.1:${(direct.address() as { port: number }).port}/graphql`;
const signed = () =>
  signCaller(
    process.env.GATEWAY_SIGNING_SECRET!,
    { principal: TEST_OPERATOR, clientAddress: null, userAgent: null },
    { query: LIST_LOCAL, variables: { filter: ACTIVE_IN_STOCK } },
    'bench',
  );
const page = (variables: Record<string, unknown>) => ({ query: LIST, variables });
rows.push({
  scenario: 'baseline: products subgraph direct, page 1',
  result: await load(directUrl, { query: LIST_LOCAL, variables: { filter: ACTIVE_IN_STOCK } }, { ...options, headers: signed }),
});
const run = { ...options, headers };
rows.push({ scenario: 'gateway: active + in stock, page 1', result: await load(gateway.url, page({ filter: ACTIVE_IN_STOCK }), run) });
rows.push({ scenario: 'gateway: active + in stock, page 1,000', result: await load(gateway.url, page({ filter: ACTIVE_IN_STOCK, after }), run) });
rows.push({
  scenario: 'gateway: page 1,000 without totalCount',
  result: await load(gateway.url, { query: LIST.replace('totalCount ', ''), variables: { filter: ACTIVE_IN_STOCK, after } }, run),
});
rows.push({ scenario: 'gateway: Thai substring "ผ้าฝ้าย"', result: await load(gateway.url, page({ filter: { query: 'ผ้าฝ้าย' } }), run) });
rows.push({ scenario: 'gateway: sorted by price, page 1', result: await load(gateway.url, page({ filter: ACTIVE_IN_STOCK, sortKey: 'PRICE' }), run) });

console.log(`\n${PRODUCTS} products, ${options.concurrency} concurrent clients, ${options.requests} requests per scenario`);
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
