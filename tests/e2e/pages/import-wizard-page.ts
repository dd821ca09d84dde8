import type { Locator, Page } from 'playwright-core';

/** The console's product import wizard (web-admin `/products/import`), as a person uses it. */
export class ImportWizardPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/products/import', baseUrl).toString());
    // Hydrated: a file set before React attached its handler would never upload.
    await this.page.locator('[data-testid=import-upload][data-ready=true]').waitFor();
  }

  /** Picks a file in the upload box and waits for the dry-run report. */
  async upload(path: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(path);
    await this.page.getByTestId('import-report').waitFor();
  }

  /** A count on the report or the result, e.g. `count-invalid`, as a number (locale digits aside). */
  async count(testId: string): Promise<number> {
    const text = (await this.page.getByTestId(testId).textContent()) ?? '';
    const western = text.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
    return Number(western.replace(/[^\d]/g, ''));
  }

  /** The listed issues as [row, code]. */
  async issues(): Promise<[number, string][]> {
    return this.page
      .getByTestId('import-issue')
      .evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-row')), r.getAttribute('data-code') ?? ''] as [number, string]));
  }

  /** Chooses the mode, runs the import and waits until the job has ended; returns its status. */
  async run(mode: 'SKIP_INVALID_ROWS' | 'ALL_OR_NOTHING'): Promise<string> {
    await this.page.locator(`[data-testid=import-mode] input[value=${mode}]`).check();
    await this.page.getByTestId('import-run').click();
    const job = this.page.locator('[data-testid=import-job][data-status=SUCCEEDED], [data-testid=import-job][data-status=FAILED]');
    await job.waitFor({ timeout: 60_000 });
    return (await job.getAttribute('data-status'))!;
  }

  errorReportLink(): Locator {
    return this.page.getByTestId('import-error-report');
  }

  /** Downloads the error report through the console (the session cookie goes along) and returns its text. */
  async errorReport(baseUrl: string): Promise<string> {
    const href = await this.errorReportLink().getAttribute('href');
    const response = await this.page.request.get(new URL(href!, baseUrl).toString());
    return response.text();
  }

  async dir(): Promise<string | null> {
    return this.page.locator('html').getAttribute('dir');
  }
}
