import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { startWorker } from '@shop/kit/jobs';
import { runBatch } from '@shop/orders/batch';
import { closeDocumentsBrowser, printChunks } from '@shop/orders/documents';
import { insertPaidOrders } from '../../subgraphs/orders/test/factories.js';
import { demoStaffHeaders } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { pdfLines } from '../kit/pdf-text.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

/**
 * Issue #14's gaps: a print of any size is a batch run rendered in chunks into one PDF (1,200 labels through
 * the gateway, progress on the way), retried and failed runs leave a whole file or none; and tax invoices are
 * numbered from a gapless yearly series, once per order, reprints marked as copies.
 */
const PRINT = `mutation ($input: DocumentsPrintInput!) { documentsPrint(input: $input) { run { id kind status total } orderCount userErrors { field code message } } }`;
const RUN = `query ($id: ID!) { orderBatchRun(id: $id) { id kind status total done progress downloadUrl containsContactData } }`;
const ORDER = `query ($id: ID!) { order(id: $id) { id number taxInvoiceNumber } }`;

const FROM = 810001;
const COUNT = 1_250;

let database: TestDatabase;
let gateway: TestGateway;
let worker: Awaited<ReturnType<typeof startWorker>> | null;
let dir: string;
let operator: Record<string, string>;
let ids: string[];

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const download = (path: string) => fetch(new URL(path, gateway.url), { headers: operator });
const start = async (input: Record<string, unknown>) => {
  const { body } = await gateway.query(PRINT, { input }, operator);
  expect(body.errors).toBeUndefined();
  expect(body.data.documentsPrint.userErrors).toEqual([]);
  return body.data.documentsPrint.run.id as string;
};
/** Polls the run until it ends, keeping every `done` it reported on the way. */
async function follow(id: string): Promise<{ run: Record<string, unknown> & { downloadUrl: string; status: string }; seen: number[] }> {
  const seen: number[] = [];
  for (const deadline = Date.now() + 800_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 150))) {
    const run = (await gateway.query(RUN, { id }, operator)).body.data.orderBatchRun;
    if (seen.at(-1) !== run.done) seen.push(run.done);
    if (run.status === 'SUCCEEDED' || run.status === 'FAILED') return { run, seen };
  }
  throw new Error(`print run ${id} did not end`);
}
const pdfOf = async (url: string) => Buffer.from(await (await download(url)).arrayBuffer());
const pageCount = async (pdf: Buffer) => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return (await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise).numPages;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'print-runs-'));
  process.env.EXPORT_DIR = dir;
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  await insertPaidOrders(database.db, FROM, COUNT);
  ids = (
    await database.db.execute<{ id: string }>(sql`select id from orders."order" where number between ${`SO-${FROM}`} and ${`SO-${FROM + COUNT - 1}`} order by number`)
  ).map((r) => r.id);
  gateway = await startTestGateway('in-process', database.db);
  worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
  operator = await demoStaffHeaders(gateway, 'order_operator');
}, 300_000);
afterAll(async () => {
  await worker?.stop();
  await gateway?.stop();
  await database?.close();
  await closeDocumentsBrowser();
  await rm(dir, { recursive: true, force: true });
});

