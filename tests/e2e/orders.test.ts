import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { hasChromium } from '../kit/browser.js';
import { customerLogin, DEMO_CUSTOMER } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { OrderDetailPage } from './pages/order-detail-page.js';
import { OrdersPage } from './pages/orders-page.js';

const CART_CREATE = `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code message } } }`;
const CART_LINES_ADD = `mutation ($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { cart { id } userErrors { code message } } }`;
const CART_SET_ADDRESS = `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { cart { addressComplete } userErrors { code message } } }`;
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) { confirmation { number status } userErrors { code message } }
}`;

// Orders in Chromium: an order placed through the storefront API is found in the console
// by its phone number, marked paid behind a confirmation dialog, and the timeline shows it.
describe.skipIf(!hasChromium)('orders in the admin console', () => {
  let stack: ConsoleStack;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await startConsoleStack();
    baseUrl = stack.baseUrl;
  });

  afterAll(() => stack?.stop());

  /** A Thai mobile number no seeded order has, spaced as a customer types it. */
  const newPhone = () => `08${randomInt(1, 10)} ${randomInt(100, 1000)} ${randomInt(1000, 10000)}`;

  /** Places an order as the demo customer through the gateway, as a mobile app would; its number. */
  async function placeOrder(phone: string, variantOffset: number): Promise<string> {
    const [variant] = await sellableVariants(stack.database.db, 1, variantOffset);
    await setAvailable(stack.database.db, variant!.id, 20);
    const token = await customerLogin(stack.gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
    const headers = { authorization: `Bearer ${token}` };
    const call = async (query: string, input: Record<string, unknown>) => {
      const { body } = await stack.gateway.query(query, { input }, headers);
      // Each step reads only its own part of this: the cart, or the confirmation.
      type Payload = { cart: { id: string; addressComplete: boolean }; confirmation: { status: string; number: string }; userErrors: unknown[] };
      const payload = Object.values(body.data ?? {})[0] as Payload | undefined;
      if (!payload || body.errors || payload.userErrors.length) throw new Error(JSON.stringify(body));
      return payload;
    };
    const cartId: string = (await call(CART_CREATE, { channel: 'MOBILE_APP' })).cart.id;
    await call(CART_LINES_ADD, { cartId, lines: [{ variantId: variant!.id, quantity: 1 }] });
    const address = { name: 'E2E Buyer', phone, line1: `${randomInt(1, 999)} Sukhumvit Rd`, city: 'Bangkok', postalCode: '10110', country: 'TH' };
    expect((await call(CART_SET_ADDRESS, { cartId, address })).cart.addressComplete).toBe(true);
    const placed = await call(CHECKOUT, { cartId, idempotencyKey: randomUUID(), paymentProvider: 'MANUAL' });
    expect(placed.confirmation.status).toBe('PENDING_PAYMENT');
    return placed.confirmation.number;
  }

  /** Finds the order by phone (typed with dashes), opens it, marks it paid; checks status and timeline. */
  async function findAndMarkPaid(orders: OrdersPage, number: string, phone: string): Promise<OrderDetailPage> {
    await orders.search(phone.replaceAll(' ', '-'));
    await expect.poll(() => orders.rows().count()).toBe(1);
    expect(await orders.row(number).getAttribute('data-status')).toBe('PENDING_PAYMENT');
    await orders.open(number);

    const detail = new OrderDetailPage(orders.page);
    expect(await detail.status()).toBe('PENDING_PAYMENT');
    expect(await detail.paymentState()).toBe('UNPAID');
    await detail.markPaid(`E2E slip ${number}`);
    await expect.poll(() => detail.status()).toBe('PAID');
    expect(await detail.paymentState()).toBe('PAID');
    // The timeline shows the payment and the transition it caused.
    await expect.poll(() => detail.timeline('PAYMENT').count()).toBe(1);
    const transition = detail.timeline('TRANSITION').last();
    expect(await transition.getAttribute('data-from')).toBe('PENDING_PAYMENT');
    expect(await transition.getAttribute('data-to')).toBe('PAID');
    return detail;
  }

  it('finds a storefront order by phone number, marks it paid, and the timeline shows it (order operator)', async () => {
    const phone = newPhone();
    const number = await placeOrder(phone, 0);
    const page = await stack.signedIn('order_operator');
    const orders = new OrdersPage(page);
    await orders.goto(baseUrl);
    expect(await orders.tabCount('ALL')).toBeGreaterThan(0);
    const detail = await findAndMarkPaid(orders, number, phone);
    expect(await detail.timeline('PAYMENT').textContent()).toContain(`E2E slip ${number}`);

    // Paid and not on hold: the order is now in the "to ship today" view, whose filters a search keeps.
    await orders.goto(baseUrl);
    await orders.applyView('toShipToday', 'PAID,FULFILLING');
    await orders.search(phone.replaceAll(' ', ''));
    expect(new URL(page.url()).searchParams.get('flagged')).toBe('0');
    await expect.poll(() => orders.rows().count()).toBe(1);
    expect(await orders.row(number).getAttribute('data-status')).toBe('PAID');
    await page.context().close();
  });

  it('does the same in Arabic, laid out right to left', async () => {
    const phone = newPhone();
    const number = await placeOrder(phone, 1);
    const page = await stack.signedIn('order_operator');
    const orders = new OrdersPage(page);
    await orders.goto(baseUrl);
    await orders.setLocale('ar');
    await expect.poll(() => orders.dir()).toBe('rtl');
    await orders.page.getByTestId('order-filters').waitFor();
    expect(await page.getByTestId('order-tab-ALL').textContent()).toContain('الكل');
    const detail = await findAndMarkPaid(orders, number, phone);
    expect(await detail.page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await detail.timeline('TRANSITION').last().textContent()).toContain('مدفوع');
    await page.context().close();
  });
});
