/**
 * `pnpm bench flash-sale [--scale 1] [--mode in-process|distributed] [--clients 256]`: a flash
 * sale through the gateway. One hot variant with 10,000 × scale units (flash quota = stock), and
 * 20% more guest carts than units, each checked out once by 256 concurrent clients (a spike):
 * prints how many orders succeeded, verified with SQL (orders of the variant, flash takes, quota
 * left, stock on hand vs reserved: no oversell). Then orders/s and latency p50/p99 at 64 clients
 * on a second flash item, beside the bare single-row conditional UPDATE at 64 clients in the same
 * run (one transaction each, postgres.js, no gateway; measured first, its pool closed before the gateway's opens). Carts are made before each cell, not timed.
 * A checkout refused by the gateway's admission (503 OVERLOADED) is sent again with the same
 * idempotency key, as a client would; its latency includes the wait. Figures only, never asserted.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { randomUUID } = await import('node:crypto');
const { values } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: '1' },
    mode: { type: 'string', default: 'in-process' },
    clients: { type: 'string', default: '256' },
  },
});
const { sql } = await import('drizzle-orm');
const postgres = (await import('postgres')).default;
const { openBenchDatabase } = await import('./database.js');
const { startTestGateway } = await import('../kit/gateway.js');
const { seedCatalog, setAvailable } = await import('../../subgraphs/orders/test/checkout-fixtures.js');
const { runningFlashItem } = await import('../../subgraphs/coupons/test/flash-sale-fixtures.js');
const { insertProduct } = await import('../../subgraphs/products/test/factories.js');
type Variant = { id: string; priceMinor: bigint };

const scale = Number(values.scale);
const mode = values.mode === 'distributed' ? 'distributed' : 'in-process';
const SPIKE_CLIENTS = Number(values.clients);
const LATENCY_CLIENTS = 64;
const UNITS = Math.max(10, Math.round(10_000 * scale));
const ATTEMPTS = Math.ceil(UNITS * 1.2);
const LATENCY_UNITS = Math.max(LATENCY_CLIENTS * 4, Math.round(2_000 * scale));

const { database, url, stop } = await openBenchDatabase('shop_bench_flash', { max: 64 });
const raw = postgres(url, { max: LATENCY_CLIENTS, onnotice: () => {} });

// Warehouses (and a small catalog) once per bench database; fresh variants, priced 100.00 THB and up, every run.
const [{ warehouses }] = await database.db.execute<{ warehouses: number }>(sql`select count(*)::int as warehouses from stock.warehouse`);
if (!warehouses) await seedCatalog(database.db, 1);
const [spike, steady, bare] = (await insertProduct(database.db, {}, 3)).variants.map((v): Variant => v) as [Variant, Variant, Variant];
const halfPrice = (v: { priceMinor: bigint }) => (Number(v.priceMinor / 2n) / 100).toFixed(2);
await setAvailable(database.db, spike.id, UNITS);
await setAvailable(database.db, steady.id, LATENCY_UNITS);
const spikeItem = await runningFlashItem(database.db, { variantId: spike.id, flashPrice: halfPrice(spike), quota: UNITS });
const steadyItem = await runningFlashItem(database.db, { variantId: steady.id, flashPrice: halfPrice(steady), quota: LATENCY_UNITS });

// The floor: one bucket row, the bare conditional UPDATE in its own transaction, no gateway.
const bareItem = await runningFlashItem(database.db, { variantId: bare.id, flashPrice: halfPrice(bare), quota: 10 });
await database.db.execute(sql`update coupons.flash_sale_bucket set remaining = 100000000 where item_id = ${bareItem.itemId}`);
const bareRun = await drive(
  Array.from({ length: Math.max(LATENCY_UNITS, 5_000) }, () => async () => {
    await raw.begin((tx) => tx`update coupons.flash_sale_bucket set remaining = remaining - 1 where item_id = ${bareItem.itemId} and bucket = 0 and remaining >= 1`);
  }),
  LATENCY_CLIENTS,
);
const baselineRow = {
  scenario: 'baseline: bare single-row conditional UPDATE',
  clients: LATENCY_CLIENTS,
  attempts: bareRun.latencies.length,
  'orders ok': bareRun.latencies.length,
  'sold out': 0,
  'other refusals': 0,
  '503 resent': 0,
  'orders/s': (bareRun.latencies.length / bareRun.seconds).toFixed(0),
  'p50 ms': pct(bareRun.latencies, 0.5).toFixed(1),
  'p99 ms': pct(bareRun.latencies, 0.99).toFixed(1),
};
// Its connections close before the gateway's pool opens: together they would pass the server's max_connections.
await raw.end();

const gateway = await startTestGateway(mode, database.db, {
  // Every client waits its turn instead of an immediate OVERLOADED (that path is the overload test's).
  admission: { maxInFlight: 64, maxQueued: 4 * SPIKE_CLIENTS, queueTimeoutMs: 60_000 },
});
const CART_CREATE = `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code message } } }`;
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { confirmation { number } userErrors { code message } } }`;

/** Runs the tasks from `clients` loops; latencies in ms (sorted) and the wall time in s. */
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
function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function carts(variantId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  await drive(
    Array.from({ length: count }, () => async () => {
      const { body } = await gateway.query(CART_CREATE, { input: { channel: 'MOBILE_APP', lines: [{ variantId, quantity: 1 }] } });
      const id = body.data?.cartCreate?.cart?.id;
      if (!id) throw new Error(`cartCreate failed: ${JSON.stringify(body.errors ?? body.data)}`);
      ids.push(id);
    }),
    16,
  );
  return ids;
}

