import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { ProductsPage } from './pages/products-page.js';

// The admin console in real Chromium against the real gateway and database.
describe.skipIf(!hasChromium)('admin console in Chromium', () => {
  let stack: ConsoleStack;
  let baseUrl: string;

  /** Signed in as the owner, who may see every list. */
  const ownerPage = () => stack.signedIn('owner');

  beforeAll(async () => {
    stack = await startConsoleStack();
    baseUrl = stack.baseUrl;
  });

  afterAll(() => stack?.stop());

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
    // Search matches every translation; in Thai the list shows the Thai titles that matched.
    await products.setLocale('th');
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
