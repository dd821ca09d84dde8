import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startWorker } from '@shop/kit/jobs';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { ImportWizardPage } from './pages/import-wizard-page.js';

const HEADER = 'handle,title,status,option1_name,option1_value,sku,price,currency';

/** Three good variants of one product (Thai, Arabic and emoji in its title) and one row with a negative price. */
const sheet = (prefix: string, handle = prefix.toLowerCase()) =>
  [
    HEADER,
    `${handle}-tee,"เสื้อยืด قميص 👕 ${prefix}",ACTIVE,Size,S,${prefix}-S,199.00,THB`,
    `${handle}-tee,,,Size,M,${prefix}-M,199.00,THB`,
    `${handle}-tee,,,Size,L,${prefix}-L,219.00,THB`,
    `${handle}-mug,Mug,,,,${prefix}-MUG,-5,THB`,
  ].join('\n');

// Catalog import in Chromium: the import wizard end to end, in English and in Arabic (right to left).
describe.skipIf(!hasChromium)('product import wizard in the admin console', () => {
  let stack: ConsoleStack;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shop-import-e2e-'));
    process.env.IMPORT_DIR = join(dir, 'uploads');
    stack = await startConsoleStack();
    worker = await startWorker(stack.database.url, stack.database.db, SUBGRAPHS, { pollInterval: 200 });
  });

  afterAll(async () => {
    await worker?.stop();
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const variantsWith = async (prefix: string) =>
    (await stack.database.db.execute<{ n: number }>(sql`select count(*)::int as n from products.variant where sku like ${`${prefix}-%`}`))[0]!.n;

  it('uploads, reports the bad row, imports the rest with progress and offers the error report (English)', async () => {
    const page = await stack.signedIn('catalog_manager');
    const wizard = new ImportWizardPage(page);
    const file = join(dir, 'en.csv');
    await writeFile(file, sheet('E2E-EN'));
    await wizard.goto(stack.baseUrl);
    expect(await wizard.dir()).toBe('ltr');
    await wizard.upload(file);
    expect(await wizard.count('count-rows')).toBe(4);
    expect(await wizard.count('count-invalid')).toBe(1);
    expect(await wizard.count('count-to-create')).toBe(3);
    expect(await wizard.issues()).toEqual([[5, 'NEGATIVE_VALUE']]);
    expect(await variantsWith('E2E-EN')).toBe(0);

    expect(await wizard.run('SKIP_INVALID_ROWS')).toBe('SUCCEEDED');
    expect(await wizard.count('count-created')).toBe(3);
    expect(await variantsWith('E2E-EN')).toBe(3);
    const report = await wizard.errorReport(stack.baseUrl);
    expect(report).toContain('row,column,code,message');
    expect(report).toContain('5,price,NEGATIVE_VALUE');
    await page.context().close();
  });

  it('runs all-or-nothing in Arabic, right to left, and imports nothing when a row is bad', async () => {
    const page = await stack.signedIn('catalog_manager');
    await page.context().addCookies([{ name: 'locale', value: 'ar', url: stack.baseUrl }]);
    const wizard = new ImportWizardPage(page);
    const file = join(dir, 'ar.csv');
    await writeFile(file, `\uFEFF${sheet('E2E-AR')}`);
    await wizard.goto(stack.baseUrl);
    expect(await wizard.dir()).toBe('rtl');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('استيراد المنتجات');
    await wizard.upload(file);
    expect(await wizard.count('count-invalid')).toBe(1);
    expect(await wizard.run('ALL_OR_NOTHING')).toBe('FAILED');
    expect(await variantsWith('E2E-AR')).toBe(0);
    expect(await wizard.errorReportLink().isVisible()).toBe(true);
    expect(await wizard.errorReport(stack.baseUrl)).toContain('NEGATIVE_VALUE');
    await page.context().close();
  });
});
