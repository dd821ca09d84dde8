/**
 * `pnpm bench orders-export [--scale 1]`: the order export (orderBatchExport's writer) at
 * 200,000 × scale orders of two lines each, as CSV and as XLSX, written to a sink that counts
 * bytes, beside a baseline in the same run: a bare `COPY (select the same rows) TO STDOUT`
 * through postgres.js. Prints rows per second and the process's peak RSS and heapUsed
 * (sampled every 25 ms, and their rise over the figure before each scenario), so a
 * writer that held the export in memory would show. Orders are seeded once per bench
 * database with SQL (generate_series). Figures only, never asserted.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { Writable } = await import('node:stream');
const { pipeline } = await import('node:stream/promises');
const { sql } = await import('drizzle-orm');
const postgres = (await import('postgres')).default;
const { openBenchDatabase } = await import('./database.js');
const { insertPaidOrders } = await import('../../subgraphs/orders/test/factories.js');
const { writeOrderExport } = await import('@shop/orders/batch');

const { values } = parseArgs({ allowPositionals: true, options: { scale: { type: 'string', default: '1' } } });
const ORDERS = Math.max(1_000, Math.round(200_000 * Number(values.scale)));
const FIRST = 2_000_001;

const { database, url, stop } = await openBenchDatabase('shop_bench_orders_export', { max: 4 });
const db = database.db;
const seeded = async () =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from orders."order" where number like 'SO-2______'`))[0]!.n;
if ((await seeded()) !== ORDERS) {
  console.log(`seeding ${ORDERS} orders...`);
  await db.execute(sql`delete from orders.order_line where order_id in (select id from orders."order" where number like 'SO-2______')`);
  await db.execute(sql`delete from orders."order" where number like 'SO-2______'`);
  for (let from = FIRST; from < FIRST + ORDERS; from += 50_000) await insertPaidOrders(db, from, Math.min(50_000, FIRST + ORDERS - from));
  await db.execute(sql`analyze orders."order"; analyze orders.order_line`);
}

/** A sink that keeps nothing, counting bytes. */
const sink = () => {
  const counted = { bytes: 0 };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      counted.bytes += chunk.length;
      done();
    },
  });
  return { stream, counted };
};

const MB = (n: number) => Math.round(n / 1024 / 1024);

async function measure(scenario: string, work: () => Promise<{ rows: number; bytes: number }>) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed };
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed);
  }, 25);
  const started = performance.now();
  const { rows, bytes } = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  return {
    scenario,
    rows,
    'MB out': MB(bytes),
    seconds: Number(seconds.toFixed(1)),
    'rows/s': Math.round(rows / seconds),
    'peak RSS MB': MB(peak.rss),
    'RSS rise MB': MB(peak.rss - before.rss),
    'peak heap MB': MB(peak.heap),
    'heap rise MB': MB(peak.heap - before.heapUsed),
  };
}

const selection = { filter: { createdFrom: new Date('2026-10-31T00:00:00Z') } };
const access = { contactSearch: true, flags: true, tags: true };
const raw = postgres(url, { max: 1, onnotice: () => {} });
const results = [];

results.push(
  await measure('baseline: COPY (select orders × lines) TO STDOUT', async () => {
    const out = sink();
    let rows = 0;
    const copy = await raw`copy (
      select o.number, o.created_at, o.status, o.total_minor, o.ship_name, o.ship_phone, o.email, l.sku, l.title, l.quantity, l.unit_price_minor
      from orders."order" o join orders.order_line l on l.order_id = o.id
      where o.created_at >= '2026-10-31' order by o.created_at desc, o.id desc, l.position) to stdout with (format csv)`.readable();
    copy.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) rows += 1;
    });
    await pipeline(copy, out.stream);
    return { rows, bytes: out.counted.bytes };
  }),
);
for (const format of ['CSV', 'XLSX'] as const) {
  results.push(
    await measure(`export ${format} (keyset pages of 500 orders, lines per page)`, async () => {
      const out = sink();
      const rows = await writeOrderExport(db, { selection, access, withContact: true, format }, out.stream);
      return { rows, bytes: out.counted.bytes };
    }),
  );
}

console.log(`\n${ORDERS} orders × 2 lines, NODE_ENV=${process.env.NODE_ENV}, node ${process.version}`);
console.table(results);
await raw.end();
await stop();