/** Checks every cart out once from `clients` loops; counts orders, sold-out answers and anything else by code. */
async function checkouts(cartIds: string[], clients: number) {
  let ordered = 0;
  let soldOut = 0;
  let retries = 0;
  const other = new Map<string, number>();
  const { latencies, seconds } = await drive(
    cartIds.map((cartId) => async () => {
      const input = { cartId, idempotencyKey: randomUUID() };
      for (;;) {
        const { status, body } = await gateway.query(CHECKOUT, { input });
        if (status === 503) {
          retries += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        const payload = body.data?.checkoutComplete;
        if (payload?.confirmation) ordered += 1;
        else {
          const code: string = payload?.userErrors?.[0]?.code ?? body.errors?.[0]?.extensions?.code ?? 'NO_ANSWER';
          // The flash quota gone at commit (orders answers PRICING_CHANGED), or the stock gone at reserve.
          if (code === 'PRICING_CHANGED' || code === 'SOLD_OUT' || code === 'INSUFFICIENT_STOCK') soldOut += 1;
          else other.set(code, (other.get(code) ?? 0) + 1);
        }
        return;
      }
    }),
    clients,
  );
  return { ordered, soldOut, retries, other, latencies, seconds };
}

/** What the database says of a variant's orders, its flash item and its stock. */
async function verify(variantId: string, itemId: string) {
  const [orders] = await database.db.execute<{ orders: number; units: number }>(sql`
    select count(distinct l.order_id)::int as orders, coalesce(sum(l.quantity), 0)::int as units
    from orders.order_line l join orders.order o on o.id = l.order_id where l.variant_id = ${variantId} and o.status <> 'CANCELLED'`);
  const [flash] = await database.db.execute<{ orders: number; units: number }>(sql`
    select count(distinct order_id)::int as orders, coalesce(sum(quantity), 0)::int as units
    from coupons.flash_sale_take where item_id = ${itemId} and released_at is null`);
  const [quota] = await database.db.execute<{ left: number }>(sql`select coalesce(sum(remaining), 0)::int as left from coupons.flash_sale_bucket where item_id = ${itemId}`);
  const [stock] = await database.db.execute<{ on_hand: number; reserved: number }>(sql`
    select coalesce(sum(on_hand), 0)::int as on_hand, coalesce(sum(reserved), 0)::int as reserved from stock.level where variant_id = ${variantId}`);
  return { orders: orders!, flash: flash!, quotaLeft: quota!.left, stock: stock! };
}

const rows: Record<string, string | number>[] = [];
const row = (scenario: string, clients: number, r: Awaited<ReturnType<typeof checkouts>>) =>
  rows.push({
    scenario,
    clients,
    attempts: r.latencies.length,
    'orders ok': r.ordered,
    'sold out': r.soldOut,
    'other refusals': [...r.other].map(([code, n]) => `${code}×${n}`).join(' ') || 0,
    '503 resent': r.retries,
    'orders/s': (r.ordered / r.seconds).toFixed(0),
    'p50 ms': pct(r.latencies, 0.5).toFixed(1),
    'p99 ms': pct(r.latencies, 0.99).toFixed(1),
  });

console.log(`making ${ATTEMPTS} carts for the spike...`);
const spikeCarts = await carts(spike.id, ATTEMPTS);
const spikeRun = await checkouts(spikeCarts, SPIKE_CLIENTS);
row(`spike: ${UNITS} units, ${ATTEMPTS} carts`, SPIKE_CLIENTS, spikeRun);
const spikeCheck = await verify(spike.id, spikeItem.itemId);

console.log(`making ${LATENCY_UNITS} carts for the steady cell...`);
const steadyRun = await checkouts(await carts(steady.id, LATENCY_UNITS), LATENCY_CLIENTS);
row(`flash checkout, ${LATENCY_UNITS} units`, LATENCY_CLIENTS, steadyRun);
const steadyCheck = await verify(steady.id, steadyItem.itemId);

rows.push(baselineRow);
const oversold = (c: typeof spikeCheck, quota: number) => c.stock.reserved > c.stock.on_hand || c.flash.units > quota;
console.log(`\nscale ${scale}, ${mode} gateway, NODE_ENV=${process.env.NODE_ENV ?? ''}`);
console.table(rows);
console.log(
  `spike: ${spikeRun.ordered} orders succeeded of ${ATTEMPTS} attempts for ${UNITS} units. SQL: ${spikeCheck.orders.orders} orders hold ${spikeCheck.orders.units} units of the variant; ` +
    `flash takes ${spikeCheck.flash.units} units in ${spikeCheck.flash.orders} orders; quota left ${spikeCheck.quotaLeft}; stock on hand ${spikeCheck.stock.on_hand}, reserved ${spikeCheck.stock.reserved}` +
    ` → ${oversold(spikeCheck, UNITS) ? 'OVERSOLD' : 'no oversell'}${spikeRun.ordered === UNITS && spikeCheck.flash.units === UNITS ? ', exactly the quota' : ', NOT the quota'}.`,
);
console.log(
  `steady: ${steadyRun.ordered} orders; flash takes ${steadyCheck.flash.units} units, quota left ${steadyCheck.quotaLeft} → ${oversold(steadyCheck, LATENCY_UNITS) ? 'OVERSOLD' : 'no oversell'}.`,
);

await gateway.stop();
await stop();
process.exit(0);
