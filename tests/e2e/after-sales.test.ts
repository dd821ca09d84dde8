import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sellableVariants, setAvailable, uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { hasChromium } from '../kit/browser.js';
import { customerLogin, DEMO_CUSTOMER, staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { AfterSalesPage } from './pages/after-sales-page.js';

// After-sales in Chromium: a customer's quality return (opened through the storefront API) is
// opened from the console's queue, approved, received into stock and refunded, in English and in Arabic.
describe.skipIf(!hasChromium)('after-sales in the admin console', () => {
  let stack: ConsoleStack;
  let baseUrl: string;

  // The console's production build may take minutes on a loaded machine.
  beforeAll(async () => {
    stack = await startConsoleStack();
    baseUrl = stack.baseUrl;
  }, 900_000);

  afterAll(() => stack?.stop());

  /** A shipped order of the demo customer and the return the customer opened on it; the request's number. */
  async function customerReturn(variantOffset: number): Promise<{ number: string; orderId: string }> {
    const db = stack.database.db;
    const [variant] = await sellableVariants(db, 1, variantOffset);
    await setAvailable(db, variant!.id, 20);
    const [member] = await db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
    const owner = { authorization: `Bearer ${await staffLogin(stack.gateway, 'owner@shop.test', 'demo-owner-password')}` };
    const customer = { authorization: `Bearer ${await customerLogin(stack.gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password)}` };
    const call = async (headers: Record<string, string>, name: string, type: string, input: Record<string, unknown>, select = '') => {
      const { body } = await stack.gateway.query(`mutation ($input: ${type}!) { ${name}(input: $input) { ${select} userErrors { code message } } }`, { input }, headers);
      const payload = body.data?.[name];
      if (!payload || body.errors || payload.userErrors.length) throw new Error(JSON.stringify(body));
      return payload;
    };
    // The abnormal-order rules would hold a new order to a repeated address; releasing one that holds nothing is no mistake.
    const created = await call(owner, 'orderCreate', 'OrderCreateInput', { channel: 'MOBILE_APP', memberId: member!.id, lines: [{ variantId: variant!.id, quantity: 1 }], address: uniqueAddress() }, 'order { id lines { id } }');
    const orderId = created.order.id as string;
    await call(owner, 'orderMarkPaid', 'OrderMarkPaidInput', { orderId, method: 'CASH' });
    await stack.gateway.query(`mutation ($input: OrderReleaseInput!) { orderRelease(input: $input) { userErrors { code } } }`, { input: { orderId } }, owner);
    await call(owner, 'orderFulfil', 'OrderFulfilInput', { id: orderId });
    await call(owner, 'orderShip', 'OrderShipInput', { id: orderId, carrier: 'Kerry', trackingNumber: `KE-E2E-${variantOffset}` });
    const opened = await call(customer, 'myReturnRequestCreate', 'MyReturnRequestCreateInput', {
      orderId, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', note: 'The stitching came apart', lines: [{ orderLineId: created.order.lines[0].id, quantity: 1 }],
    }, 'returnRequest { number }');
    return { number: opened.returnRequest.number as string, orderId };
  }

  /** From the queue: open, approve, receive, refund; the page follows each status and the order's timeline shows the steps. */
  async function handle(afterSales: AfterSalesPage, number: string, orderId: string): Promise<void> {
    await afterSales.goto(baseUrl, { status: 'REQUESTED' });
    await expect.poll(() => afterSales.row(number).count()).toBe(1);
    await afterSales.open(number);
    expect(await afterSales.status()).toBe('REQUESTED');
    await afterSales.approve('Defect visible on the photo');
    await expect.poll(() => afterSales.status()).toBe('APPROVED');
    await afterSales.receiveAll();
    await expect.poll(() => afterSales.status()).toBe('RECEIVED');
    await expect.poll(() => afterSales.page.getByTestId('return-line-received').first().textContent()).toBe('1');
    await afterSales.refundAll();
    await expect.poll(() => afterSales.status()).toBe('REFUNDED');
    const [ledger] = await stack.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from stock.movement where kind = 'RETURN' and reference = ${number}`,
    );
    expect(ledger!.n).toBe(1);
    await afterSales.page.getByTestId('return-order-link').click();
    await afterSales.page.waitForURL(`**/orders/${orderId}`);
    await expect.poll(() => afterSales.page.locator('[data-testid=timeline-entry][data-kind=RETURN_REFUNDED]').count()).toBe(1);
  }

  it('opens a customer return from the queue, approves, receives into stock and refunds it (English)', async () => {
    const { number, orderId } = await customerReturn(2);
    const page = await stack.signedIn('owner');
    const afterSales = new AfterSalesPage(page);
    await handle(afterSales, number, orderId);
    await page.context().close();
  });

  it('does the same in Arabic, laid out right to left', async () => {
    const { number, orderId } = await customerReturn(3);
    const page = await stack.signedIn('owner');
    const afterSales = new AfterSalesPage(page);
    await afterSales.goto(baseUrl);
    await afterSales.setLocale('ar');
    await expect.poll(() => afterSales.dir()).toBe('rtl');
    await handle(afterSales, number, orderId);
    expect(await page.locator('[data-testid=timeline-entry][data-kind=RETURN_REFUNDED]').textContent()).toContain('تم استرداد الإرجاع');
    await page.context().close();
  });
});
