import type { Locator, Page } from 'playwright-core';

/** The console's partner API keys (web-admin `/api-keys`). */
export class ApiKeysPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/api-keys', baseUrl).toString());
    await this.page.getByRole('table').waitFor();
  }

  rows(): Locator {
    return this.page.locator('[data-testid=api-key-row]');
  }

  /** The box that shows a new key's secret, only right after creation. */
  secretBox(): Locator {
    return this.page.getByTestId('api-key-secret');
  }

  /** The step-up password field, shown when the gateway answers STEP_UP_REQUIRED. */
  stepUpPassword(): Locator {
    return this.page.getByTestId('step-up-password');
  }

  /** Opens the create dialog, names the key, ticks the scopes and submits. */
  async startCreate(name: string, scopes: string[]): Promise<void> {
    await this.page.getByTestId('api-key-create').click();
    await this.page.getByTestId('api-key-name').fill(name);
    for (const scope of scopes) {
      await this.page.locator(`.ant-modal [data-scope="${scope}"]`).first().click();
    }
    await this.page.locator('.ant-modal-footer button[type=submit][form=api-key-form]').click();
  }

  /** Answers the step-up prompt with the password. */
  async confirmStepUp(password: string): Promise<void> {
    await this.stepUpPassword().fill(password);
    await this.page.getByTestId('step-up-confirm').click();
  }

  /** Reads the secret shown once; waits for it. */
  async secret(): Promise<string> {
    await this.secretBox().waitFor();
    return ((await this.secretBox().locator('code').first().textContent()) ?? '').trim();
  }

  /** Closes the secret dialog ("I have copied the key"). */
  async closeSecret(): Promise<void> {
    await this.page.locator('.ant-modal-footer .ant-btn-primary:visible').last().click();
    await this.secretBox().waitFor({ state: 'detached' });
  }
}
