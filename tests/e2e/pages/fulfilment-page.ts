import type { Locator, Page } from 'playwright-core';
import { setConsoleLocale } from './console-locale.js';

/** The fulfilment queue (web-admin `/fulfilment`) and the shipments panel with its ship dialog on an order (`/orders/[id]`). */
export class FulfilmentPage {
  constructor(readonly page: Page) {}

  async gotoQueue(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/fulfilment', baseUrl).toString());
    await this.page.getByRole('table').waitFor();
  }

  async gotoOrder(baseUrl: string, orderId: string): Promise<void> {
    await this.page.goto(new URL(`/orders/${orderId}`, baseUrl).toString());
    await this.page.getByTestId('shipments-panel').waitFor();
  }

  /** Picks a language in the header switcher (e.g. `ar`) and waits for the reloaded page. */
  setLocale(locale: string): Promise<void> {
    return setConsoleLocale(this.page, locale);
  }

  async dir(): Promise<string | null> {
    return this.page.locator('html').getAttribute('dir');
  }

  queueRows(): Locator {
    return this.page.getByTestId('queue-row');
  }

  /** The order's shipments in the panel, oldest first. */
  shipments(): Locator {
    return this.page.getByTestId('shipment');
  }

  panelTitle(): Locator {
    return this.page.locator('.ant-card', { has: this.page.getByTestId('shipments-panel') }).locator('.ant-card-head-title');
  }

  async orderStatus(): Promise<string | null> {
    return this.page.locator('[data-testid=order-header] [data-testid=order-status]').getAttribute('data-status');
  }

  private dialog(): Locator {
    return this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#ship-form') });
  }

  /** Opens the ship dialog; a click before the page is interactive opens nothing, so it clicks again. */
  async openShip(): Promise<Locator> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await this.page.getByTestId('order-ship-open').click();
      const opened = await this.dialog()
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
    }
    return this.dialog();
  }

  /** Ships `quantity` of the line with this SKU (others at 0) with `carrier` (its name); books a waybill or types `trackingNumber`. */
  async ship(options: { sku: string; quantity: number; carrier: string; book?: boolean; trackingNumber?: string }): Promise<void> {
    const dialog = await this.openShip();
    await dialog.getByTestId('ship-carrier').click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: options.carrier }).click();
    const lines = dialog.getByTestId('ship-line');
    for (let i = 0; i < (await lines.count()); i += 1) {
      const line = lines.nth(i);
      const quantity = (await line.getAttribute('data-sku')) === options.sku ? options.quantity : 0;
      await line.locator('[data-testid=ship-line-quantity] input, input[data-testid=ship-line-quantity]').first().fill(String(quantity));
    }
    if (options.book) await dialog.getByTestId('ship-book').check();
    if (options.trackingNumber) await dialog.getByTestId('ship-tracking').fill(options.trackingNumber);
    await this.page.getByTestId('ship-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
