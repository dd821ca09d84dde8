import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { customerLogin, DEMO_CUSTOMER } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { OrderDetailPage } from './pages/order-detail-page.js';
import { OrdersPage } from './pages/orders-page.js';

const shot = (p: any, name: string) => p.screenshot({ path: `/tmp/h5shots/${name}.png`, fullPage: true });

describe('explore', () => {
  let stack: ConsoleStack;
  beforeAll(async () => { stack = await startConsoleStack(); });
  afterAll(() => stack?.stop());

  it('walks through', async () => {
    const baseUrl = stack.baseUrl;
    const [variant] = await sellableVariants(stack.database.db, 1, 3);
    await setAvailable(stack.database.db, variant!.id, 20);
    const token = await customerLogin(stack.gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
    const h = { authorization: `Bearer ${token}` };
    const q = async (query: string, input: any) => (await stack.gateway.query(query, { input }, h)).body;
    const cart = await q(`mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } } }`, { channel: 'ONLINE_STORE', lines: [{ variantId: variant!.id, quantity: 2 }] });
    const cartId = cart.data.cartCreate.cart.id;
    await q(`mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { cart { id } } }`, { cartId, address: { name: 'Somchai Test', phone: '089 123 4567', line1: '1 Rama IV', city: 'Bangkok', postalCode: '10500', country: 'TH' } });
    const placed = await q(`mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { confirmation { number } userErrors { message } } }`, { cartId, idempotencyKey: randomUUID(), paymentProvider: 'MANUAL' });
    const number = placed.data.checkoutComplete.confirmation.number;
    console.log('placed', number);

    const page = await stack.signedIn('customer_service');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const orders = new OrdersPage(page);
    await orders.goto(baseUrl);
    await orders.search(number);
    await orders.open(number);
    const detail = new OrderDetailPage(page);
    const d = await detail.openAction('cancel');
    // Meanwhile someone else marks it paid and starts fulfilment, then ships it.
    const { ownerHeaders } = await import('../kit/callers.js');
    const oh = await ownerHeaders(stack.gateway);
    const id = new URL(page.url()).pathname.split('/').at(-1);
    const r1 = await stack.gateway.query(`mutation ($input: OrderMarkPaidInput!) { orderMarkPaid(input: $input) { userErrors { message } } }`, { input: { orderId: id, method: 'CASH' } }, oh);
    const r2 = await stack.gateway.query(`mutation ($input: OrderFulfilInput!) { orderFulfil(input: $input) { userErrors { message } } }`, { input: { id } }, oh);
    const r3 = await stack.gateway.query(`mutation ($input: OrderShipInput!) { orderShip(input: $input) { userErrors { message } } }`, { input: { id, carrier: 'Flash', trackingNumber: 'TH123' } }, oh);
    console.log(JSON.stringify([r1.body, r2.body, r3.body]));
    await page.getByTestId('order-action-submit').click();
    await detail.dialogErrors().waitFor();
    console.log('inline error:', await detail.dialogErrors().textContent());
    await shot(page, '20-invalid-transition');
    await page.keyboard.press('Escape');
    await orders.setLocale('ar');
    await shot(page, '21-detail-ar');
    await orders.goto(baseUrl);
    await shot(page, '22-list-ar');
    console.log('errors', JSON.stringify(errors));
  }, 600_000);
});
