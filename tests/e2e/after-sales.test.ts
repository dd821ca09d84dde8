import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sellableVariants, setAvailable, uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { hasChromium } from '../kit/browser.js';
import { DEMO_CUSTOMER, staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { AfterSalesPage } from './pages/after-sales-page.js';

/** The smallest valid PNG (1×1): the photo staff add. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

// After-sales in Chromium: staff open a customer's quality return with a photo from the order's page,
// then take it from the queue: approved, received into stock and refunded, in English and in Arabic.
describe.skipIf(!hasChromium)('after-sales in the admin console', () => {
  let stack: ConsoleStack;
  let baseUrl: string;

  // Return photos go to a folder of this file's own.
  const photoDir = mkdtempSync(join(tmpdir(), 'shop-e2e-return-photos-'));
  process.env.RETURN_PHOTO_DIR = photoDir;

  // The console's production build may take minutes on a loaded machine.
  beforeAll(async () => {
    stack = await startConsoleStack();
    baseUrl = stack.baseUrl;
  }, 900_000);

  afterAll(async () => {
    await stack?.stop();
    await rm(photoDir, { recursive: true, force: true });
  });

  /** A shipped order of the demo customer, one unit of one variant; its id. */
  async function shippedOrder(variantOffset: number): Promise<string> {
    const db = stack.database.db;
    const [variant] = await sellableVariants(db, 1, variantOffset);
    await setAvailable(db, variant!.id, 20);
    const [member] = await db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
    const owner = { authorization: `Bearer ${await staffLogin(stack.gateway, 'owner@shop.test', 'demo-owner-password')}` };
    const call = async (name: string, type: string, input: Record<string, unknown>, select = '') => {
      const { body } = await stack.gateway.query(`mutation ($input: ${type}!) { ${name}(input: $input) { ${select} userErrors { code message } } }`, { input }, owner);
      const payload = body.data?.[name];
      if (!payload || body.errors || payload.userErrors.length) throw new Error(JSON.stringify(body));
      return payload;
    };
    // The abnormal-order rules would hold a new order to a repeated address; releasing one that holds nothing is no mistake.
    const created = await call('orderCreate', 'OrderCreateInput', { channel: 'MOBILE_APP', memberId: member!.id, lines: [{ variantId: variant!.id, quantity: 1 }], address: uniqueAddress() }, 'order { id }');
    const orderId = created.order.id as string;
    await call('orderMarkPaid', 'OrderMarkPaidInput', { orderId, method: 'CASH' });
    await stack.gateway.query(`mutation ($input: OrderReleaseInput!) { orderRelease(input: $input) { userErrors { code } } }`, { input: { orderId } }, owner);
    await call('orderFulfil', 'OrderFulfilInput', { id: orderId });
    await call('orderShip', 'OrderShipInput', { id: orderId, carrier: 'Kerry', trackingNumber: `KE-E2E-${variantOffset}` });
    return orderId;
  }

  /**
   * Staff open the customer's quality return on the order's page, with a photo; the request's page shows its
   * thumbnail, and the queue lists it. Answers the request's number.
   */
  async function openFromConsole(afterSales: AfterSalesPage, orderId: string): Promise<string> {
    const id = await afterSales.openFromOrder(baseUrl, orderId, {
      reasonCode: 'QUALITY_DEFECT',
      quantity: 1,
      note: 'The stitching came apart (told by phone)',
      photos: [{ name: 'seam.png', mimeType: 'image/png', buffer: PNG }],
    });
    expect(await afterSales.status()).toBe('REQUESTED');
    await expect.poll(() => afterSales.loadedPhotos()).toBe(1);
    const [row] = await stack.database.db.execute<{ number: string; opened_by: string }>(sql`select number, opened_by from orders.return_request where id = ${id}`);
    expect(row!.opened_by).toBe('STAFF');
    return row!.number;
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

  // Each case visits many pages (3 minutes each: the first visits are slow on a loaded machine).
  it('opens a return with a photo from the order page, then from the queue approves, receives into stock and refunds it (English)', async () => {
    const orderId = await shippedOrder(2);
    const page = await stack.signedIn('owner');
    const afterSales = new AfterSalesPage(page);
    const number = await openFromConsole(afterSales, orderId);
    await handle(afterSales, number, orderId);
    await page.context().close();
  }, 180_000);

  it('does the same in Arabic, laid out right to left', async () => {
    const orderId = await shippedOrder(3);
    const page = await stack.signedIn('owner');
    const afterSales = new AfterSalesPage(page);
    await afterSales.goto(baseUrl);
    await afterSales.setLocale('ar');
    await expect.poll(() => afterSales.dir()).toBe('rtl');
    const number = await openFromConsole(afterSales, orderId);
    await handle(afterSales, number, orderId);
    expect(await page.locator('[data-testid=timeline-entry][data-kind=RETURN_REFUNDED]').textContent()).toContain('تم استرداد الإرجاع');
    await page.context().close();
  }, 180_000);
});
