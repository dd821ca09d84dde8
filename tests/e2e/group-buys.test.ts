import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { GroupBuysPage } from './pages/group-buys-page.js';

// Group buys in Chromium: marketing creates a campaign for a product found by searching its title,
// and sees it listed with its group price and size.
describe.skipIf(!hasChromium)('group buys in the admin console', () => {
  let stack: ConsoleStack;

  // The stack builds the console when its sources changed since the last build: minutes on a busy machine.
  beforeAll(async () => {
    stack = await startConsoleStack();
  }, 1_500_000);
  afterAll(() => stack?.stop());

  it('creates a campaign and lists it as active with its price and size', async () => {
    const [product] = await stack.database.db.execute<{ title: string }>(sql`select title from products.product where status = 'ACTIVE' order by title limit 1`);
    const page = await stack.signedIn('marketing');
    const list = new GroupBuysPage(page);
    await list.goto(stack.baseUrl);

    const editor = await list.newCampaign();
    await editor.pickProduct(product!.title);
    await editor.fill({ title: 'E2E team deal', groupPrice: '49.00', groupSize: 4 });
    await editor.create();

    await list.goto(stack.baseUrl);
    const row = list.row('E2E team deal');
    await row.waitFor();
    expect(await row.textContent()).toContain(product!.title);
    expect(await row.textContent()).toContain('49');
    expect(await row.locator('td').nth(3).textContent()).toBe('4');
    await page.context().close();
  }, 180_000);
});
