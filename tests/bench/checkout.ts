/**
 * `pnpm exec tsx tests/bench/checkout.ts [--scale 100] [--checkouts 800]`:
 * storefront checkouts through the distributed gateway at 8 and 64 concurrent
 * clients, spread over many variants and on one hot variant (checkouts/s,
 * p50/p99, SQL statements per checkout), against a baseline in the same run:
 * the orders service's checkout called in this process; then the orders list at the scale's
 * order count (scale 100 = 200,000 orders): orders(first: 50) with lines,
 * variants and members. Prints figures only (design: performance is shown,
 * never asserted). Carts are created before each cell and not measured.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { randomUUID } = await import('node:crypto');
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100' },
    checkouts: { type: 'string', default: '800' },
    requests: { type: 'string', default: '400' },
  },
});
const { sql } = await import('drizzle-orm');
const { ANONYMOUS, statementCounter } = await import('@shop/kit');
const { openBenchDatabase } = await import('./database.js');
const { isEmpty, seedDemo, truncateAll } = await import('@shop/gateway/seed/index');
const { startTestGateway } = await import('../kit/gateway.js');
const { ownerHeaders } = await import('../kit/callers.js');
const { load } = await import('./load.js');
const { checkoutComplete, sellableVariants, setAvailable } = await import('../../subgraphs/orders/test/checkout-fixtures.js');
const { mutate } = await import('@shop/kit/mutation');

const scale = Number(values.scale);
const CHECKOUTS = Number(values.checkouts);

const { database, stop } = await openBenchDatabase(`shop_bench_${scale}`, { max: 64 });
if (await isEmpty(database.db)) {
  await truncateAll(database.db);
  console.log(`seeding scale ${scale}...`);
  await seedDemo(database.db, { scale });
}

const gateway = await startTestGateway('distributed', database.db);
const CART_CREATE = `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code } } }`;
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { confirmation { number } userErrors { code message } } }`;

const spread = (await sellableVariants(database.db, 200)).map((v) => v.id);
const [hot] = spread.splice(0, 1);
for (const id of spread) await setAvailable(database.db, id, 100_000);
await setAvailable(database.db, hot!, 10_000_000);

/** Runs `tasks` from `clients` loops; returns the latencies in ms and the wall time in s. */
async function drive(tasks: (() => Promise<void>)[], clients: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        const t0 = performance.now();
        await task();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * One cell: carts made first (not measured), then CHECKOUTS checkouts from `clients` loops,
 * through the distributed gateway or, for the baseline, the orders service called in this
 * process (the same transaction, no gateway, no HTTP, no GraphQL).
 */
async function checkoutCell(label: string, clients: number, variantOf: (i: number) => string, direct = false) {
  await drive(
    Array.from({ length: CHECKOUTS }, (_, i) => async () => {
      const { body } = await gateway.query(CART_CREATE, { input: { channel: 'MOBILE_APP', lines: [{ variantId: variantOf(i), quantity: 1 }] } });
      cartIds[i] = body.data.cartCreate.cart.id;
    }),
    16,
  );
  let failures = 0;
  const before = statementCounter.count;
  const { latencies, seconds } = await drive(
    cartIds.slice(0, CHECKOUTS).map((cartId) => async () => {
      const input = { cartId, idempotencyKey: randomUUID() };
      if (direct) {
        const result = await mutate(database.db, (tx) => checkoutComplete(tx, ANONYMOUS, input));
        if (!result.ok) failures++;
        return;
      }
      const { body } = await gateway.query(CHECKOUT, { input });
      if (!body.data?.checkoutComplete?.confirmation) failures++;
    }),
    clients,
  );
  return {
    scenario: `${direct ? 'baseline: orders service direct' : 'checkout'}, ${label}, ${clients} clients`,
    'req/s': (latencies.length / seconds).toFixed(0),
    'p50 ms': pct(latencies, 0.5).toFixed(1),
    'p99 ms': pct(latencies, 0.99).toFixed(1),
    'SQL/req': ((statementCounter.count - before) / latencies.length).toFixed(1),
    errors: failures,
  };
}

const cartIds: string[] = [];
const rows = [];
rows.push(await checkoutCell(`${spread.length} variants`, 8, (i) => spread[i % spread.length]!, true));
for (const clients of [8, 64]) {
  rows.push(await checkoutCell(`${spread.length} variants`, clients, (i) => spread[i % spread.length]!));
  rows.push(await checkoutCell('one hot variant', clients, () => hot!));
}

const orderCount = (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.order`))[0]!.n;
const ORDERS = { query: `{ orders(first: 50) { edges { node { number total { amount currencyCode } member { displayName } lines { quantity sku variant { sku } } } } } }` };
const headers = await ownerHeaders(gateway);
for (const concurrency of [8, 64]) {
  const r = await load(gateway.url, ORDERS, { concurrency, requests: Number(values.requests), headers });
  rows.push({
    scenario: `orders(first: 50) + lines, variants, members; ${orderCount} orders, ${concurrency} clients`,
    'req/s': r.perSecond.toFixed(0),
    'p50 ms': r.p50.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    'SQL/req': r.statementsPerRequest.toFixed(1),
    errors: r.errors,
  });
}

console.log(`\nscale ${scale}, distributed gateway, ${CHECKOUTS} checkouts per checkout cell, NODE_ENV=${process.env.NODE_ENV ?? ''}`);
console.table(rows);
await gateway.stop();
await stop();
process.exit(0);
