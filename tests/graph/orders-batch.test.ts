import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '@shop/kit/jobs';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { insertPaidOrders } from '../../subgraphs/orders/test/factories.js';
import { ownerHeaders, staffLogin } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

let database: TestDatabase;
let gateway: TestGateway;
let worker: Awaited<ReturnType<typeof startWorker>>;
let dir: string;
let owner: Record<string, string>;
/** orders:read without members:read_pii or orders:write. */
let analyst: Record<string, string>;
/** No orders scope at all. */
let catalog: Record<string, string>;
const base = () => gateway.url.replace(/\/graphql$/, '');
const FROM = 700001;
const numbers = Array.from({ length: 1000 }, (_, i) => `SO-${FROM + i}`);

const RUN = `fragment Run on OrderBatchRun { id kind status dryRun total done failed progress format containsContactData downloadUrl message
  report(first: 1000) { row orderNumber code params { name value } } }`;
const SHIP = `mutation ($input: OrderBatchShipFromCsvInput!) { orderBatchShipFromCsv(input: $input) { run { ...Run } userErrors { field code message } } } ${RUN}`;
const TAG = `mutation ($input: OrderBatchTagInput!) { orderBatchTag(input: $input) { run { ...Run } userErrors { field code message } } } ${RUN}`;
const EXPORT = `mutation ($input: OrderBatchExportInput!) { orderBatchExport(input: $input) { run { ...Run } userErrors { field code message } } } ${RUN}`;
const GET = `query ($id: ID!) { orderBatchRun(id: $id) { ...Run } } ${RUN}`;

