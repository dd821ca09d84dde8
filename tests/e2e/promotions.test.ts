import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { PromotionsPage } from './pages/promotions-page.js';

const VARIANTS = `{ products(first: 50, filter: {status: [ACTIVE], maxPrice: "199.99"}) { edges { node { title variants { id sku inStock price { amount currencyCode } } } } } }`;

/** A THB variant under ฿200 from the demo catalog: a few units reach ฿300, a few more ฿500. */
interface Pick {
  sku: string;
  productTitle: string;
  priceMinor: number;
}

const minor = (amount: string) => Math.round(Number(amount) * 100);

// Promotions in Chromium: a tiered discount (spend 300 get 30 off, spend 500 get 60 off) is created
// in the editor and tried in its "try a cart" panel, whose explanation follows the cart as it
// changes — in English and in Thai (the engine's reasons in the console's language).
describe.skipIf(!hasChromium)('promotion editor in the admin console', () => {
  let stack: ConsoleStack;
  let pick: Pick;

  beforeAll(async () => {
    stack = await startConsoleStack();
    const owner = { authorization: `Bearer ${await staffLogin(stack.gateway, 'owner@shop.test', 'demo-owner-password')}` };
    const { body } = await stack.gateway.query(VARIANTS, {}, owner);
    const candidates: Pick[] = body.data.products.edges.flatMap(({ node }: any) =>
      node.variants
        .filter((v: any) => v.inStock && v.price.currencyCode === 'THB' && minor(v.price.amount) >= 4_000 && minor(v.price.amount) < 20_000)
        .map((v: any) => ({ sku: v.sku, productTitle: node.title, priceMinor: minor(v.price.amount) })),
    );
    expect(candidates.length).toBeGreaterThan(0);
    pick = candidates[0]!;
  }, 1_500_000);
  afterAll(() => stack?.stop());

  async function createAndTry(locale: 'en' | 'th') {
    const page = await stack.signedIn('marketing');
    const list = new PromotionsPage(page);
    await list.goto(stack.baseUrl);
    if (locale === 'th') {
      await list.setLocale('th');
      await page.getByRole('table').waitFor();
    }
    const editor = await list.newPromotion();
    await editor.setTitle('en', `E2E spend tiers ${locale}`);
    await editor.setTitle('th', `ช้อปครบลดเพิ่ม ${locale}`);
    await editor.setTitle('ar', 'رمضان كريم 15%');
    expect(await editor.titleInput('ar').getAttribute('dir')).toBe('rtl');
    await editor.setKind('TIERED_SPEND');
    await editor.setTiers([
      { threshold: '300', off: '30' },
      { threshold: '500', off: '60' },
    ]);
    const id = await editor.publish();
    const ruleId = `promotion:${id}`;
    expect(['ACTIVE', 'SCHEDULED']).toContain(await editor.status());

    // Below the first tier: not applied, and the engine says how much more to spend, in the console's language.
    const under = Math.floor(29_999 / pick.priceMinor);
    await editor.addToCart(pick.sku, pick.sku);
    await editor.setQuantity(pick.sku, under);
    await expect.poll(() => editor.subtotal()).toBe((under * pick.priceMinor / 100).toFixed(2));
    await expect.poll(async () => (await editor.rejection(ruleId))?.code).toBe('MIN_SPEND_NOT_MET');
    const reason = (await editor.rejection(ruleId))!.message!;
    // Worded by the engine in the console's language: "Spend ฿… more to get ฿30.00 off." / "ซื้อเพิ่มอีก ฿… รับส่วนลด ฿30.00".
    expect(reason).toMatch(locale === 'th' ? /ซื้อเพิ่มอีก .+ รับส่วนลด ฿30\.00/ : /^Spend .+ more to get ฿30\.00 off\.$/);

    // Into the first tier: 30 off; into the second: 60 off.
    const first = Math.ceil(30_000 / pick.priceMinor);
    await editor.setQuantity(pick.sku, first);
    await expect.poll(() => editor.appliedAmount(ruleId)).toBe('30.00');
    const second = Math.ceil(50_000 / pick.priceMinor);
    await editor.setQuantity(pick.sku, second);
    await expect.poll(() => editor.appliedAmount(ruleId)).toBe('60.00');
    expect(await editor.explanation().textContent()).toContain(locale === 'th' ? 'ส่วนลด' : 'Discount');

    // Archived after the confirmation: it leaves the list of running promotions and is found among the archived.
    const after = await editor.archive();
    expect(await after.row(id).count()).toBe(0);
    await after.goto(stack.baseUrl, 'ARCHIVED');
    expect(await after.row(id).getAttribute('data-status')).toBe('ARCHIVED');
    await page.context().close();
  }

  it('creates a tiered discount and sees the try-a-cart explanation follow the cart, in English', () => createAndTry('en'), 180_000);

  it('does the same in Thai, with the engine’s reasons in Thai', () => createAndTry('th'), 180_000);

  it('draws the Arabic title "رمضان كريم 15%" with the percent where an Arabic reader expects it, on an English page and an Arabic one', async () => {
    const page = await stack.signedIn('marketing');
    const list = new PromotionsPage(page);
    await list.goto(stack.baseUrl);
    const editor = await list.newPromotion();
    // A Gulf shop may write even its fallback title in Arabic: the English console shows it as typed.
    await editor.setTitle('en', 'رمضان كريم 15%');
    await editor.setTitle('ar', 'رمضان كريم 15%');
    await editor.setKind('PERCENT_OFF');
    await editor.setPercentOff('15');
    const id = await editor.saveDraft();
    // Read right to left: the words, then the number, then the sign — so on screen '%' is leftmost.
    const readsRightToLeft = async () => {
      const at = await list.titleLayout(id, '15', 'رمضان');
      expect(at.percent).toBeLessThan(at.number);
      expect(at.number).toBeLessThan(at.word);
    };
    await list.goto(stack.baseUrl);
    expect(await list.dir()).toBe('ltr');
    await readsRightToLeft();
    await list.setLocale('ar');
    await page.getByRole('table').waitFor();
    expect(await list.dir()).toBe('rtl');
    await readsRightToLeft();
    await page.context().close();
  }, 120_000);
});
