import type { Locator, Page } from 'playwright-core';

/** The privacy section of the console's member 360 page (web-admin `/members/<id>`). */
export class MemberPrivacyPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, memberId: string): Promise<void> {
    await this.page.goto(new URL(`/members/${memberId}`, baseUrl).toString());
    await this.section().waitFor();
  }

  section(): Locator {
    return this.page.getByTestId('member-privacy');
  }

  /** Answers the step-up prompt with the password when the console asks for one. */
  async confirmStepUpIfAsked(password: string): Promise<void> {
    const field = this.page.getByTestId('step-up-password');
    // isVisible does not wait: give the prompt time to appear (a fresh confirmation skips it).
    const asked = await field.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false);
    if (!asked) return;
    await field.fill(password);
    await this.page.getByTestId('step-up-confirm').click();
  }

  async exportData(password: string): Promise<void> {
    await this.page.getByTestId('privacy-export').click();
    await this.confirmStepUpIfAsked(password);
  }

  /** The download link of the newest finished export; waits for the jobs to finish. */
  async downloadHref(): Promise<string> {
    const link = this.page.getByTestId('privacy-download').first();
    await link.waitFor({ timeout: 60_000 });
    return (await link.getAttribute('href')) ?? '';
  }

  /** Opens Erase, types the reason and the confirmation word, confirms. */
  async erase(reason: string, word: string, password: string): Promise<void> {
    await this.page.getByTestId('privacy-erase').click();
    await this.page.getByTestId('privacy-erase-reason').fill(reason);
    await this.page.getByTestId('privacy-erase-typed').fill(word);
    await this.page.getByTestId('privacy-erase-confirm').click();
    await this.confirmStepUpIfAsked(password);
  }

  rows(): Locator {
    return this.page.getByTestId('privacy-requests').locator('tbody tr.ant-table-row');
  }
}
