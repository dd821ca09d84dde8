import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { setConsoleLocale } from './pages/console-locale.js';
import { SettingsPage } from './pages/settings-page.js';

// Shop settings in Chromium: the owner moves the shop to Riyadh on /settings (behind a step-up)
// and an order's placed-at time moves from Bangkok's clock to Riyadh's; a Thai page writes the
// Buddhist year, an Arabic page the Gregorian one until Hijri is turned on.
describe.skipIf(!hasChromium)('shop settings in the admin console', () => {
  let stack: ConsoleStack;
  let order: { id: string; createdAt: Date };

  beforeAll(async () => {
    stack = await startConsoleStack();
    const [row] = await stack.database.db.execute<{ id: string; created_at: string }>(
      sql`select id, created_at from orders."order" order by created_at desc limit 1`,
    );
    order = { id: row!.id, createdAt: new Date(row!.created_at) };
  });
  afterAll(() => stack?.stop());

  const placedAt = (locale: string, timeZone: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(order.createdAt);

  it("a zone change on /settings moves an order's date to the new shop clock; Thai pages show the Buddhist year", async () => {
    const page = await stack.signedIn('owner');
    const orderUrl = new URL(`/orders/${order.id}`, stack.baseUrl).toString();
    // The order page streams in after its loading state: read it once its placed-at time is there.
    const pageText = async () => {
      await page.goto(orderUrl);
      await page.locator('main .ant-descriptions').first().waitFor();
      return (await page.locator('main').textContent()) ?? '';
    };
    expect(await pageText()).toContain(placedAt('en', 'Asia/Bangkok'));

    const settings = new SettingsPage(page);
    await settings.goto(stack.baseUrl);
    await settings.saveTimeZone('Asia/Riyadh', 'demo-owner-password');
    await expect.poll(pageText).toContain(placedAt('en', 'Asia/Riyadh'));
    expect(await pageText()).not.toContain(placedAt('en', 'Asia/Bangkok'));

    await setConsoleLocale(page, 'th');
    const thai = await pageText();
    const buddhistYear = String(Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Riyadh' }).format(order.createdAt)) + 543);
    expect(thai).toContain(placedAt('th-TH-u-ca-buddhist', 'Asia/Riyadh'));
    expect(thai).toContain(buddhistYear);
  });
});
