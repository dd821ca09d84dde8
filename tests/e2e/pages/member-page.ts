import type { Locator, Page } from 'playwright-core';

/** One member in the console (web-admin `/members/[id]`, the member 360). */
export class MemberPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, memberId: string): Promise<void> {
    await this.page.goto(new URL(`/members/${memberId}`, baseUrl).toString());
  }

  /** The purchase statistics section (components/members/statistics). */
  statistics(): Locator {
    return this.page.getByTestId('member-statistics');
  }

  /** Each currency's row of the statistics as its cells' texts, in column order. */
  async statisticsRows(): Promise<string[][]> {
    const rows = this.statistics().locator('tbody tr.ant-table-row');
    return Promise.all((await rows.all()).map((row) => row.locator('td').allInnerTexts()));
  }

  /** The empty state's text, when the member has no counted order. */
  async statisticsEmptyText(): Promise<string> {
    return this.statistics().locator('.ant-empty-description').innerText();
  }
}