describe('a large print is a batch run rendered in chunks into one PDF', () => {
  it('prints 1,200 labels through the gateway as a run with progress; the PDF has 1,200 pages in order', async () => {
    const chosen = ids.slice(0, 1_200);
    const { run, seen } = await follow(await start({ kind: 'LABEL', orderIds: chosen }));
    expect(run).toMatchObject({ kind: 'PRINT', status: 'SUCCEEDED', total: 1_200, done: 1_200, progress: 1, containsContactData: true });
    // Progress moved in steps on the way, never backwards.
    expect(seen.some((done) => done > 0 && done < 1_200), JSON.stringify(seen)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const response = await download(run.downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(await pageCount(pdf)).toBe(1_200);
    const pages = pdfLines(pdf).map((lines) => lines.map(squash));
    expect(pages).toHaveLength(1_200);
    // Spot checks across chunk boundaries: each page is its order's label, in the order asked for.
    for (const i of [0, 99, 100, 599, 1_000, 1_199]) {
      expect(pages[i], `page ${i + 1}`).toEqual(expect.arrayContaining([`Somchai ${FROM + i}`, `Phone +66 81 ${FROM + i}`, `Order SO-${FROM + i}`]));
    }
    // Only the finished file is left: no chunk or partial file.
    expect((await readdir(dir)).filter((f) => f.startsWith('print-'))).toEqual([expect.stringMatching(/^print-[0-9a-f-]+\.pdf$/)]);
  }, 900_000);

  it('answers NOT_READY for a print whose run has not finished, and keeps orders merged into one parcel in one chunk', async () => {
    // Orders sharing a waybill (merged into one parcel) land in the same chunk wherever they are in the print.
    const [a, b] = [ids[1_200]!, ids[1_249]!];
    await database.db.execute(sql`update orders."order" set carrier = 'Kerry Express', tracking_number = 'MERGED-1' where id in (${a}, ${b})`);
    const chunks = await printChunks(database.db, 'LABEL', ids.slice(1_200), 10);
    const holding = chunks.filter((chunk) => chunk.includes(a) || chunk.includes(b));
    expect(holding).toHaveLength(1);
    expect(chunks.flat().sort()).toEqual(ids.slice(1_200).sort());
  });
});

describe('tax invoice numbers', () => {
  it('gives 50 orders printed at once 50 distinct consecutive numbers; a reprint keeps the number and says copy', async () => {
    const fifty = ids.slice(1_200, 1_250);
    const runs = await Promise.all(fifty.map((id) => start({ kind: 'TAX_INVOICE', orderIds: [id], locale: 'TH' })));
    const read = await Promise.all(fifty.map(async (id) => (await gateway.query(ORDER, { id }, operator)).body));
    expect(read.flatMap((body) => body.errors ?? [])).toEqual([]);
    const orders = read.map((body) => body.data.order as { id: string; number: string; taxInvoiceNumber: string });
    const numbers = orders.map((o) => o.taxInvoiceNumber);
    expect(numbers).toHaveLength(50);
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(new Date());
    for (const n of numbers) expect(n).toMatch(new RegExp(`^INV${year}-\\d{6}$`));
    const sequence = numbers.map((n) => Number(n.slice(-6))).sort((x, y) => x - y);
    expect(new Set(sequence).size).toBe(50);
    expect(sequence.at(-1)! - sequence[0]!).toBe(49);

    const first = fifty[0]!;
    const node = orders[0]!;
    const original = pdfLines(await pdfOf((await follow(runs[0]!)).run.downloadUrl))[0]!.map(squash);
    expect(original).toEqual(expect.arrayContaining(['ใบกำกับภาษี / ใบเสร็จรับเงิน ต้นฉบับ', `เลขที่ ${node.taxInvoiceNumber}`, `คำสั่งซื้อ ${node.number}`]));
    expect(original.join(' ')).not.toContain('สำเนา');

    // A reprint, alone and beside an order printed for the first time: the same number, marked as a copy.
    const fresh = ids[1_100]!;
    const { run: again } = await follow(await start({ kind: 'TAX_INVOICE', orderIds: [first, fresh], locale: 'EN' }));
    const [copyPage, freshPage] = pdfLines(await pdfOf(again.downloadUrl)).map((lines) => lines.map(squash));
    const heading = 'ใบกำกับภาษี / ใบเสร็จรับเงิน Tax invoice / Receipt';
    expect(copyPage).toEqual(expect.arrayContaining([`${heading} สำเนา Copy`, `เลขที่ Invoice no. ${node.taxInvoiceNumber}`]));
    expect(freshPage).toEqual(expect.arrayContaining([`${heading} ต้นฉบับ Original`, `เลขที่ Invoice no. INV${year}-${String(sequence.at(-1)! + 1).padStart(6, '0')}`]));
    const series = await database.db.execute<{ last_number: number }>(sql`select last_number from orders.tax_invoice_series where year = ${Number(year)}`);
    expect(series[0]!.last_number).toBe(sequence.at(-1)! + 1);
    await Promise.all(runs.slice(1).map(follow));
  }, 600_000);

  it('keeps the number when the print is refused: nothing is issued and the series has no gap', async () => {
    const before = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.tax_invoice`);
    const { body } = await gateway.query(PRINT, { input: { kind: 'TAX_INVOICE', orderIds: [ids[1_101], '00000000-0000-4000-8000-000000000000'] } }, operator);
    expect(body.data.documentsPrint).toMatchObject({ run: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'orderIds', '1'] }] });
    expect((await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.tax_invoice`))[0]!.n).toBe(before[0]!.n);
  });
});

