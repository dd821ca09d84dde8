import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { CouponsPage } from './pages/coupons-page.js';

// Coupons in Chromium: a marketer creates a coupon template (a refused code is shown under its input first),
// lands on its page, and finds it in the list, also under the ACTIVE filter.
describe.skipIf(!hasChromium)('coupon templates in the admin console', () => {
  let stack: ConsoleStack;

  // The stack builds the console when its sources changed since the last build: minutes on a busy machine.
  beforeAll(async () => {
    stack = await startConsoleStack();
  }, 1_500_000);
  afterAll(() => stack?.stop());

  it('creates a coupon, sees a bad code refused under its input, then sees the coupon listed', async () => {
    const page = await stack.signedIn('marketing');
    const list = new CouponsPage(page);
    await list.goto(stack.baseUrl);
    const form = await list.newCoupon();
    await form.fill({ title: 'E2E welcome 15%', code: 'x', percent: 15 });
    await form.saveRefused();
    expect(await form.errorUnder('coupon-code').textContent()).toContain('4 to 32');
    await form.fill({ title: 'E2E welcome 15%', code: 'e2e-welcome-15' });
    expect(await form.save()).toMatch(/\/coupons\/[0-9a-f-]{36}$/);
    await list.goto(stack.baseUrl);
    await list.row('E2E welcome 15%').waitFor();
    expect(await list.row('E2E welcome 15%').textContent()).toContain('E2E-WELCOME-15');
    await list.goto(stack.baseUrl, '?status=ACTIVE');
    await list.row('E2E-WELCOME-15').waitFor();
    await page.context().close();
  }, 120_000);
});
