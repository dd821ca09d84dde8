import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startWorker } from '@shop/kit/jobs';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { hasChromium } from '../kit/browser.js';
import { pdfLines } from '../kit/pdf-text.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { OrderBatchBar } from './pages/order-batch-bar.js';
import { OrdersPage } from './pages/orders-page.js';

// The orders list's batch bar in Chromium: pick orders, tag them, export them as CSV and print their labels (picked, then
// filtered by the tag), in English and in Arabic (right to left).
describe.skipIf(!hasChromium)('batch work on the orders list', () => {
  let stack: ConsoleStack;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'order-exports-e2e-'));
    process.env.EXPORT_DIR = dir;
    stack = await startConsoleStack();
    worker = await startWorker(stack.database.url, stack.database.db, SUBGRAPHS, { pollInterval: 200 });
    // Building the console takes minutes on a loaded machine.
  }, 900_000);
  afterAll(async () => {
    await worker?.stop();
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const tagged = async (tag: string) =>
    (await stack.database.db.execute<{ number: string }>(sql`select number from orders."order" where tags @> array[${tag}]::text[] order by number`)).map((r) => r.number);

  it.each([
    ['en', 'e2e-en', 'orders selected'],
    ['ar', 'e2e-ar', 'تم تحديد'],
  ])('%s: picks two orders, tags them, exports them as a CSV download and prints their labels as one PDF, picked and by filter', async (locale, tag, selectedText) => {
    const page = await stack.signedIn('order_operator');
    if (locale === 'ar') await page.context().addCookies([{ name: 'locale', value: 'ar', url: stack.baseUrl }]);
    const orders = new OrdersPage(page);
    await orders.goto(stack.baseUrl);
    expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    const bar = new OrderBatchBar(page);
    const numbers = await bar.pick(2);
    expect(await bar.scopeText()).toContain(selectedText);

    expect(await bar.addTag(tag)).toBe('SUCCEEDED');
    expect(await tagged(tag)).toEqual([...numbers].sort());

    const download = await bar.exportCsv();
    expect(download.suggestedFilename()).toMatch(/^orders-.*\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^order_number,created_at,status/);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(numbers));

    const pdf = await bar.printLabels();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const printed = pdfLines(pdf).flat().join(' ');
    for (const number of numbers) expect(printed).toContain(number);

    // Filtered by the tag with nothing picked, Print prints exactly the orders the filter matches.
    await orders.goto(stack.baseUrl, { tag });
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('batch-bar').getAttribute('data-selected')).toBe('0');
    const filtered = pdfLines(await bar.printLabels());
    expect(filtered).toHaveLength(2);
    for (const number of numbers) expect(filtered.flat().join(' ')).toContain(number);
    await page.context().close();
  });
});
