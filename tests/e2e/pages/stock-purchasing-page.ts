import type { Locator, Page } from 'playwright-core';

import { pickOption } from './stock-page.js';

/** Suppliers (web-admin `/stock/suppliers`). */
export class StockSuppliersPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/stock/suppliers', baseUrl).toString());
    await this.page.getByRole('table').first().waitFor();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid=supplier-row][data-name="${name}"]`);
  }

  /** Opens "New supplier", fills name and lead time, saves; waits for its row. */
  async create(name: string, leadTimeDays = 5): Promise<void> {
    await this.page.getByTestId('supplier-create').click();
    const dialog = this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#supplier-form') });
    await dialog.waitFor();
    await dialog.getByTestId('supplier-name').fill(name);
    await dialog.getByTestId('supplier-lead-time').fill(String(leadTimeDays));
    await this.page.getByTestId('supplier-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await this.row(name).waitFor();
  }
}

export interface NewPurchaseOrder {
  supplierName: string;
  warehouseCode: string;
  sku: string;
  quantity: number;
  unitCost?: string;
}

/** Purchase orders (web-admin `/stock/purchase-orders` and `/stock/purchase-orders/[id]`). */
export class StockPurchaseOrdersPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/stock/purchase-orders', baseUrl).toString());
    await this.page.getByRole('table').first().waitFor();
  }

  /** Creates a one-line draft and waits for its detail page; returns the PO id from the URL. */
  async create(order: NewPurchaseOrder): Promise<string> {
    await this.page.getByTestId('po-create').click();
    const dialog = this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#po-create-form') });
    await dialog.waitFor();
    await pickOption(this.page, dialog.getByTestId('po-supplier'), 'data-name', order.supplierName);
    await pickOption(this.page, dialog.getByTestId('po-warehouse'), 'data-code', order.warehouseCode);
    const picker = dialog.getByTestId('line-variant-0');
    await picker.click();
    await this.page.keyboard.type(order.sku);
    const option = this.page.locator(`.ant-select-item-option[data-sku="${order.sku}"]:visible`).first();
    await option.waitFor();
    await option.click();
    await dialog.getByTestId('line-quantity-0').fill(String(order.quantity));
    if (order.unitCost) await dialog.getByTestId('line-cost-0').fill(order.unitCost);
    await Promise.all([
      this.page.waitForURL(/\/stock\/purchase-orders\/[^/?]+$/),
      this.page.getByTestId('po-create-submit').click(),
    ]);
    await this.page.getByTestId('po-status').waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').at(-1) ?? '');
  }

  /** The status code shown on the detail page (DRAFT, ORDERED, …). */
  async status(): Promise<string | null> {
    return this.page.getByTestId('po-status').first().getAttribute('data-status');
  }

  /**
   * Order → confirm, then waits for the status to leave DRAFT. On a loaded
   * machine the first click can land before the page is interactive; then the
   * page is reloaded and, if still a draft, ordered again.
   */
  async order(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if ((await this.status()) !== 'DRAFT') return;
      await this.page.getByTestId('po-order').click();
      await this.page.getByTestId('po-order-confirm').click();
      const moved = await this.page
        .waitForFunction(() => document.querySelector('[data-testid=po-status]')?.getAttribute('data-status') !== 'DRAFT', null, { timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (moved) return;
      await this.page.reload();
      await this.page.getByTestId('po-status').first().waitFor();
    }
  }

  /** Receive → "Receive all remaining" → submit. */
  async receiveAll(): Promise<void> {
    await this.page.getByTestId('po-receive').click();
    const dialog = this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#po-receive-form') });
    await dialog.waitFor();
    // Under load the dialog may take the first click before its form is wired up:
    // click "Receive all remaining" until the first quantity shows it.
    const firstQuantity = dialog.getByTestId('po-receive-quantity-0');
    await firstQuantity.waitFor();
    for (let attempt = 0; attempt < 20 && !(Number(await firstQuantity.inputValue()) > 0); attempt += 1) {
      await dialog.getByTestId('po-receive-all').click();
      await this.page.waitForTimeout(250);
    }
    await this.page.getByTestId('po-receive-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
