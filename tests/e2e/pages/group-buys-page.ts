import type { Locator, Page } from 'playwright-core';

/** The console's group-buy campaigns (web-admin `/group-buys`). */
export class GroupBuysPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/group-buys', baseUrl).toString());
    await this.page.getByTestId('group-buy-campaigns').waitFor();
  }

  /** The campaign row holding this text (its title or product). */
  row(text: string): Locator {
    return this.page.locator('[data-testid=group-buy-campaigns] tbody tr', { hasText: text });
  }

  /** Follows "New campaign" to the editor. */
  async newCampaign(): Promise<CampaignEditorPage> {
    await Promise.all([this.page.waitForURL(/\/group-buys\/new$/), this.page.getByTestId('group-buy-new').click()]);
    await this.page.getByTestId('group-buy-editor').waitFor();
    return new CampaignEditorPage(this.page);
  }
}

/** The campaign editor (`/group-buys/new` and `/group-buys/[id]`); the window keeps the form's defaults. */
export class CampaignEditorPage {
  constructor(readonly page: Page) {}

  /** Picks the product by searching its title, as a person types it. */
  async pickProduct(title: string): Promise<void> {
    await this.page.getByTestId('group-buy-product').click();
    await this.page.keyboard.type(title.slice(0, 12));
    await this.page.locator('.ant-select-item-option', { hasText: title }).first().click();
  }

  async fill(fields: { title: string; groupPrice: string; groupSize: number }): Promise<void> {
    await this.page.getByTestId('group-buy-title-en').fill(fields.title);
    await this.page.getByTestId('group-buy-price').fill(fields.groupPrice);
    await this.page.getByTestId('group-buy-size').fill(String(fields.groupSize));
  }

  /** Saves a new campaign and waits for its own page. */
  async create(): Promise<void> {
    await Promise.all([this.page.waitForURL(/\/group-buys\/[0-9a-f-]{36}$/), this.page.getByTestId('group-buy-save').click()]);
  }
}