describe('printing from the order list\'s filter', () => {
  it('prints exactly the orders the filter matches, newest first as the list shows them', async () => {
    const tagged = [ids[10]!, ids[20]!, ids[30]!];
    await database.db.execute(sql`update orders."order" set tags = array['print-me'] where id in (${tagged[0]}, ${tagged[1]}, ${tagged[2]})`);
    const { body } = await gateway.query(PRINT, { input: { kind: 'LABEL', filter: { tag: 'print-me' } } }, operator);
    expect(body.errors).toBeUndefined();
    expect(body.data.documentsPrint).toMatchObject({ orderCount: 3, userErrors: [], run: { kind: 'PRINT', total: 3 } });
    const { run } = await follow(body.data.documentsPrint.run.id);
    expect(run.status).toBe('SUCCEEDED');
    const pages = pdfLines(await pdfOf(run.downloadUrl)).map((lines) => lines.map(squash));
    expect(pages).toHaveLength(3);
    [30, 20, 10].forEach((n, i) => expect(pages[i], `page ${i + 1}`).toEqual(expect.arrayContaining([`Order SO-${FROM + n}`, `Somchai ${FROM + n}`])));
  }, 300_000);

  it('refuses ids and a filter together, a filter matching nothing, and one matching more than 5,000 orders; nothing is recorded', async () => {
    const prints = async () => (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.document_print`))[0]!.n;
    const before = await prints();
    const ask = async (input: Record<string, unknown>) => (await gateway.query(PRINT, { input: { kind: 'LABEL', ...input } }, operator)).body;

    const both = await ask({ orderIds: [ids[0]], filter: { tag: 'print-me' } });
    expect(both.data.documentsPrint).toMatchObject({ run: null, userErrors: [{ code: 'INVALID', field: ['input'] }] });
    const none = await ask({ filter: { tag: 'no-such-tag' } });
    expect(none.data.documentsPrint).toMatchObject({ run: null, userErrors: [{ code: 'EMPTY', field: ['input', 'filter'] }] });

    // 1,250 orders from FROM on and 3,800 more placed after them, a minute apart: over 5,000 match.
    await insertPaidOrders(database.db, FROM + COUNT, 3_800);
    const filter = { createdFrom: '2026-11-01T00:00:00Z', createdTo: '2026-11-05T00:00:00Z', status: ['PAID'] };
    const matching = (
      await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from orders."order" where status = 'PAID' and created_at >= '2026-11-01T00:00:00Z' and created_at < '2026-11-05T00:00:00Z'`,
      )
    )[0]!.n;
    expect(matching).toBeGreaterThan(5_000);
    const tooMany = await ask({ filter });
    expect(tooMany.errors).toBeUndefined();
    expect(tooMany.data.documentsPrint).toMatchObject({
      run: null,
      userErrors: [{ code: 'TOO_MANY', field: ['input', 'filter'], message: `The filter matches ${matching} orders; one print holds at most 5000. Narrow the filter.` }],
    });
    const thai = await gateway.query(PRINT, { input: { kind: 'LABEL', filter } }, { ...operator, 'accept-language': 'th' });
    expect(thai.body.data.documentsPrint.userErrors[0].message).toContain(String(matching));
    expect(thai.body.data.documentsPrint.userErrors[0].message).toContain('ตัวกรอง');
    expect(await prints()).toBe(before);
  }, 120_000);
});

describe('a print run survives a retry and a failure', () => {
  it('a retried run (its worker died before finishing) writes the same PDF again; a failed one leaves no file', async () => {
    await worker!.stop();
    worker = null;
    const orders = ids.slice(1_200, 1_205);
    const id = await start({ kind: 'TAX_INVOICE', orderIds: orders });
    await runBatch({ runId: id }, database.db);
    const { run } = await follow(id);
    const first = pdfLines(await pdfOf(run.downloadUrl)).map((lines) => lines.map(squash));
    // As if the worker had died mid-run: the job runs again over the RUNNING row.
    await database.db.execute(sql`update orders.batch_run set status = 'RUNNING', done = 2 where id = ${id}`);
    await runBatch({ runId: id }, database.db);
    const { run: retried } = await follow(id);
    expect(retried).toMatchObject({ status: 'SUCCEEDED', done: 5 });
    expect(pdfLines(await pdfOf(retried.downloadUrl)).map((lines) => lines.map(squash))).toEqual(first);

    const failing = await start({ kind: 'LABEL', orderIds: orders });
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await runBatch({ runId: failing }, database.db);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    const { run: failed } = await follow(failing);
    expect(failed).toMatchObject({ status: 'FAILED', downloadUrl: null });
    expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
    const printId = (await database.db.execute<{ id: string }>(sql`select input->>'printId' as id from orders.batch_run where id = ${failing}`))[0]!.id;
    expect((await readdir(dir)).some((f) => f.includes(printId))).toBe(false);
  }, 300_000);
});
