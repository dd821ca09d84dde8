import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { StockAlertsPage, StockPage } from './pages/stock-page.js';
import { StockPurchaseOrdersPage, StockSuppliersPage } from './pages/stock-purchasing-page.js';

// Stock in Chromium: adjust stock, see a low-stock alert appear and clear, receive a purchase order.
describe.skipIf(!hasChromium)('stock in the admin console', () => {
  let stack: ConsoleStack;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await startConsoleStack();
    baseUrl = stack.baseUrl;
  });

  afterAll(() => stack?.stop());

  const close = (page: Page) => page.context().close();

  it('adjusts stock on a row and shows the new on-hand figure (inventory clerk)', async () => {
    const page = await stack.signedIn('inventory_clerk');
    const stock = new StockPage(page);
    await stock.goto(baseUrl);
    const before = await stock.levelAt(0);
    await stock.goto(baseUrl, { q: before.sku, warehouseId: before.warehouseId });
    await stock.adjust(stock.row(before.sku, before.warehouseId), 3, 'FOUND', 'e2e: found on the shelf');
    await expect
      .poll(async () => (await stock.read(stock.row(before.sku, before.warehouseId))).onHand)
      .toBe(before.onHand + 3);
    // The ledger shows the adjustment, signed.
    await stock.row(before.sku, before.warehouseId).getByTestId('stock-history').click();
    await page.waitForURL(/\/stock\/movements\?/);
    const movement = page.locator('[data-testid=stock-movement-row][data-kind=ADJUSTMENT]').first();
    await movement.waitFor();
    expect(await movement.textContent()).toContain('+3');
    await close(page);
  });

  it('raises a low-stock alert when the reorder point passes available, and clears it on restock', async () => {
    const page = await stack.signedIn('inventory_clerk');
    const stock = new StockPage(page);
    const alerts = new StockAlertsPage(page);
    await stock.goto(baseUrl);
    const level = await stock.levelAt(1);
    const { sku, warehouseId } = level;

    await stock.goto(baseUrl, { q: sku, warehouseId });
    await stock.setLevels(stock.row(sku, warehouseId), { reorderPoint: level.available + 5 });
    await expect.poll(async () => (await stock.read(stock.row(sku, warehouseId))).lowStock).toBe(true);
    expect(await stock.row(sku, warehouseId).getByTestId('low-stock-tag').isVisible()).toBe(true);
    await expect
      .poll(async () => {
        await alerts.goto(baseUrl, warehouseId);
        return alerts.openAlert(sku, warehouseId).count();
      })
      .toBe(1);

    await stock.goto(baseUrl, { q: sku, warehouseId });
    await stock.adjust(stock.row(sku, warehouseId), 10, 'FOUND');
    await expect
      .poll(async () => (await stock.read(stock.row(sku, warehouseId))).available)
      .toBe(level.available + 10);
    expect((await stock.read(stock.row(sku, warehouseId))).lowStock).toBe(false);
    expect(await stock.row(sku, warehouseId).getByTestId('low-stock-tag').count()).toBe(0);
    await expect
      .poll(async () => {
        await alerts.goto(baseUrl, warehouseId);
        return alerts.openAlert(sku, warehouseId).count();
      })
      .toBe(0);
    await close(page);
  });

  it('creates a supplier and a purchase order, orders and receives it, and the stock rises (owner)', async () => {
    const page = await stack.signedIn('owner');
    const stock = new StockPage(page);
    await stock.goto(baseUrl);
    const level = await stock.levelAt(2);
    const quantity = 7;

    const supplierName = `E2E Supplier ${Date.now()}`;
    const suppliers = new StockSuppliersPage(page);
    await suppliers.goto(baseUrl);
    await suppliers.create(supplierName, 4);

    const orders = new StockPurchaseOrdersPage(page);
    await orders.goto(baseUrl);
    await orders.create({
      supplierName,
      warehouseCode: level.warehouseCode,
      sku: level.sku,
      quantity,
      unitCost: '12.50',
    });
    expect(await orders.status()).toBe('DRAFT');
    await orders.order();
    await expect.poll(() => orders.status()).toBe('ORDERED');
    await orders.receiveAll();
    await expect.poll(() => orders.status()).toBe('RECEIVED');
    expect((await page.getByTestId('po-line-received').first().textContent())?.trim()).toBe(String(quantity));

    const after = await stock.figures(baseUrl, level.sku, level.warehouseId);
    expect(after.onHand).toBe(level.onHand + quantity);
    await close(page);
  });
});
