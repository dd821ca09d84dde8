import type { Page } from 'playwright-core';

/** The shop's settings (web-admin `/settings`). */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/settings', baseUrl).toString());
    await this.page.getByTestId('shop-settings-form').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  /**
   * Types a time zone and saves, answering the step-up prompt with `password`. A click before
   * hydration submits nothing: click again until the prompt or the confirmation shows.
   */
  async saveTimeZone(zone: string, password: string): Promise<void> {
    const field = this.page.locator('input#timeZone');
    await field.fill(zone);
    await field.press('Escape');
    const prompt = this.page.getByTestId('step-up-password');
    const saved = this.page.locator('.ant-message-success');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await this.page.getByTestId('settings-save').click();
      const answered = await Promise.race([
        prompt.waitFor({ timeout: 5_000 }).then(() => 'prompt' as const),
        saved.waitFor({ timeout: 5_000 }).then(() => 'saved' as const),
      ]).catch(() => null);
      if (answered === 'saved') return;
      if (answered === 'prompt') break;
    }
    await prompt.fill(password);
    await this.page.getByTestId('step-up-confirm').click();
    await saved.waitFor();
  }
}
