import type { Locator, Page } from 'playwright-core';

/** The console's flash-sale calendar (web-admin `/flash-sales`). */
export class FlashSalesPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/flash-sales', baseUrl).toString());
    await this.page.getByTestId('calendar-day').first().waitFor();
  }

  /** The calendar entry of the session with this (English) title. */
  session(title: string): Locator {
    return this.page.locator('[data-testid=calendar-session]', { has: this.page.getByTestId('flash-sale-link').getByText(title, { exact: true }) }).first();
  }

  /** Follows "New flash sale" to the form. */
  async newFlashSale(): Promise<FlashSaleFormPage> {
    await Promise.all([this.page.waitForURL(/\/flash-sales\/new$/), this.page.getByTestId('flash-sale-new').click()]);
    await this.page.getByTestId('flash-sale-form').waitFor();
    return new FlashSaleFormPage(this.page);
  }
}

/** A flash sale's form and items (`/flash-sales/new` and `/flash-sales/[id]`). */
export class FlashSaleFormPage {
  constructor(readonly page: Page) {}

  /** Title in English; the window as the form takes it (`YYYY-MM-DDTHH:mm` in the shop's time zone). */
  async fill(fields: { title: string; startsAt: string; endsAt: string }): Promise<void> {
    await this.page.getByTestId('flash-sale-title-en').fill(fields.title);
    await this.page.getByTestId('flash-sale-starts-at').fill(fields.startsAt);
    await this.page.getByTestId('flash-sale-ends-at').fill(fields.endsAt);
  }

  /** Saves a new session and waits for its own page, where items are set. */
  async create(): Promise<void> {
    await Promise.all([this.page.waitForURL(/\/flash-sales\/[0-9a-f-]{36}$/), this.page.getByTestId('flash-sale-save').click()]);
    await this.page.getByTestId('flash-item-form').waitFor();
  }

  /** Puts a variant in the session and waits for its row. */
  async setItem(item: { sku: string; flashPrice: string; quota: number; perMemberLimit?: number }): Promise<void> {
    await this.page.getByTestId('flash-item-sku').fill(item.sku);
    await this.page.getByTestId('flash-item-price').fill(item.flashPrice);
    await this.page.getByTestId('flash-item-quota').fill(String(item.quota));
    if (item.perMemberLimit !== undefined) await this.page.getByTestId('flash-item-limit').fill(String(item.perMemberLimit));
    await this.page.getByTestId('flash-item-save').click();
    await this.itemRow(item.sku).waitFor();
  }

  itemRow(sku: string): Locator {
    return this.page.locator('[data-testid=flash-item-row]', { hasText: sku });
  }
}
