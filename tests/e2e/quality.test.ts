import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateQualityAlerts, returnSold, shipProduct } from '../../subgraphs/orders/test/quality-fixtures.js';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { setConsoleLocale } from './pages/console-locale.js';
import { QualityPage } from './pages/quality-page.js';

const ALERTS = `{ qualityAlerts(first: 10) { edges { node { lotCode status note } } } }`;
const SETTINGS = `{ qualitySettings { rateThresholdPercent } }`;

// Quality alerts in Chromium: the catalog team sees the product and lot alerts with the orders and reasons behind
// them, acknowledges one with a note, reads the page in Arabic (right to left), and a bad rule is refused on its field.
describe.skipIf(!hasChromium)('quality alerts in the admin console', () => {
  let stack: ConsoleStack;
  let owner: Record<string, string>;

  beforeAll(async () => {
    stack = await startConsoleStack();
    owner = { authorization: `Bearer ${await staffLogin(stack.gateway, 'owner@shop.test', 'demo-owner-password')}` };
    const [{ id: productId }] = await stack.database.db.execute<{ id: string }>(sql`select id from products.product order by created_at, id limit 1`);
    const sold = [];
    for (let i = 0; i < 4; i++) sold.push(await shipProduct(stack.database.db, { productId, units: 10, lotCode: i % 2 ? 'LOT-OK' : 'LOT-E2E' }));
    await returnSold(stack.database.db, sold[0]!, { quantity: 2 });
    await returnSold(stack.database.db, sold[2]!, { quantity: 1, reason: 'NOT_AS_DESCRIBED' });
    await evaluateQualityAlerts(stack.database.db);
  }, 1_500_000);
  afterAll(() => stack?.stop());

  const alerts = async () => (await stack.gateway.query(ALERTS, {}, owner)).body.data.qualityAlerts.edges.map((e: { node: unknown }) => e.node);

  it('lists the product and lot alerts with their reasons, and acknowledges one with a note', async () => {
    const page = await stack.signedIn('catalog_manager');
    const quality = new QualityPage(page);
    await quality.goto(stack.baseUrl);
    await expect.poll(() => quality.rows().count()).toBe(2);
    const lot = quality.row('LOT-E2E');
    expect(await lot.getByTestId('quality-alert-status').textContent()).toBe('Open');
    const reasons = await quality.expand(lot);
    expect(await reasons.textContent()).toContain('Quality defect: 2');
    await quality.acknowledge(lot, 'Supplier replaces lot LOT-E2E');
    await expect.poll(() => quality.rows().count()).toBe(1);
    expect(await alerts()).toContainEqual({ lotCode: 'LOT-E2E', status: 'ACKNOWLEDGED', note: 'Supplier replaces lot LOT-E2E' });
    await page.context().close();
  }, 180_000);

  it('reads right to left in Arabic and refuses a rate above 100 on its field', async () => {
    const page = await stack.signedIn('catalog_manager');
    const quality = new QualityPage(page);
    await quality.goto(stack.baseUrl, '?status=ALL');
    await setConsoleLocale(page, 'ar');
    await page.getByTestId('quality-settings-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => quality.row('LOT-E2E').getByTestId('quality-alert-status').textContent()).toBe('تم الاطلاع');
    const before = (await stack.gateway.query(SETTINGS, {}, owner)).body.data;
    await quality.setRate('150');
    await expect.poll(() => quality.rateError()).toBeTruthy();
    expect((await stack.gateway.query(SETTINGS, {}, owner)).body.data).toEqual(before);
    await page.context().close();
  }, 180_000);
});
