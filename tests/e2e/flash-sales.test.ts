import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { shopTimeZone } from '@shop/kit/shop-time';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { FlashSalesPage } from './pages/flash-sales-page.js';

/** A moment as the console's datetime-local inputs take it: `YYYY-MM-DDTHH:mm` in the shop's time zone. */
const shopLocal = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: shopTimeZone(), dateStyle: 'short', timeStyle: 'short' }).format(at).replace(' ', 'T');

// Flash sales in Chromium: marketing creates a session running now, puts a variant in it with a quota,
// and finds it on the calendar with its quota progress.
describe.skipIf(!hasChromium)('flash sales in the admin console', () => {
  let stack: ConsoleStack;

  // The stack builds the console when its sources changed since the last build: minutes on a busy machine.
  beforeAll(async () => {
    stack = await startConsoleStack();
  }, 1_500_000);
  afterAll(() => stack?.stop());

  it('creates a session, sets an item with its quota, and sees both on the calendar', async () => {
    // A variant in no other session (the demo seed runs one), priced well above the flash price.
    const [variant] = await stack.database.db.execute<{ sku: string }>(sql`
      select v.sku from products.variant v join products.product p on p.id = v.product_id
      where p.status = 'ACTIVE' and v.price_minor > 10000 and v.id not in (select variant_id from coupons.flash_sale_item)
      order by v.sku limit 1`);
    const page = await stack.signedIn('marketing');
    const calendar = new FlashSalesPage(page);
    await calendar.goto(stack.baseUrl);

    const form = await calendar.newFlashSale();
    await form.fill({ title: 'E2E flash session', startsAt: shopLocal(new Date(Date.now() - 60_000)), endsAt: shopLocal(new Date(Date.now() + 3 * 3_600_000)) });
    await form.create();
    await form.setItem({ sku: variant!.sku, flashPrice: '50.00', quota: 25, perMemberLimit: 2 });
    expect(await form.itemRow(variant!.sku).getByTestId('flash-item-progress').textContent()).toBe('0 of 25 sold');

    await calendar.goto(stack.baseUrl);
    const session = calendar.session('E2E flash session');
    await session.waitFor();
    expect(await session.getByTestId('calendar-item').filter({ hasText: variant!.sku }).getByTestId('calendar-item-progress').textContent()).toBe('0 of 25 sold');
    await page.context().close();
  }, 180_000);
});
