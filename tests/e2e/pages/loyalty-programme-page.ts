import type { Locator, Page } from 'playwright-core';

/** The console's tiers and points page (web-admin `/members/tiers`): the points programme's settings. */
export class LoyaltyProgrammePage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/members/tiers', baseUrl).toString());
    await this.form().waitFor();
  }

  form(): Locator {
    return this.page.getByTestId('loyalty-settings-form');
  }

  field(name: string): Locator {
    return this.form().locator(`#${name}`);
  }

  async set(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  /** Saves through the confirmation. */
  async save(): Promise<void> {
    await this.form().getByRole('button').last().click();
    await this.page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  }

  /** The error shown under a field, or null. */
  async fieldError(name: string): Promise<string | null> {
    const item = this.form().locator('.ant-form-item', { has: this.field(name) });
    const error = item.locator('.ant-form-item-explain-error');
    return (await error.count()) ? error.first().textContent() : null;
  }
}
