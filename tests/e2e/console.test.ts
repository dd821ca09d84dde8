import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminConsole } from '@shop/gateway/admin-console';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { freePort, hasChromium, launchChromium } from '../kit/browser.js';
import { demoAccount, LoginPage } from './pages/login-page.js';
import { ProductsPage } from './pages/products-page.js';

// The admin console in real Chromium against the real gateway and database.
describe.skipIf(!hasChromium)('admin console in Chromium', () => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let admin: ChildProcess;
  let browser: Browser;
  let baseUrl: string;

  /** A fresh browser context signed in as the owner, who may see every list. */
  async function ownerPage(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    const login = new LoginPage(page);
    await login.goto(baseUrl);
    const { email, password } = demoAccount('owner');
    await login.login(email, password);
    return page;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, { scale: 1 });
    gateway = await startTestGateway('in-process', database.db);
    const port = await freePort();
    admin = await startAdminConsole({ port, gatewayUrl: gateway.url });
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    admin?.kill('SIGTERM');
    await gateway?.stop();
    await database?.close();
  });

  it('lists the seeded products and pages forward with the cursor', async () => {
    const page = await ownerPage();
    const products = new ProductsPage(page);
    await products.goto(baseUrl);
    await expect.poll(() => products.rows().count()).toBe(20);
    const firstPage = await products.rows().allTextContents();
    await products.nextPage();
    await expect.poll(async () => (await products.rows().allTextContents())[0]).not.toBe(firstPage[0]);
    expect(await products.rows().count()).toBe(20);
    await page.context().close();
  });

  it('finds a product by a Thai substring', async () => {
    const page = await ownerPage();
    const products = new ProductsPage(page);
    await products.goto(baseUrl);
    await products.search('ข้าวหอม');
    await expect.poll(() => products.rows().count()).toBeGreaterThan(0);
    for (const text of await products.rows().allTextContents()) expect(text).toContain('ข้าวหอม');
    await page.context().close();
  });

  it('switches to Arabic and lays the console out right to left', async () => {
    const page = await ownerPage();
    const products = new ProductsPage(page);
    await products.goto(baseUrl);
    await products.setLocale('ar');
    await expect.poll(() => products.dir()).toBe('rtl');
    await expect.poll(() => products.rows().count()).toBe(20);
    await page.context().close();
  });
});