/** Polls orderBatchRun until it ends. */
async function follow(id: string, headers = owner) {
  for (const deadline = Date.now() + 500_000; Date.now() < deadline; ) {
    const { body } = await gateway.query(GET, { id }, headers);
    const run = body.data.orderBatchRun;
    if (['SUCCEEDED', 'FAILED'].includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`run ${id} did not end`);
}

async function started(query: string, input: unknown, field: string, headers = owner) {
  const { body } = await gateway.query(query, { input }, headers);
  expect(body.errors).toBeUndefined();
  expect(body.data[field].userErrors).toEqual([]);
  return follow(body.data[field].run.id, headers);
}

const shippedCount = async () =>
  (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders."order" where status = 'SHIPPED' and number like 'SO-70%'`))[0]!.n;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'order-exports-'));
  process.env.EXPORT_DIR = dir;
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  await insertPaidOrders(database.db, FROM, 1000);
  gateway = await startTestGateway('in-process', database.db);
  worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
  owner = await ownerHeaders(gateway);
  analyst = { authorization: `Bearer ${await staffLogin(gateway, 'analyst@shop.test', 'demo-analyst-password')}` };
  catalog = { authorization: `Bearer ${await staffLogin(gateway, 'catalog_manager@shop.test', 'demo-catalog_manager-password')}` };
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await gateway?.stop();
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('mark orders shipped from a CSV through the gateway', { timeout: 900_000 }, () => {
  // 1,000 rows: 996 of our orders (2 cancelled meanwhile, 2 with an unknown carrier, 2 without tracking), 2 unknown orders, 2 repeats.
  const rows = numbers.slice(0, 996).map((n, i) => [n, i === 4 || i === 5 ? 'POSTMAN' : 'FLASH', i === 6 || i === 7 ? '' : `FL${FROM + i}`]);
  rows.push(['SO-1', 'FLASH', 'X1'], ['SO-2', 'FLASH', 'X2'], [numbers[0]!, 'FLASH', 'X3'], [numbers[1]!, 'FLASH', 'X4']);
  const csv = ['order_number,carrier,tracking_number', ...rows.map((r) => r.join(','))].join('\n');
  const bad = [
    [6, 'UNKNOWN_CARRIER'], [7, 'UNKNOWN_CARRIER'], [8, 'MISSING_TRACKING'], [9, 'MISSING_TRACKING'],
    [10, 'WRONG_STATE'], [11, 'WRONG_STATE'], [998, 'UNKNOWN_ORDER'], [999, 'UNKNOWN_ORDER'], [1000, 'DUPLICATE_ROW'], [1001, 'DUPLICATE_ROW'],
  ];

  beforeAll(async () => {
    await database.db.execute(sql`update orders."order" set status = 'CANCELLED' where number in (${numbers[8]!}, ${numbers[9]!})`);
  });

  it('the dry run reports exactly the 10 bad rows and ships nothing; the run ships the other 990', async () => {
    const dry = await started(SHIP, { csv, dryRun: true }, 'orderBatchShipFromCsv');
    expect(dry).toMatchObject({ kind: 'SHIP_FROM_CSV', status: 'SUCCEEDED', dryRun: true, total: 1000, done: 1000, failed: 10, progress: 1 });
    expect(dry.report.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual(bad);
    expect(dry.report[4]).toMatchObject({ orderNumber: numbers[8], params: [{ name: 'status', value: 'CANCELLED' }] });
    expect(await shippedCount()).toBe(0);

    const real = await started(SHIP, { csv, dryRun: false }, 'orderBatchShipFromCsv');
    expect(real).toMatchObject({ status: 'SUCCEEDED', dryRun: false, done: 1000, failed: 10 });
    expect(real.report.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual(bad);
    expect(await shippedCount()).toBe(990);
  });

  it.each([
    ['order,carrier\nSO-1,FLASH', 'CSV_MISSING_COLUMNS'],
    ['', 'CSV_EMPTY'],
    ['order_number,carrier,tracking_number\n"broken,FLASH,X', 'CSV_INVALID'],
  ])('an unusable file (case %#) is a userError and starts nothing', async (text, code) => {
    const { body } = await gateway.query(SHIP, { input: { csv: text, dryRun: true } }, owner);
    expect(body.data.orderBatchShipFromCsv).toMatchObject({ run: null, userErrors: [{ field: ['input', 'csv'], code }] });
  });

  it('needs orders:write', async () => {
    const { body } = await gateway.query(SHIP, { input: { csv, dryRun: true } }, analyst);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data?.orderBatchShipFromCsv ?? null).toBeNull();
  });
});

describe('tags on a selection and on a filter', { timeout: 120_000 }, () => {
  it('tags picked orders, then retags what the tag filter matches; Order.tags and the filter agree', async () => {
    const { body: list } = await gateway.query(`{ orders(first: 5, filter: { search: "${numbers[999]}" }) { edges { node { id } } } }`, {}, owner);
    const ids = list.data.orders.edges.map((e: { node: { id: string } }) => e.node.id);
    const more = await gateway.query(`{ orders(first: 4, filter: { status: [PAID] }) { edges { node { id } } } }`, {}, owner);
    const picked = [...ids, ...more.body.data.orders.edges.map((e: { node: { id: string } }) => e.node.id)];
    const tagged = await started(TAG, { selection: { orderIds: picked }, add: ['Wholesale'] }, 'orderBatchTag');
    expect(tagged).toMatchObject({ kind: 'TAG', status: 'SUCCEEDED', total: picked.length, done: picked.length, failed: 0 });
    const retagged = await started(TAG, { selection: { filter: { tag: 'wholesale' } }, add: ['invoiced'], remove: ['wholesale'] }, 'orderBatchTag');
    expect(retagged).toMatchObject({ total: picked.length, done: picked.length });
    const { body } = await gateway.query(`{ orders(first: 50, filter: { tag: "invoiced" }) { totalCount edges { node { id tags } } } }`, {}, owner);
    expect(body.data.orders.totalCount).toBe(picked.length);
    expect(body.data.orders.edges.every((e: { node: { tags: string[] } }) => e.node.tags.join() === 'invoiced')).toBe(true);
  });

  it('refuses more than 1,000 ids and both selections at once', async () => {
    const tooMany = Array.from({ length: 1001 }, () => crypto.randomUUID());
    const { body } = await gateway.query(TAG, { input: { selection: { orderIds: tooMany }, add: ['x'] } }, owner);
    expect(body.data.orderBatchTag.userErrors).toMatchObject([{ code: 'SELECTION_TOO_LARGE', field: ['input', 'selection', 'orderIds'] }]);
    const both = await gateway.query(TAG, { input: { selection: { orderIds: [tooMany[0]], filter: {} }, add: ['x'] } }, owner);
    expect(both.body.data.orderBatchTag.userErrors).toMatchObject([{ code: 'SELECTION_INVALID' }]);
  });
});

describe('export', { timeout: 120_000 }, () => {
  const filter = { search: numbers[999] };
  const download = (url: string, headers: Record<string, string>) => fetch(`${base()}${url}`, { headers });

  it('respects the filter and carries contact data for a caller with members:read_pii', async () => {
    const run = await started(EXPORT, { selection: { filter }, format: 'CSV' }, 'orderBatchExport');
    expect(run).toMatchObject({ kind: 'EXPORT', status: 'SUCCEEDED', total: 1, format: 'CSV', containsContactData: true });
    const response = await download(run.downloadUrl, owner);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="orders-.*\.csv"/);
    const records = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.order_number, r.line_sku])).toEqual([[numbers[999], 'SKU-1'], [numbers[999], 'SKU-2']]);
    expect(records[0]).toMatchObject({ recipient_name: `Somchai ${FROM + 999}`, email: `buyer${FROM + 999}@example.com` });
    // Someone without members:read_pii may not download that file.
    expect((await download(run.downloadUrl, analyst)).status).toBe(403);
  });

  it('masks contact data for a caller without members:read_pii (XLSX too)', async () => {
    const run = await started(EXPORT, { selection: { filter }, format: 'CSV' }, 'orderBatchExport', analyst);
    expect(run.containsContactData).toBe(false);
    const text = await (await download(run.downloadUrl, analyst)).text();
    const [record] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ order_number: numbers[999], recipient_name: '', recipient_phone: '', email: '', city: 'Bangkok' });
    expect(text).not.toContain('Somchai');
    const xlsx = await started(EXPORT, { selection: { filter }, format: 'XLSX' }, 'orderBatchExport', analyst);
    const file = await download(xlsx.downloadUrl, analyst);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('needs orders:read, for the mutation and the file', async () => {
    const { body } = await gateway.query(EXPORT, { input: { selection: { filter }, format: 'CSV' } }, catalog);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const run = await started(EXPORT, { selection: { filter }, format: 'CSV' }, 'orderBatchExport', analyst);
    expect((await download(run.downloadUrl, catalog)).status).toBe(403);
    expect((await download(run.downloadUrl, {})).status).toBe(403);
  });
});
