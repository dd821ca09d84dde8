import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { startWorker } from '@shop/kit/jobs';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { ownerHeaders, staffLogin } from '../kit/callers.js';

const HEADER = ['handle', 'title', 'status', 'tags', 'option1_name', 'option1_value', 'sku', 'barcode', 'weight_grams', 'price', 'compare_at_price', 'cost_price', 'currency'];
const TITLES = ['เสื้อยืดผ้าฝ้าย', '纯棉T恤', 'قميص قطني', 'Tee 👕🔥', 'เสื้อ 纯棉 قميص ✨'];
const SIZES = ['S', 'M', 'L', 'XL'];
const ROWS = 10_000;

/** Which data rows (by index) are bad, and how: every 200th row from the 101st, five kinds in turn. */
const BAD_KINDS = [
  { code: 'NEGATIVE_VALUE', column: 'price', spoil: (r: string[]) => (r[9] = '-5.00') },
  { code: 'INVALID_STATUS', column: 'status', spoil: (r: string[]) => (r[2] = 'LIVE') },
  { code: 'TOO_MANY_DECIMALS', column: 'price', spoil: (r: string[]) => (r[9] = '10.999') },
  { code: 'INVALID_NUMBER', column: 'weight_grams', spoil: (r: string[]) => (r[8] = '1.5kg') },
  { code: 'DUPLICATE_SKU', column: 'sku', spoil: (r: string[], previous: string[]) => (r[6] = previous[6]!) },
] as const;
const badIndex = (i: number) => (i % 200 === 100 ? BAD_KINDS[(i - 100) / 200 % BAD_KINDS.length]! : null);

/** 2,500 products × 4 sizes in Thai, Chinese, Arabic and emoji, with exactly 50 bad rows. */
function bigCsv(): { content: string; bad: { row: number; code: string; column: string }[] } {
  const rows: string[][] = [];
  const bad: { row: number; code: string; column: string }[] = [];
  for (let i = 0; i < ROWS; i++) {
    const p = Math.floor(i / SIZES.length);
    const size = SIZES[i % SIZES.length]!;
    const row = [`bulk-${p}`, `${TITLES[p % TITLES.length]} ${p}`, 'ACTIVE', 'bulk, test', 'Size', size, `BULK-${p}-${size}`, '', '200', `${100 + (p % 50)}.50`, '', '40.25', 'THB'];
    const kind = badIndex(i);
    if (kind) {
      kind.spoil(row, rows.at(-1)!);
      bad.push({ row: i + 2, code: kind.code, column: kind.column });
    }
    rows.push(row);
  }
  return { content: stringify([HEADER, ...rows]), bad };
}

let database: TestDatabase;
let gateway: TestGateway;
let worker: Awaited<ReturnType<typeof startWorker>>;
let owner: Record<string, string>;
let dir: string;
const base = () => gateway.url.replace(/\/graphql$/, '');

async function upload(content: string, headers = owner) {
  const response = await fetch(`${base()}/imports/products?name=bulk.csv`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: content });
  return { status: response.status, body: (await response.json()) as { uploadId: string } };
}

const PREVIEW = `query ($uploadId: ID!) { productImportPreview(uploadId: $uploadId, first: 100) {
  rows valid invalid toCreate toUpdate unchanged issueCount issues { row column code message } } }`;
const START = `mutation ($input: ProductImportStartInput!) { productImportStart(input: $input) {
  job { id status } userErrors { field code message } } }`;
const JOB = `query ($id: ID!) { job(id: $id) { id kind status mode progress processed total created updated unchanged invalid errorCount
  errors(first: 3) { row column code } errorReportUrl message } }`;

async function start(uploadId: string, mode: 'ALL_OR_NOTHING' | 'SKIP_INVALID_ROWS'): Promise<string> {
  const { body } = await gateway.query(START, { input: { uploadId, mode } }, owner);
  expect(body.data.productImportStart.userErrors).toEqual([]);
  return body.data.productImportStart.job.id;
}

