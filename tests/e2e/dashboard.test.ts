import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { setConsoleLocale } from './pages/console-locale.js';
import { DashboardPage } from './pages/dashboard-page.js';

const TILES = `{ dashboard { id unpaidOrders gmvTrend(days: 30) { day } channelSplit(days: 30) { key } } }`;

// The home dashboard in Chromium: the owner sees every tile with ECharts drawing the trend and the channel split,
// mirrored in Arabic (categories from the right, values on the right); a role without reports:read gets no sales tile;
// on a phone the tiles stack in one column.
describe.skipIf(!hasChromium)('home dashboard in the admin console', () => {
  let stack: ConsoleStack;
  let owner: Record<string, string>;

  beforeAll(async () => {
    stack = await startConsoleStack();
    owner = { authorization: `Bearer ${await staffLogin(stack.gateway, 'owner@shop.test', 'demo-owner-password')}` };
    // Building the console takes minutes on a loaded machine.
  }, 900_000);
  afterAll(() => stack?.stop());

  it('draws the GMV trend and channel split for the owner, left to right in English and mirrored in Arabic', async () => {
    const api = (await stack.gateway.query(TILES, {}, owner)).body.data.dashboard;
    expect(api.gmvTrend.length).toBe(30);
    const page = await stack.signedIn('owner');
    const dashboard = new DashboardPage(page);
    await dashboard.goto(stack.baseUrl);
    await dashboard.tile('todo').waitFor();
    expect(await dashboard.tile('todo').getByTestId('todo-unpaidOrders').getAttribute('href')).toBe('/orders?status=PENDING_PAYMENT');
    expect(await dashboard.tile('todo').getByTestId('todo-unpaidOrders').textContent()).toContain(String(api.unpaidOrders));
    expect(await dashboard.chartLayout('trend')).toEqual({ xInverse: 'false', yPosition: 'left', canvases: 1 });
    if (api.channelSplit.length) await dashboard.tile('channels').locator('[data-chart] canvas').waitFor();
    await dashboard.tile('topProducts').waitFor();
    await dashboard.tile('stockCover').waitFor();

    await setConsoleLocale(page, 'ar');
    await dashboard.tile('trend').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await dashboard.chartLayout('trend')).toEqual({ xInverse: 'true', yPosition: 'right', canvases: 1 });
    expect(await dashboard.tile('trend').locator('.ant-card-head-title').textContent()).toContain('إجمالي المبيعات');
    await page.context().close();
  }, 180_000);

  it('leaves out the sales tiles for a role without reports:read and stacks the tiles on a phone', async () => {
    const page = await stack.signedIn('catalog_manager');
    await page.setViewportSize({ width: 390, height: 844 });
    const dashboard = new DashboardPage(page);
    await dashboard.goto(stack.baseUrl);
    await dashboard.tile('stockCover').waitFor();
    for (const tile of ['today', 'thisWeek', 'trend', 'channels', 'topProducts', 'slowMovers']) {
      expect(await dashboard.tile(tile).count()).toBe(0);
    }
    const todo = (await dashboard.tile('todo').boundingBox())!;
    const cover = (await dashboard.tile('stockCover').boundingBox())!;
    expect(cover.y).toBeGreaterThanOrEqual(todo.y + todo.height);
    expect(Math.abs(cover.width - todo.width)).toBeLessThan(2);
    expect(todo.width).toBeLessThanOrEqual(390);
    await page.context().close();
  }, 180_000);
});
