import type { Locator, Page } from 'playwright-core';

/** The console's partner webhooks (web-admin `/webhooks`): subscriptions and the delivery log. */
export class WebhooksPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, status?: string): Promise<void> {
    await this.page.goto(new URL(status ? `/webhooks?status=${status}` : '/webhooks', baseUrl).toString());
    await this.page.getByTestId('webhook-create').waitFor();
  }

  subscriptionRows(): Locator {
    return this.page.locator('[data-testid=webhook-row]');
  }

  deliveryRows(): Locator {
    return this.page.locator('[data-testid=webhook-delivery-row]');
  }

  /** Opens the create dialog, fills the URL, ticks the event types (by label) and submits. */
  async create(url: string, eventLabels: string[]): Promise<void> {
    await this.page.getByTestId('webhook-create').click();
    await this.page.getByTestId('webhook-url').fill(url);
    for (const label of eventLabels) await this.page.locator('.ant-modal .ant-checkbox-wrapper', { hasText: label }).first().click();
    await this.page.locator('.ant-modal-footer button[type=submit][form=webhook-form]').click();
  }

  /** Reads the secret shown once, then closes its dialog. */
  async takeSecret(): Promise<string> {
    const box = this.page.getByTestId('webhook-secret');
    await box.waitFor();
    const secret = ((await box.locator('code').first().textContent()) ?? '').trim();
    await this.page.locator('.ant-modal-footer .ant-btn-primary:visible').last().click();
    await box.waitFor({ state: 'detached' });
    return secret;
  }

  /** Shows a delivery's attempts (the row's expand button). */
  async expand(row: Locator): Promise<void> {
    await row.locator('.ant-table-row-expand-icon').click();
  }
}
