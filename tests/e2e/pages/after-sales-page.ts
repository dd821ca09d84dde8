import type { Locator, Page } from 'playwright-core';

import { setConsoleLocale } from './console-locale.js';

/** The after-sales queue and one request's page in the console (web-admin `/after-sales`, `/after-sales/[id]`). */
export class AfterSalesPage {
  constructor(readonly page: Page) {}

  /** The queue, optionally narrowed as the address allows (`{ status: 'REQUESTED', order: <id> }`). */
  async goto(baseUrl: string, params: Record<string, string> = {}): Promise<void> {
    const url = new URL('/after-sales', baseUrl);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    await this.page.goto(url.toString());
    await this.page.getByTestId('return-requests').waitFor();
  }

  /** The queue row of the request with this number. */
  row(number: string): Locator {
    return this.page.locator(`[data-testid=return-request-row][data-number="${number}"]`);
  }

  /** Opens a request from the queue and waits for its page. */
  async open(number: string): Promise<void> {
    await this.row(number).getByTestId('return-request-link').click();
    await this.page.getByTestId('return-lines').waitFor();
  }

  /** The request's status code on its page (REQUESTED, APPROVED, …). */
  async status(): Promise<string | null> {
    return this.page.locator('[data-testid=return-request-status]').first().getAttribute('data-status');
  }

  /** The visible dialog holding the form `formId`. */
  private dialog(formId: string): Locator {
    return this.page.locator('.ant-modal:visible').filter({ has: this.page.locator(`#${formId}`) });
  }

  /**
   * Clicks a step's button and waits for its dialog. A click that lands before the page is
   * interactive opens nothing; click again.
   */
  private async openDialog(button: string, formId: string): Promise<Locator> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await this.page.getByTestId(button).click();
      const opened = await this.dialog(formId)
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
    }
    return this.dialog(formId);
  }

  /** Approve with an internal note; waits for the dialog to close. */
  async approve(note: string): Promise<void> {
    const dialog = await this.openDialog('return-approve', 'return-decide-form');
    await dialog.getByTestId('return-decide-note').fill(note);
    await this.page.getByTestId('return-decide-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Receive every unit into the preselected warehouse, each line restocked. */
  async receiveAll(): Promise<void> {
    const dialog = await this.openDialog('return-receive', 'return-receive-form');
    await this.page.getByTestId('return-receive-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Refund all the request may give back (empty amount), shipping left out. */
  async refundAll(): Promise<void> {
    const dialog = await this.openDialog('return-refund', 'return-refund-form');
    await this.page.getByTestId('return-refund-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /**
   * On an order's page: "Open after-sales request", the reason, units of the first line, a note and photos
   * (each uploaded as it is added), then submit; waits for the new request's page and answers its id.
   * Before submitting, the form is checked for an error under the first line's units when none was chosen.
   */
  async openFromOrder(
    baseUrl: string,
    orderId: string,
    fields: { reasonCode: string; quantity: number; note: string; photos: { name: string; mimeType: string; buffer: Buffer }[] },
  ): Promise<string> {
    await this.page.goto(new URL(`/orders/${orderId}`, baseUrl).toString());
    await this.page.waitForLoadState('networkidle');
    const dialog = await this.openDialog('return-open', 'return-open-form');
    await dialog.getByTestId('return-open-reason').click();
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option:has([data-reason="${fields.reasonCode}"])`).click();
    await dialog.getByTestId('return-open-note').fill(fields.note);
    // No units chosen: the API refuses, and the form says so.
    // A click before the form hydrated does nothing: click again until the refusal shows.
    const refusal = dialog.getByTestId('form-errors');
    for (let attempt = 0; attempt < 5 && !(await refusal.isVisible()); attempt += 1) {
      await this.page.getByTestId('return-open-submit').click();
      await refusal.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await refusal.waitFor();
    await dialog.getByTestId('return-open-quantity-0').fill(String(fields.quantity));
    await dialog.locator('input[type=file]').setInputFiles(fields.photos);
    // Each photo shows once its upload answered.
    await dialog.getByTestId('return-open-photo').nth(fields.photos.length - 1).waitFor();
    await this.page.getByTestId('return-open-submit').click();
    await this.page.waitForURL(/\/after-sales\/[0-9a-f-]{36}$/);
    await this.page.getByTestId('return-lines').waitFor();
    return this.page.url().split('/').pop()!;
  }

  /** The request page's photo thumbnails that loaded (their bytes came through the console's proxy). */
  async loadedPhotos(): Promise<number> {
    return this.page
      .getByTestId('return-photos')
      .locator('img')
      .evaluateAll((images) => images.filter((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0).length);
  }

  /** The refunded amount as the page shows it. */
  refunded(): Locator {
    return this.page.getByTestId('return-refunded');
  }

  setLocale(locale: string): Promise<void> {
    return setConsoleLocale(this.page, locale);
  }

  /** The page's writing direction: `ltr` or `rtl`. */
  async dir(): Promise<string | null> {
    return this.page.locator('html').getAttribute('dir');
  }
}
