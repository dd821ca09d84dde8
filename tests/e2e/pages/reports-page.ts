import type { Download, Locator, Page } from 'playwright-core';

/** The console's reports section (web-admin `/reports`): builder, saved reports, exports. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async gotoBuilder(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/reports', baseUrl).toString());
    await this.page.getByTestId('report-builder').waitFor();
    // Clicks before React hydrates the page reach no handler.
    await this.page.waitForLoadState('networkidle');
  }

  async gotoSaved(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/reports/saved', baseUrl).toString());
    await this.page.getByTestId('saved-reports').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  private option(text: string): Locator {
    return this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
  }

  /** Splits the report by exactly these dimensions (their English names), replacing what the builder held. */
  async splitBy(...dimensions: string[]): Promise<void> {
    const select = this.page.getByTestId('builder-dimensions');
    while ((await select.locator('.ant-select-selection-item-remove').count()) > 0) {
      await select.locator('.ant-select-selection-item-remove').first().click();
    }
    for (const dimension of dimensions) {
      for (let attempt = 0; attempt < 5 && !(await this.option(dimension).isVisible()); attempt += 1) {
        await select.click();
        await this.option(dimension).waitFor({ timeout: 3_000 }).catch(() => undefined);
      }
      await this.option(dimension).click();
      await select.locator('.ant-select-selection-item', { hasText: dimension }).waitFor();
    }
    await this.page.keyboard.press('Escape');
  }

  /** Picks a range preset by its English name (e.g. "Last month"). */
  async range(preset: string): Promise<void> {
    const select = this.page.getByTestId('builder-preset');
    for (let attempt = 0; attempt < 5 && !(await this.option(preset).isVisible()); attempt += 1) {
      await select.click();
      await this.option(preset).waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await this.option(preset).click();
  }

  /** Runs the preview; answers the preview card once its table is drawn. */
  async preview(): Promise<Locator> {
    const card = this.page.getByTestId('report-preview');
    await this.page.getByTestId('builder-preview').click();
    await card.getByTestId('report-totals').waitFor();
    return card;
  }

  /** The preview table's body rows as their cells' text. */
  async rows(): Promise<string[][]> {
    const rows = this.page.getByTestId('report-preview').locator('tbody tr.ant-table-row');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i += 1) out.push((await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim()));
    return out;
  }

  async totals(): Promise<string[]> {
    return (await this.page.getByTestId('report-totals').locator('td').allTextContents()).map((t) => t.trim());
  }

  /** Saves the builder's report under `name`; waits for the page of the saved report. */
  async save(name: string): Promise<void> {
    const field = this.page.getByTestId('report-save-name');
    for (let attempt = 0; attempt < 5 && !(await field.isVisible()); attempt += 1) {
      await this.page.getByTestId('report-save').click();
      await field.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await field.fill(name);
    await this.page.getByTestId('report-save-confirm').click();
    await this.page.waitForURL(/\/reports\?saved=/);
  }

  /** A saved report's row in the saved list. */
  savedRow(name: string): Locator {
    return this.page.getByTestId('saved-reports').locator('tr', { hasText: name });
  }

  /** Exports a saved report as XLSX: the progress shows while the worker writes, then the download. */
  async exportXlsx(row: Locator): Promise<Download> {
    const download = row.getByTestId('export-download');
    await row.getByTestId('export-XLSX').click();
    await download.waitFor({ timeout: 60_000 });
    const [file] = await Promise.all([this.page.waitForEvent('download'), download.click()]);
    return file;
  }
}
