import type { Locator, Page } from 'playwright-core';

/** The console's tiers and points page (web-admin `/members/tiers`): the points programme's settings. */
export class LoyaltyProgrammePage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/members/tiers', baseUrl).toString());
    await this.form().waitFor();
    // Typing before React hydrates the form is lost when it does.
    await this.page.waitForLoadState('networkidle');
  }

  form(): Locator {
    return this.page.getByTestId('loyalty-settings-form');
  }

  field(name: string): Locator {
    return this.form().locator(`#${name}`);
  }

  /** Types a value, again if the form was re-rendered over it. */
  async set(name: string, value: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await this.field(name).fill(value);
      await this.field(name).blur();
      if ((await this.field(name).inputValue()) === value) return;
    }
    throw new Error(`${name} does not keep ${value}`);
  }

  /** Saves through the confirmation (clicking again while the page is not yet interactive). */
  async save(): Promise<void> {
    const confirm = this.page.locator('.ant-popconfirm:visible .ant-btn-primary');
    for (let attempt = 0; attempt < 5 && !(await confirm.isVisible()); attempt += 1) {
      await this.form().getByTestId('loyalty-settings-save').click();
      await confirm.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await confirm.click();
  }

  /** The error shown under a field, or null. */
  async fieldError(name: string): Promise<string | null> {
    // `has` is matched inside each item: a selector from the page, not from the form.
    const item = this.form().locator('.ant-form-item', { has: this.page.locator(`#${name}`) });
    const error = item.locator('.ant-form-item-explain-error');
    return (await error.count()) ? error.first().textContent() : null;
  }
}