/** Polls job(id) until it ends; returns every answer seen. */
async function follow(id: string) {
  const seen: any[] = [];
  for (const deadline = Date.now() + 200_000; Date.now() < deadline; ) {
    const { body } = await gateway.query(JOB, { id }, owner);
    seen.push(body.data.job);
    if (['SUCCEEDED', 'FAILED'].includes(body.data.job.status)) return seen;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${id} did not end: ${JSON.stringify(seen.at(-1))}`);
}

const catalogState = async () => {
  const [row] = await database.db.execute<{ products: number; variants: number; latest: string }>(sql`
    select (select count(*)::int from products.product) as products, (select count(*)::int from products.variant) as variants,
           greatest((select max(updated_at) from products.product), (select max(updated_at) from products.variant))::text as latest`);
  return row!;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shop-bulk-'));
  process.env.IMPORT_DIR = dir;
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  gateway = await startTestGateway('in-process', database.db);
  worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
  owner = await ownerHeaders(gateway);
});
afterAll(async () => {
  await worker?.stop();
  await gateway?.stop();
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

// 10,000-row imports take seconds alone and much longer on a loaded 2-core machine.
describe('catalog bulk import through the gateway', { timeout: 240_000 }, () => {
  const file = bigCsv();
  let uploadId: string;

  it('dry run of 10,000 rows reports exactly the 50 bad rows and writes nothing', async () => {
    expect(file.bad).toHaveLength(50);
    const before = await catalogState();
    const uploaded = await upload(file.content);
    expect(uploaded.status).toBe(201);
    uploadId = uploaded.body.uploadId;
    const { body } = await gateway.query(PREVIEW, { uploadId }, owner);
    expect(body.errors).toBeUndefined();
    const preview = body.data.productImportPreview;
    expect(preview).toMatchObject({ rows: 10_000, valid: 9_950, invalid: 50, toCreate: 9_950, toUpdate: 0, unchanged: 0, issueCount: 50 });
    expect(preview.issues.map(({ row, code, column }: any) => ({ row, code, column }))).toEqual(file.bad);
    expect(await catalogState()).toEqual(before);
  });

  it('the real run skips the bad rows, imports the rest with visible progress, and serves the error report', async () => {
    const before = await catalogState();
    const id = await start(uploadId, 'SKIP_INVALID_ROWS');
    const seen = await follow(id);
    const done = seen.at(-1);
    expect(done).toMatchObject({ kind: 'PRODUCT_IMPORT', status: 'SUCCEEDED', progress: 1, processed: 10_000, total: 10_000, created: 9_950, invalid: 50, errorCount: 50 });
    expect(seen.some((job) => job.status === 'RUNNING' && job.progress > 0 && job.progress < 1)).toBe(true);
    expect(done.errors).toEqual(file.bad.slice(0, 3));
    const after = await catalogState();
    expect(after.products - before.products).toBe(2_500);
    expect(after.variants - before.variants).toBe(9_950);

    const report = await fetch(`${base()}${done.errorReportUrl}`, { headers: owner });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const records = parse(await report.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => ({ row: Number(r.row), code: r.code, column: r.column }))).toEqual(file.bad);
  });

  it('re-running the same file changes nothing', async () => {
    const before = await catalogState();
    const done = (await follow(await start(uploadId, 'SKIP_INVALID_ROWS'))).at(-1);
    expect(done).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: 9_950, invalid: 50 });
    expect(await catalogState()).toEqual(before);
  });

  it('ALL_OR_NOTHING with one bad row imports nothing', async () => {
    const before = await catalogState();
    const content = stringify([HEADER, ['', 'New 新 جديد', '', '', '', '', 'AON-1', '', '', '10.00', '', '', ''], ['', 'Broken', '', '', '', '', 'AON-2', '', '', '-1', '', '', '']]);
    const done = (await follow(await start((await upload(content)).body.uploadId, 'ALL_OR_NOTHING'))).at(-1);
    expect(done).toMatchObject({ status: 'FAILED', created: 0, invalid: 1, errorCount: 1, errors: [{ row: 3, column: 'price', code: 'NEGATIVE_VALUE' }] });
    expect(done.message).toMatch(/nothing was imported/);
    expect(await catalogState()).toEqual(before);
  });

  it('an export of the whole catalog re-imports unchanged', async () => {
    const response = await fetch(`${base()}/exports/products.csv`, { headers: owner });
    expect(response.status).toBe(200);
    const exported = await response.text();
    const rows = (parse(exported, { bom: true, columns: true }) as Record<string, string>[]).length;
    expect(rows).toBe((await catalogState()).variants);
    const before = await catalogState();
    const { body } = await gateway.query(PREVIEW, { uploadId: (await upload(exported)).body.uploadId }, owner);
    expect(body.data.productImportPreview).toMatchObject({ rows, invalid: 0, toCreate: 0, toUpdate: 0, unchanged: rows, issues: [] });
    expect(await catalogState()).toEqual(before);
  });

  it('filters the export like the product list, and leaves cost out without catalog:read_cost', async () => {
    const manager = { authorization: `Bearer ${await staffLogin(gateway, 'catalog_manager@shop.test', 'demo-catalog_manager-password')}` };
    const response = await fetch(`${base()}/exports/products.csv?query=bulk-12&status=ACTIVE`, { headers: manager });
    const records = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).not.toContain('cost_price');
    expect(new Set(records.map((r) => r.handle))).toEqual(new Set(['bulk-12', ...Array.from({ length: 100 }, (_, i) => `bulk-12${String(i).padStart(2, '0')}`), ...Array.from({ length: 10 }, (_, i) => `bulk-12${i}`)]));
    const bad = await fetch(`${base()}/exports/products.csv?status=SOLD`, { headers: manager });
    expect(bad.status).toBe(400);
  });

  it('refuses uploads and exports to callers without the scope', async () => {
    const clerk = { authorization: `Bearer ${await staffLogin(gateway, 'inventory_clerk@shop.test', 'demo-inventory_clerk-password')}` };
    expect((await upload('title,sku\nA,B\n', clerk)).status).toBe(403);
    expect((await fetch(`${base()}/exports/products.csv`)).status).toBe(403);
    const { body } = await gateway.query(PREVIEW, { uploadId }, clerk);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
