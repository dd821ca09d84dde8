/**
 * `pnpm exec tsx tests/bench/stock-reservations.ts`: reservations per second on
 * ONE hot variant at 1, 8, 32 and 64 concurrent clients, through
 * `commands.reserve` in a transaction, against a baseline in the same run: the
 * bare conditional UPDATE (one statement in a transaction) with postgres.js.
 * Prints figures only (design: performance is shown, never asserted).
 */
import './env.js';

const { randomUUID } = await import('node:crypto');
const { sql } = await import('drizzle-orm');
const postgres = (await import('postgres')).default;
const { openBenchDatabase } = await import('./database.js');
const { applyMovements, reserve } = await import('@shop/stock/commands');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = [1, 8, 32, 64];

const { database, url, stop } = await openBenchDatabase('shop_bench_stock', { max: 64 });
const raw = postgres(url, { max: 64, onnotice: () => {} });

const [warehouse] = await database.db.execute<{ id: string }>(sql`
  insert into stock.warehouse (code, name, priority) values (${`BENCH-${randomUUID().slice(0, 8)}`}, 'Bench', 1) returning id`);

/** A fresh hot variant with more stock than any run can take. */
async function hotVariant(): Promise<string> {
  const variantId = randomUUID();
  await database.db.transaction((tx) =>
    applyMovements(tx, [{ variantId, warehouseId: warehouse!.id, kind: 'RECEIPT', onHandDelta: 100_000_000, reservedDelta: 0, reference: 'bench', actorId: null }]),
  );
  return variantId;
}

/** Runs `op` from `clients` loops for SECONDS; returns ops/s and latency percentiles in ms. */
async function measure(clients: number, op: () => Promise<void>) {
  const latencies: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return { perSecond: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99) };
}

const rows: string[][] = [];
for (const clients of CLIENTS) {
  const ours = await hotVariant();
  const oursResult = await measure(clients, async () => {
    const result = await database.db.transaction((tx) => reserve(tx, [{ variantId: ours, quantity: 1 }], `bench-${randomUUID()}`));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
  });
  const base = await hotVariant();
  const baseResult = await measure(clients, async () => {
    await raw.begin((tx) => tx`
      update stock.level set reserved = reserved + 1
      where variant_id = ${base} and warehouse_id = ${warehouse!.id} and on_hand - reserved >= 1`);
  });
  rows.push([
    String(clients),
    oursResult.perSecond.toFixed(0),
    baseResult.perSecond.toFixed(0),
    `${oursResult.p50.toFixed(1)} / ${baseResult.p50.toFixed(1)}`,
    `${oursResult.p99.toFixed(1)} / ${baseResult.p99.toFixed(1)}`,
  ]);
}

const header = ['clients', 'ours/s', 'baseline/s', 'p50 ms (ours / base)', 'p99 ms (ours / base)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(`\nOne hot variant, one warehouse, ${SECONDS} s per cell (ours: reserve() incl. reservation, lines, movement; baseline: the bare conditional UPDATE)`);
console.log(line(header));
for (const r of rows) console.log(line(r));

await raw.end();
await stop();
process.exit(0);
