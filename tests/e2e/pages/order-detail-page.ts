import type { Locator, Page } from 'playwright-core';

/** One order in the console (web-admin `/orders/[id]`): state, actions and timeline. */
export class OrderDetailPage {
  constructor(readonly page: Page) {}

  /** The status code in the header (PENDING_PAYMENT, PAID, …). */
  async status(): Promise<string | null> {
    return this.page.locator('[data-testid=order-header] [data-testid=order-status]').getAttribute('data-status');
  }

  /** The payment state code in the header (UNPAID, PAID, …). */
  async paymentState(): Promise<string | null> {
    return this.page.locator('[data-testid=order-header] [data-testid=order-payment-state]').getAttribute('data-state');
  }

  /** Timeline entries, oldest first; `kind` narrows them (TRANSITION, PAYMENT, …). */
  timeline(kind?: string): Locator {
    return this.page.locator(kind ? `[data-testid=timeline-entry][data-kind=${kind}]` : '[data-testid=timeline-entry]');
  }

  /** The dialog an action button opened. */
  private dialog(): Locator {
    return this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#order-action-form') });
  }

  /**
   * Clicks an action (`markPaid`, `fulfil`, `cancel`, …) and waits for its confirmation
   * dialog. A click that lands before the page is interactive opens nothing; click again.
   */
  async openAction(action: string): Promise<Locator> {
    const button = this.page.getByTestId(`order-action-${action}`);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await button.click();
      const opened = await this.dialog()
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
    }
    return this.dialog();
  }

  /** Mark paid → (reference) → confirm; waits for the dialog to close. */
  async markPaid(reference?: string): Promise<void> {
    const dialog = await this.openAction('markPaid');
    if (reference) await dialog.getByTestId('order-paid-reference').fill(reference);
    await this.page.getByTestId('order-action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Messages a refused action shows inside its dialog. */
  dialogErrors(): Locator {
    return this.dialog().getByTestId('form-errors');
  }
}
