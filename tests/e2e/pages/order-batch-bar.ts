import type { Download, Page } from 'playwright-core';

/** The batch bar above the orders list (web-admin `/orders`): picking rows, tagging, exporting, printing. */
export class OrderBatchBar {
  constructor(readonly page: Page) {}

  /** Picks the first `n` rows of the page, again until the bar counts them (a click before hydration reaches no handler). */
  async pick(n: number): Promise<string[]> {
    const rows = this.page.locator('[data-testid=order-row]');
    const numbers: string[] = [];
    for (let i = 0; i < n; i += 1) numbers.push((await rows.nth(i).getAttribute('data-number'))!);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      for (let i = 0; i < n; i += 1) {
        const box = rows.nth(i).locator('input[type=checkbox]');
        if (!(await box.isChecked())) await box.check({ force: true }).catch(() => {});
      }
      if ((await this.page.getByTestId('batch-bar').getAttribute('data-selected')) === String(n)) return numbers;
      await this.page.waitForTimeout(500);
    }
    throw new Error(`the batch bar never counted ${n} picked rows`);
  }

  scopeText(): Promise<string | null> {
    return this.page.getByTestId('batch-scope').textContent();
  }

  /** Waits for the current run to end; returns its status. */
  async runEnded(kind: string): Promise<string> {
    const run = this.page.locator(
      `[data-testid=batch-run][data-kind=${kind}][data-status=SUCCEEDED], [data-testid=batch-run][data-kind=${kind}][data-status=FAILED]`,
    );
    await run.waitFor({ timeout: 60_000 });
    return (await run.getAttribute('data-status'))!;
  }

  /** Adds a tag to what the bar acts on and waits for the run to end. */
  async addTag(tag: string): Promise<string> {
    await this.page.getByTestId('batch-tag').click();
    const input = this.page.locator('[data-testid=batch-tag-add] input');
    await input.fill(tag);
    await input.press('Enter');
    await this.page.getByTestId('batch-tag-apply').click();
    return this.runEnded('TAG');
  }

  /** Exports as CSV, waits for the run, then downloads the file through the console. */
  async exportCsv(): Promise<Download> {
    await this.page.getByTestId('batch-export').hover();
    await this.page.getByTestId('batch-export-CSV').click();
    await this.runEnded('EXPORT');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('batch-download').click()]);
    return download;
  }

  /** Prints shipping labels of the picked orders; answers the PDF the console's link serves (with this session). */
  async printLabels(): Promise<Buffer> {
    await this.page.getByTestId('batch-print').hover();
    await this.page.getByTestId('batch-print-LABEL').click();
    const open = this.page.getByTestId('batch-print-open');
    await open.waitFor({ timeout: 60_000 });
    const response = await this.page.request.get(new URL((await open.getAttribute('href'))!, this.page.url()).toString());
    if (!response.ok()) throw new Error(`the printed PDF answered ${response.status()}`);
    return response.body();
  }
}
