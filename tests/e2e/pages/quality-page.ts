import type { Locator, Page } from 'playwright-core';

/** The console's quality alerts (web-admin `/quality`). */
export class QualityPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, search = ''): Promise<void> {
    await this.page.goto(new URL(`/quality${search}`, baseUrl).toString());
    await this.page.getByTestId('quality-settings-form').waitFor();
    // Clicks before React hydrates the page reach no handler.
    await this.page.waitForLoadState('networkidle');
  }

  rows(): Locator {
    return this.page.getByTestId('quality-alert-row');
  }

  /** The alert row of a lot, or of the whole product when `lot` is empty. */
  row(lot: string): Locator {
    return this.page.locator(`[data-testid=quality-alert-row][data-lot="${lot}"]`);
  }

  /** Opens the row's return reasons. */
  async expand(row: Locator): Promise<Locator> {
    const reasons = this.page.getByTestId('quality-reasons').first();
    for (let attempt = 0; attempt < 5 && !(await reasons.isVisible()); attempt += 1) {
      await row.locator('.ant-table-row-expand-icon').click();
      await reasons.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await reasons.waitFor();
    return reasons;
  }

  async acknowledge(row: Locator, note: string): Promise<void> {
    const field = this.page.getByTestId('quality-acknowledge-note');
    for (let attempt = 0; attempt < 5 && !(await field.isVisible()); attempt += 1) {
      await row.getByTestId('quality-acknowledge').click();
      await field.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await field.fill(note);
    await this.page.getByTestId('quality-acknowledge-submit').click();
  }

  /**
   * Types the rate and saves it. A click that lands before React hydrates the form does nothing, so both are tried
   * again until the save reaches the server (its server action's POST).
   */
  async setRate(percent: string): Promise<void> {
    const field = this.page.getByTestId('quality-settings-rate');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await field.fill(percent);
      if ((await field.inputValue()) !== percent) continue;
      const posted = this.page
        .waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/quality'), { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      await this.page.getByTestId('quality-settings-save').click();
      if (await posted) return;
    }
    throw new Error(`the quality rule's rate ${percent} never reached the server`);
  }

  /** The error shown under the rate field, if any. */
  rateError(): Promise<string | null> {
    return this.page
      .locator('.ant-form-item', { has: this.page.getByTestId('quality-settings-rate') })
      .locator('.ant-form-item-explain-error')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
  }
}
