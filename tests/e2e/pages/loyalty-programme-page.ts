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

  /**
   * Saves through the confirmation. On a loaded machine the first click can land before the page is interactive,
   * and the confirmation can close while it is still opening; then both steps are tried again.
   */
  async save(): Promise<void> {
    const confirm = this.page.getByTestId('loyalty-settings-confirm').and(this.page.locator(':visible'));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (!(await confirm.isVisible())) await this.form().getByTestId('loyalty-settings-save').click();
      const confirmed = await confirm
        .click({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (confirmed) return;
    }
    throw new Error('the points programme could not be saved through its confirmation');
  }

  /** The error shown under a field, or null. */
  async fieldError(name: string): Promise<string | null> {
    // `has` is matched inside each item: a selector from the page, not from the form.
    const item = this.form().locator('.ant-form-item', { has: this.page.locator(`#${name}`) });
    const error = item.locator('.ant-form-item-explain-error');
    return (await error.count()) ? error.first().textContent() : null;
  }
}
