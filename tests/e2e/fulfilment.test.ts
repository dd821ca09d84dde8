import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { applyMovements } from '@shop/stock/commands';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { FulfilmentPage } from './pages/fulfilment-page.js';

const CREATE = `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { order { id lines { sku } } userErrors { code message } } }`;
const PAID = `mutation ($id: ID!) { orderMarkPaid(input: { orderId: $id, method: CASH }) { userErrors { code message } } }`;

// Shipping in Chromium: an order of three units leaves in two shipments from the order page — one
// booked with the sandbox carrier, one typed for Kerry — and becomes SHIPPED; in English and in Arabic (right to left).
describe.skipIf(!hasChromium)('fulfilment in the admin console', () => {
  let stack: ConsoleStack;
  let variantId: string;

  // The stack builds the console when its sources changed since the last build: minutes on a busy machine.
  beforeAll(async () => {
    stack = await startConsoleStack();
    const [variant] = await stack.database.db.execute<{ id: string }>(sql`
      select v.id from products.variant v join products.product p on p.id = v.product_id where p.status = 'ACTIVE' order by v.id desc limit 1`);
    variantId = variant!.id;
    const [warehouse] = await stack.database.db.execute<{ id: string }>(sql`select id from stock.warehouse where active order by priority, code limit 1`);
    const received = await stack.database.db.transaction((tx) =>
      applyMovements(tx, [{ variantId, warehouseId: warehouse!.id, kind: 'RECEIPT', onHandDelta: 20, reservedDelta: 0, reference: 'e2e fulfilment', actorId: null }]),
    );
    if (!received.ok) throw new Error(JSON.stringify(received.errors));
  }, 1_500_000);
  afterAll(() => stack?.stop());

  /** A paid order of three units, made through the API. */
  async function paidOrder(): Promise<{ id: string; sku: string }> {
    const owner = { authorization: `Bearer ${await staffLogin(stack.gateway, 'owner@shop.test', 'demo-owner-password')}` };
    const address = { name: 'E2E Ship', phone: '+66 81 111 2222', line1: `${randomUUID().slice(0, 8)} Ship Rd`, city: 'Bangkok', region: 'Bangkok', postalCode: '10110', country: 'TH' };
    const { body } = await stack.gateway.query(CREATE, { input: { channel: 'ONLINE_STORE', lines: [{ variantId, quantity: 3 }], address } }, owner);
    const { id, lines } = body.data.orderCreate.order;
    await stack.database.db.execute(sql`update orders.order_flag set cleared_at = now() where order_id = ${id}`);
    expect((await stack.gateway.query(PAID, { id }, owner)).body.data.orderMarkPaid.userErrors).toEqual([]);
    return { id, sku: lines[0].sku };
  }

  async function shipInTwo(locale: 'en' | 'ar') {
    const order = await paidOrder();
    const page = await stack.signedIn('order_operator');
    const fulfilment = new FulfilmentPage(page);
    await fulfilment.gotoQueue(stack.baseUrl);
    if (locale === 'ar') {
      await fulfilment.setLocale('ar');
      await expect.poll(() => fulfilment.dir()).toBe('rtl');
    }
    await fulfilment.gotoOrder(stack.baseUrl, order.id);
    expect(await fulfilment.panelTitle().textContent()).toBe(locale === 'ar' ? 'الشحنات' : 'Shipments');
    await fulfilment.ship({ sku: order.sku, quantity: 1, carrier: 'Sandbox carrier', book: true });
    await expect.poll(() => fulfilment.shipments().count(), { timeout: 15_000 }).toBe(1);
    expect(await fulfilment.orderStatus()).toBe('FULFILLING');
    expect(await fulfilment.shipments().first().getByTestId('shipment-tracking-number').textContent()).toMatch(/^SBX\d{9}TH$/);
    await fulfilment.ship({ sku: order.sku, quantity: 2, carrier: 'Kerry Express', trackingNumber: 'KE-E2E-1' });
    await expect.poll(() => fulfilment.shipments().count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => fulfilment.orderStatus(), { timeout: 15_000 }).toBe('SHIPPED');
    const quantities = await fulfilment.page.getByTestId('shipment-line').evaluateAll((els) => els.map((el) => el.getAttribute('data-quantity')));
    expect(quantities).toEqual(['1', '2']);
    expect(await fulfilment.shipments().nth(1).getByTestId('shipment-tracking-link').getAttribute('href')).toContain('KE-E2E-1');
    if (locale === 'ar') expect(await fulfilment.dir()).toBe('rtl');
    await page.context().close();
  }

  it('ships an order in two shipments from its page: one booked with the sandbox carrier, one typed', () => shipInTwo('en'), 180_000);

  it('does the same in Arabic, laid out right to left', () => shipInTwo('ar'), 180_000);
});
