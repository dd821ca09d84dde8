import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { startWorker } from '@shop/kit/jobs';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { uploadPath } from '@shop/products/bulk';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { ownerHeaders, staffLogin } from '../kit/callers.js';

const HEADER = ['handle', 'title', 'brand', 'sku', 'price', 'cost_price', 'currency'];
const PREVIEW = `query ($uploadId: ID!) { productImportPreview(uploadId: $uploadId, first: 100) {
  rows valid invalid toCreate toUpdate unchanged issueCount issues { row column code message } } }`;
const START = `mutation ($input: ProductImportStartInput!) { productImportStart(input: $input) { job { id } userErrors { code } } }`;
const JOB = `query ($id: ID!) { job(id: $id) { status created invalid errorCount errors(first: 10) { row column code message } message } }`;

let database: TestDatabase;
let gateway: TestGateway;
let worker: Awaited<ReturnType<typeof startWorker>>;
let owner: Record<string, string>;
let catalogManager: Record<string, string>;
let dir: string;

async function upload(rows: string[][], headers: Record<string, string>): Promise<string> {
  const response = await fetch(gateway.url.replace(/\/graphql$/, '/imports/products?name=t.csv'), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: stringify([HEADER, ...rows]),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { uploadId: string }).uploadId;
}

async function preview(uploadId: string, headers: Record<string, string>) {
  const { body } = await gateway.query(PREVIEW, { uploadId }, headers);
  return body.data.productImportPreview;
}

async function run(uploadId: string, mode: 'ALL_OR_NOTHING' | 'SKIP_INVALID_ROWS', headers: Record<string, string>, beforeWorker?: () => Promise<void>) {
  await beforeWorker?.();
  const { body } = await gateway.query(START, { input: { uploadId, mode } }, headers);
  const id = body.data.productImportStart.job.id;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const { body: answer } = await gateway.query(JOB, { id }, owner);
    if (['SUCCEEDED', 'FAILED'].includes(answer.data.job.status)) return answer.data.job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not end`);
}

const variantCount = async () => (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from products.variant`))[0]!.n;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shop-import-bad-'));
  process.env.IMPORT_DIR = dir;
  database = await createTestDatabase({ max: 10 });
  await seedDemo(database.db);
  gateway = await startTestGateway('in-process', database.db);
  worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
  owner = await ownerHeaders(gateway);
  catalogManager = { authorization: `Bearer ${await staffLogin(gateway, 'catalog_manager@shop.test', 'demo-catalog_manager-password')}` };
});
afterAll(async () => {
  await worker?.stop();
  await gateway?.stop();
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('product import refuses in the dry run what the run could not write', { timeout: 120_000 }, () => {
  const rows = [
    ['', 'Good tee', '', 'IMP-GOOD-1', '10.00', '', 'THB'],
    ['', 'Bad\u0000tee', '', 'IMP-NUL-1', '10.00', '', 'THB'],
    ['', 'Huge price', '', 'IMP-HUGE-1', '100000000000000000000', '', 'THB'],
    ['', 'Huge cost', '', 'IMP-HUGE-2', '10.00', '9999999999999', 'THB'],
  ];

  // (A lone surrogate cannot arrive in a UTF-8 file: it is decoded as U+FFFD; the same check covers it anyway.)
  it('the dry run names each bad cell (NUL, an amount past bigint minor units)', async () => {
    const uploadId = await upload(rows, owner);
    const answer = await preview(uploadId, owner);
    expect(answer).toMatchObject({ rows: 4, valid: 1, invalid: 3, toCreate: 1 });
    expect(answer.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, 'title', 'INVALID_TEXT'],
      [4, 'price', 'INVALID_NUMBER'],
      [5, 'cost_price', 'INVALID_NUMBER'],
    ]);
  });

  it('the run then imports the good row and lists the same issues; ALL_OR_NOTHING imports nothing and says why', async () => {
    const before = await variantCount();
    const all = await run(await upload(rows, owner), 'ALL_OR_NOTHING', owner);
    expect(all).toMatchObject({ status: 'FAILED', created: 0, errorCount: 3 });
    expect(all.message).toMatch(/3 of 4 rows have issues/);
    expect(await variantCount()).toBe(before);
    const skip = await run(await upload(rows, owner), 'SKIP_INVALID_ROWS', owner);
    expect(skip).toMatchObject({ status: 'SUCCEEDED', created: 1, invalid: 3, errorCount: 3 });
    expect(skip.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TEXT', 'INVALID_NUMBER', 'INVALID_NUMBER']);
    // Issue messages never quote what could not be stored.
    expect(JSON.stringify(skip.errors)).not.toContain('\\u0000');
    expect(await variantCount()).toBe(before + 1);
  });

  it('a job that fails on an unexpected error ends FAILED with a reason, not 0 errors and silence', async () => {
    const uploadId = await upload([['', 'Fine', '', 'IMP-LOST-1', '10.00', '', 'THB']], owner);
    const job = await run(uploadId, 'SKIP_INVALID_ROWS', owner, () => unlink(uploadPath(uploadId)));
    expect(job.status).toBe('FAILED');
    expect(job.message).toMatch(/unexpected error.*Quote job [0-9a-f-]{36}/);
    expect(job.message).not.toMatch(/ENOENT|\/|\.csv/);
  });
});

describe('the import reveals nothing about cost prices to callers without catalog:read_cost', { timeout: 120_000 }, () => {
  let handle: string;
  let sku: string;
  let cost: string;

  beforeAll(async () => {
    const { body } = await gateway.query(`{ products(first: 20) { edges { node { handle variants { sku costPrice { amount } } } } } }`, {}, owner);
    const withCost = body.data.products.edges
      .map((e: { node: { handle: string; variants: { sku: string; costPrice: { amount: string } | null }[] } }) => e.node)
      .find((p: { variants: { costPrice: unknown }[] }) => p.variants.length === 1 && p.variants[0]!.costPrice);
    handle = withCost.handle;
    const found = withCost.variants[0];
    sku = found.sku;
    cost = found.costPrice.amount;
  });

  it('the owner sees a matching cost as unchanged (the oracle exists for those allowed to read cost)', async () => {
    const answer = await preview(await upload([[handle, '', '', sku, '', cost, '']], owner), owner);
    expect(answer).toMatchObject({ unchanged: 1, toUpdate: 0, issueCount: 0 });
  });

  it('a catalog manager gets the same FORBIDDEN_COLUMN answer whether the guess is right or wrong, and the run writes nothing', async () => {
    const answers = [];
    for (const guess of [cost, '0.01']) answers.push(await preview(await upload([[handle, '', '', sku, '', guess, '']], catalogManager), catalogManager));
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ rows: 1, valid: 0, invalid: 1, toUpdate: 0, unchanged: 0, issues: [{ row: 1, column: 'cost_price', code: 'FORBIDDEN_COLUMN' }] });
    const job = await run(await upload([[handle, '', '', sku, '', '0.01', '']], catalogManager), 'SKIP_INVALID_ROWS', catalogManager);
    expect(job).toMatchObject({ created: 0, invalid: 1, errors: [{ code: 'FORBIDDEN_COLUMN' }] });
    const [row] = await database.db.execute<{ cost: string }>(sql`select cost_minor::text as cost from products.variant where sku = ${sku}`);
    expect(row!.cost).not.toBe('1');
  });

  it('a blank cost_price column is no reason to refuse a file', async () => {
    const answer = await preview(await upload([[handle, '', '', sku, '', '', '']], catalogManager), catalogManager);
    expect(answer).toMatchObject({ invalid: 0, issueCount: 0 });
  });
});
