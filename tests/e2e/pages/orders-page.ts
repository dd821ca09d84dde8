import type { Locator, Page } from 'playwright-core';
import { setConsoleLocale } from './console-locale.js';

/** The console's orders list (web-admin `/orders`), as an operator uses it. */
export class OrdersPage {
  constructor(readonly page: Page) {}

  /** Opens the list, optionally with URL state (`{ q, status, flagged }`); `baseUrl` is the console's origin. */
  async goto(baseUrl: string, params: Record<string, string> = {}): Promise<void> {
    const url = new URL('/orders', baseUrl);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    await this.page.goto(url.toString());
    await this.page.getByTestId('order-filters').waitFor();
    await this.page.getByRole('table').waitFor();
  }

  /** The order rows on the current page. */
  rows(): Locator {
    return this.page.locator('[data-testid=order-row]');
  }

  row(number: string): Locator {
    return this.page.locator(`[data-testid=order-row][data-number="${number}"]`);
  }

  /**
   * Types into the search box and submits with Enter; waits for the URL to carry the
   * search and the list to answer. Until the page is interactive the form may swallow
   * the Enter, so it is pressed again while the URL has not changed.
   */
  async search(text: string): Promise<void> {
    const box = this.page.getByTestId('order-search');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await box.fill(text);
      await box.press('Enter');
      const moved = await this.page
        .waitForURL((url) => url.searchParams.get('q') === text, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (moved) break;
    }
    await this.page.getByRole('table').waitFor();
  }

  /** Applies a built-in view (`toShipToday`, `flagged`, `unpaid`) and waits for the list under it. */
  async applyView(key: string, expectedStatus: string): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.searchParams.get('status') === expectedStatus),
      this.page.getByTestId(`order-view-${key}`).click(),
    ]);
    await this.page.getByRole('table').waitFor();
  }

  /** Follows the order's number to its detail page. */
  async open(number: string): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/\/orders\/[0-9a-f-]{36}$/),
      this.row(number).getByTestId('order-link').click(),
    ]);
    await this.page.getByTestId('order-header').waitFor();
  }

  /** The count shown on a status tab (`ALL`, `PAID`, …). */
  async tabCount(status: string): Promise<number> {
    return Number(await this.page.getByTestId(`order-tab-${status}`).getAttribute('data-count'));
  }

  /** Picks a language in the header switcher (e.g. `ar`) and waits for the reloaded page. */
  setLocale(locale: string): Promise<void> {
    return setConsoleLocale(this.page, locale);
  }

  /** The page's writing direction: `ltr` or `rtl`. */
  async dir(): Promise<string | null> {
    return this.page.locator('html').getAttribute('dir');
  }
}
