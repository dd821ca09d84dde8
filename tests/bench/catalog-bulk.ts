/**
 * `pnpm exec tsx tests/bench/catalog-bulk.ts`: catalog import and export.
 * Import: a 10,000-row CSV (2,500 products × 4 variants, Thai/Chinese/Arabic/emoji
 * titles): dry run, first run (all created) and re-run (all unchanged), in rows/s.
 * Export: GET /exports/products.csv through the gateway over the whole catalog
 * (BENCH_EXPORT_PRODUCTS products, 100,000 by default, 2 variants each), in rows/s,
 * with the process's RSS sampled every 20 ms (peak and growth over the start).
 */
import './env.js';

const { mkdtemp, rm } = await import('node:fs/promises');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { Readable } = await import('node:stream');
const { sql } = await import('drizzle-orm');
const { stringify } = await import('csv-stringify/sync');
const { mutate } = await import('@shop/kit/mutation');
const { openBenchDatabase } = await import('./database.js');
const { seedDemo, isEmpty } = await import('@shop/gateway/seed/index');
const { checkImport, importStart, jobById, runImportJob, saveUpload, uploadPath } = await import('@shop/products/bulk');
const { startTestGateway } = await import('../kit/gateway.js');
const { ownerHeaders } = await import('../kit/callers.js');

const IMPORT_ROWS = 10_000;
const EXPORT_PRODUCTS = Number(process.env.BENCH_EXPORT_PRODUCTS ?? 100_000);

const importDir = await mkdtemp(join(tmpdir(), 'shop-bench-imports-'));
process.env.IMPORT_DIR = importDir;
const { database, stop } = await openBenchDatabase('shop_bench_bulk', { max: 20 });
if (await isEmpty(database.db)) await seedDemo(database.db);

// --- Import -----------------------------------------------------------------
const TITLES = ['เสื้อยืดผ้าฝ้าย', '纯棉T恤', 'قميص قطني', 'Tee 👕🔥'];
const SIZES = ['S', 'M', 'L', 'XL'];
const run = Date.now().toString(36);
const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => {
  const p = Math.floor(i / SIZES.length);
  const size = SIZES[i % SIZES.length]!;
  return [`bench-${run}-${p}`, `${TITLES[p % TITLES.length]} ${p}`, 'ACTIVE', 'Size', size, `B-${run}-${p}-${size}`, '200', `${100 + (p % 50)}.50`, 'THB'];
});
const csv = stringify([['handle', 'title', 'status', 'option1_name', 'option1_value', 'sku', 'weight_grams', 'price', 'currency'], ...rows]);
const { id: uploadId } = await saveUpload(database.db, Readable.from([Buffer.from(csv)]), { fileName: 'bench.csv', uploadedBy: null });

const timed = async <T>(fn: () => Promise<T>) => {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
};
const importOnce = async () => {
  const started = await mutate(database.db, (tx) => importStart(tx, { uploadId, mode: 'SKIP_INVALID_ROWS' }, null, { costAllowed: true }));
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  await runImportJob({ jobId: started.value.id, costAllowed: true }, database.db);
  return (await jobById(database.db, started.value.id))!;
};

const dry = await timed(() => checkImport(database.db, uploadPath(uploadId), { costAllowed: true }));
const first = await timed(importOnce);
const again = await timed(importOnce);
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
console.log(`\nimport of ${IMPORT_ROWS.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB)`);
console.log(`  dry run            ${dry.seconds.toFixed(2)} s   ${rate(IMPORT_ROWS, dry.seconds)} rows/s`);
console.log(`  first run          ${first.seconds.toFixed(2)} s   ${rate(IMPORT_ROWS, first.seconds)} rows/s   created ${first.value.created}`);
console.log(`  re-run (unchanged) ${again.seconds.toFixed(2)} s   ${rate(IMPORT_ROWS, again.seconds)} rows/s   unchanged ${again.value.unchanged}`);

// --- Export -----------------------------------------------------------------
const [{ n }] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from products.product`);
if (n < EXPORT_PRODUCTS) {
  const missing = EXPORT_PRODUCTS - n;
  console.log(`\nadding ${missing.toLocaleString('en')} products × 2 variants for the export...`);
  await database.db.execute(sql`
    insert into products.product (title, handle, status, tags, options, min_price_minor)
    select 'สินค้า 商品 منتج ' || g, 'bench-export-' || g, 'ACTIVE', array['bench'], '[{"name":"Size","values":["S","M"]}]'::jsonb, 10000
    from generate_series(${n + 1}::int, ${n + missing}::int) g`);
  await database.db.execute(sql`
    insert into products.variant (product_id, sku, title, option_values, price_minor, cost_minor, currency_code, position)
    select p.id, 'BX-' || p.handle || '-' || s.size, s.size, array[s.size], 10000, 4000, 'THB', s.position
    from products.product p cross join (values ('S', 0), ('M', 1)) s(size, position)
    where p.handle like 'bench-export-%'
      and not exists (select 1 from products.variant v where v.product_id = p.id)`);
  await database.db.execute(sql`analyze`);
}
const [{ variants }] = await database.db.execute<{ variants: number }>(sql`select count(*)::int as variants from products.variant`);

const gateway = await startTestGateway('in-process', database.db);
const headers = await ownerHeaders(gateway);
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const exported = await timed(async () => {
  const response = await fetch(gateway.url.replace(/\/graphql$/, '/exports/products.csv'), { headers });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  return { bytes, lines };
});
clearInterval(sampler);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`\nexport of ${variants.toLocaleString('en')} variants (${exported.value.lines.toLocaleString('en')} CSV lines, ${mb(exported.value.bytes)})`);
console.log(`  ${exported.seconds.toFixed(1)} s   ${rate(exported.value.lines - 1, exported.seconds)} rows/s`);
console.log(`  RSS at start ${mb(baseline)}, peak ${mb(peak)} (+${mb(peak - baseline)}) — the file is ${mb(exported.value.bytes)}`);

await gateway.stop();
await stop();
await rm(importDir, { recursive: true, force: true });
