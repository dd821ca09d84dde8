import type { Locator, Page } from 'playwright-core';

/** The console's products list (web-admin `/products`), as a person uses it. */
export class ProductsPage {
  constructor(readonly page: Page) {}

  /** Opens the list at its first page; `baseUrl` is the console's origin. */
  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/products', baseUrl).toString());
    await this.page.getByRole('table').waitFor();
  }

  /** The product rows on the current page. */
  rows(): Locator {
    return this.page.locator('[data-testid=product-row]');
  }

  /** Follows the Next link and waits for the following page. */
  async nextPage(): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/[?&]after=/),
      this.page.locator('[data-testid=next-page]').click(),
    ]);
    await this.page.getByRole('table').waitFor();
  }

  /** Searches title, handle and SKU; the list starts again at its first page. */
  async search(text: string): Promise<void> {
    const box = this.page.getByRole('search').locator('input[name=q]');
    await box.fill(text);
    await Promise.all([
      this.page.waitForURL((url) => url.searchParams.get('q') === text),
      box.press('Enter'),
    ]);
    await this.page.getByRole('table').waitFor();
  }

  /** Picks a language in the header switcher (e.g. `ar`, `zh-TW`) and waits for the reloaded list. */
  async setLocale(locale: string): Promise<void> {
    await this.page.getByTestId('language-switcher').click();
    await Promise.all([
      // The page reloads: between documents there is no documentElement to read.
      this.page.waitForFunction((lang) => document.documentElement?.lang === lang, locale),
      this.page.locator(`.ant-select-item-option[data-locale="${locale}"]`).click(),
    ]);
    await this.page.waitForLoadState('load');
    await this.page.getByRole('table').waitFor();
  }

  /** Ticks the header checkbox: every product on the page is selected for the bulk actions. */
  async selectAll(): Promise<void> {
    await this.page.locator('.ant-table-thead .ant-checkbox-input').check();
    await this.page.getByTestId('product-bulk-bar').waitFor();
  }

  /** Bulk "Add tags" with one tag; waits for the dialog to close. */
  async addTag(tag: string): Promise<void> {
    await this.page.getByTestId('product-bulk-tag-add').click();
    const dialog = this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#product-tags-form') });
    await dialog.locator('.ant-select').click();
    await this.page.keyboard.type(tag);
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('product-tags-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /**
   * Bulk "Archive" → confirm → the step-up password prompt, answered with `password`. On a loaded machine the
   * confirmation can close while it opens, and nothing is asked; then both clicks are tried again.
   */
  async archiveSelected(password: string): Promise<void> {
    const prompt = this.page.getByTestId('step-up-password');
    for (let attempt = 0; attempt < 3 && !(await prompt.isVisible()); attempt += 1) {
      await this.page.getByTestId('product-bulk-archive').click();
      await this.page.getByTestId('product-bulk-archive-confirm').click({ timeout: 5_000 }).catch(() => undefined);
      await prompt.waitFor({ timeout: 10_000 }).catch(() => undefined);
    }
    await prompt.fill(password);
    await this.page.getByTestId('step-up-confirm').click();
  }

  /** The status codes of the listed products (DRAFT, ACTIVE, ARCHIVED). */
  async statuses(): Promise<(string | null)[]> {
    const tags = await this.rows().getByTestId('product-status').all();
    return Promise.all(tags.map((tag) => tag.getAttribute('data-status')));
  }

  /** The page's writing direction: `ltr` or `rtl`. */
  async dir(): Promise<string | null> {
    return this.page.locator('html').getAttribute('dir');
  }
}

/** The review moderation queue (web-admin `/products/reviews`), pending reviews by default. */
export class ReviewsPage {
  constructor(readonly page: Page) {}

  /** Opens the queue for a status (PENDING by default, or APPROVED, REJECTED, all). */
  async goto(baseUrl: string, status?: string): Promise<void> {
    const url = new URL('/products/reviews', baseUrl);
    if (status) url.searchParams.set('status', status);
    await this.page.goto(url.toString());
    await this.page.getByRole('table').waitFor();
  }

  rows(): Locator {
    return this.page.locator('[data-testid=review-row]');
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid=review-row][data-review-id="${id}"]`);
  }

  /** Approves a review from its row's Approve button. */
  async approve(id: string): Promise<void> {
    await this.row(id).getByTestId('review-approve').click();
  }
}
