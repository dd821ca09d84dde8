import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { BannersPage } from './pages/content-page.js';

const STOREFRONT = `query ($locale: String) { storefrontBanners(channel: ONLINE_STORE, locale: $locale) { title locale } }`;
const E2E_TITLES = new Set(['E2E first banner', 'E2E second banner', 'لافتة أولى', 'لافتة ثانية']);
const ofThisTest = <T extends { title: string }>(banners: T[]) => banners.filter((b) => E2E_TITLES.has(b.title));

// Storefront content in Chromium: marketing creates two banners with texts in several languages
// (the Arabic field written right to left), sees them listed, moves one up, and an anonymous
// storefront reads them in that order. The demo seed's own banner comes first and is left out of the comparisons.
describe.skipIf(!hasChromium)('banners in the admin console', () => {
  let stack: ConsoleStack;

  // The stack builds the console when its sources changed since the last build: minutes on a busy machine.
  beforeAll(async () => {
    stack = await startConsoleStack();
  }, 1_500_000);
  afterAll(() => stack?.stop());

  it('creates banners, lists them in display order, reorders them, and storefronts read them without a session', async () => {
    const page = await stack.signedIn('marketing');
    const list = new BannersPage(page);
    await list.goto(stack.baseUrl);

    for (const [title, arabic] of [['E2E first banner', 'لافتة أولى'], ['E2E second banner', 'لافتة ثانية']] as const) {
      const editor = await list.newBanner();
      await editor.setTitle('en', title);
      await editor.setTitle('ar', arabic);
      expect(await editor.titleDir('ar')).toBe('rtl');
      expect(await editor.titleDir('en')).toBe('ltr');
      await editor.setImage('https://cdn.example.test/e2e.jpg');
      await editor.save();
      await list.row(title).waitFor();
    }
    expect(ofThisTest((await list.titles()).map((title) => ({ title }))).map((b) => b.title)).toEqual(['E2E first banner', 'E2E second banner']);
    expect(await list.row('E2E first banner').getByTestId('placement-status').textContent()).toBe('Live');

    await list.moveUp('E2E second banner');
    await expect.poll(async () => ofThisTest((await stack.gateway.query(STOREFRONT, { locale: 'en' })).body.data.storefrontBanners).map((b) => b.title)).toEqual([
      'E2E second banner',
      'E2E first banner',
    ]);
    await page.reload();
    await expect.poll(async () => ofThisTest((await list.titles()).map((title) => ({ title }))).map((b) => b.title)).toEqual(['E2E second banner', 'E2E first banner']);

    const arabic = await stack.gateway.query(STOREFRONT, { locale: 'ar' });
    expect(ofThisTest(arabic.body.data.storefrontBanners)).toEqual([
      { title: 'لافتة ثانية', locale: 'ar' },
      { title: 'لافتة أولى', locale: 'ar' },
    ]);
    await page.context().close();
  }, 180_000);
});
