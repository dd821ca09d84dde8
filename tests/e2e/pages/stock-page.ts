import type { Locator, Page } from 'playwright-core';

/** What a stock level row shows, read from its data attributes and cells. */
export interface StockLevelFigures {
  sku: string;
  variantId: string;
  warehouseId: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  available: number;
  safetyStock: number;
  reorderPoint: number;
  lowStock: boolean;
}

export interface StockFilter {
  q?: string;
  warehouseId?: string;
  low?: boolean;
}

/** Picks an option in an open antd Select dropdown by one of its data attributes. */
export async function pickOption(page: Page, select: Locator, attribute: string, value: string): Promise<void> {
  await select.click();
  const option = page.locator(`.ant-select-item-option[${attribute}="${value}"]:visible`).first();
  await option.waitFor();
  await option.click();
}

/** The console's stock overview (web-admin `/stock`) and its Adjust / Levels dialogs. */
export class StockPage {
  constructor(readonly page: Page) {}

  /** Opens the overview, optionally filtered (`?q=&warehouseId=&low=1`). */
  async goto(baseUrl: string, filter: StockFilter = {}): Promise<void> {
    const url = new URL('/stock', baseUrl);
    if (filter.q) url.searchParams.set('q', filter.q);
    if (filter.warehouseId) url.searchParams.set('warehouseId', filter.warehouseId);
    if (filter.low) url.searchParams.set('low', '1');
    await this.page.goto(url.toString());
    await this.page.getByRole('table').first().waitFor();
  }

  rows(): Locator {
    return this.page.locator('[data-testid=stock-level-row]');
  }

  /** The row of one variant in one warehouse. */
  row(sku: string, warehouseId: string): Locator {
    return this.page.locator(`[data-testid=stock-level-row][data-sku="${sku}"][data-warehouse-id="${warehouseId}"]`);
  }

  async read(row: Locator): Promise<StockLevelFigures> {
    const number = async (testId: string) => Number((await row.getByTestId(testId).textContent())?.trim());
    return {
      sku: (await row.getAttribute('data-sku')) ?? '',
      variantId: (await row.getAttribute('data-variant-id')) ?? '',
      warehouseId: (await row.getAttribute('data-warehouse-id')) ?? '',
      warehouseCode: ((await row.getByTestId('warehouse-code').textContent()) ?? '').trim(),
      onHand: await number('on-hand'),
      reserved: await number('reserved'),
      available: await number('available'),
      safetyStock: await number('safety-stock'),
      reorderPoint: await number('reorder-point'),
      lowStock: (await row.getAttribute('data-low-stock')) === 'true',
    };
  }

  /** Reads the row of `sku` in `warehouseId` after reloading the filtered overview. */
  async figures(baseUrl: string, sku: string, warehouseId: string): Promise<StockLevelFigures> {
    await this.goto(baseUrl, { q: sku, warehouseId });
    const row = this.row(sku, warehouseId);
    await row.waitFor();
    return this.read(row);
  }

  /** The n-th row that has a variant (Adjust is enabled on it). */
  async levelAt(index: number): Promise<StockLevelFigures> {
    const row = this.rows().filter({ has: this.page.locator('[data-testid=stock-adjust]:not([disabled])') }).nth(index);
    await row.waitFor();
    return this.read(row);
  }

  /** Adjust dialog: a signed quantity, a StockAdjustReason, an optional note; submits. */
  async adjust(row: Locator, quantity: number, reason: string, note?: string): Promise<void> {
    await row.getByTestId('stock-adjust').click();
    const dialog = this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#stock-adjust-form') });
    await dialog.waitFor();
    await dialog.getByTestId(quantity < 0 ? 'stock-adjust-remove' : 'stock-adjust-add').click();
    await dialog.getByTestId('stock-adjust-quantity').fill(String(Math.abs(quantity)));
    await pickOption(this.page, dialog.getByTestId('stock-adjust-reason'), 'data-reason', reason);
    if (note) await dialog.getByTestId('stock-adjust-note').fill(note);
    await this.page.getByTestId('stock-adjust-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Levels dialog: safety stock and reorder point; submits. */
  async setLevels(row: Locator, levels: { safetyStock?: number; reorderPoint?: number }): Promise<void> {
    await row.getByTestId('stock-levels').click();
    const dialog = this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#stock-levels-form') });
    await dialog.waitFor();
    if (levels.safetyStock !== undefined) await dialog.getByTestId('stock-levels-safety').fill(String(levels.safetyStock));
    if (levels.reorderPoint !== undefined) await dialog.getByTestId('stock-levels-reorder').fill(String(levels.reorderPoint));
    await this.page.getByTestId('stock-levels-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Answers the step-up prompt (large decreases) with the password. */
  async confirmStepUp(password: string): Promise<void> {
    await this.page.getByTestId('step-up-password').fill(password);
    await this.page.getByTestId('step-up-confirm').click();
  }
}

/** Open low-stock alerts (web-admin `/stock/alerts`). */
export class StockAlertsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, warehouseId?: string): Promise<void> {
    const url = new URL('/stock/alerts', baseUrl);
    if (warehouseId) url.searchParams.set('warehouseId', warehouseId);
    await this.page.goto(url.toString());
    await this.page.getByRole('table').first().waitFor();
  }

  rows(): Locator {
    return this.page.locator('[data-testid=stock-alert-row]');
  }

  /** The OPEN alert of one variant in one warehouse (none when it has cleared). */
  openAlert(sku: string, warehouseId: string): Locator {
    return this.page.locator(
      `[data-testid=stock-alert-row][data-status=OPEN][data-sku="${sku}"][data-warehouse-id="${warehouseId}"]`,
    );
  }
}
