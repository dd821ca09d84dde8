import type { Locator, Page } from 'playwright-core';

/** The console's coupon list (web-admin `/coupons`). */
export class CouponsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, search = ''): Promise<void> {
    await this.page.goto(new URL(`/coupons${search}`, baseUrl).toString());
    await this.page.getByTestId('coupons-table').waitFor();
  }

  /** The table row holding this text (a title or a code). */
  row(text: string): Locator {
    return this.page.locator('[data-testid=coupons-table] tbody tr', { hasText: text });
  }

  /** Follows "New coupon" to the form. */
  async newCoupon(): Promise<CouponFormPage> {
    await Promise.all([this.page.waitForURL(/\/coupons\/new$/), this.page.getByTestId('coupon-new').click()]);
    await this.page.getByTestId('coupon-form').waitFor();
    return new CouponFormPage(this.page);
  }
}

/** The coupon form (`/coupons/new` and `/coupons/[id]`). */
export class CouponFormPage {
  constructor(readonly page: Page) {}

  async fill(fields: { title: string; code: string; percent?: number }): Promise<void> {
    await this.page.getByTestId('coupon-title').fill(fields.title);
    await this.page.getByTestId('coupon-code').fill(fields.code);
    if (fields.percent !== undefined) await this.page.getByTestId('coupon-percent').fill(String(fields.percent));
  }

  /** Saves and answers the URL of the coupon's own page, where a saved coupon lands. */
  async save(): Promise<string> {
    await Promise.all([this.page.waitForURL(/\/coupons\/[0-9a-f-]{36}$/), this.page.getByTestId('coupon-save').click()]);
    return this.page.url();
  }

  /** Saves input the API refuses and waits for the errors under the inputs. */
  async saveRefused(): Promise<void> {
    await this.page.getByTestId('coupon-save').click();
    await this.page.locator('.ant-form-item-explain-error').first().waitFor();
  }

  /** The error shown under an input, by the input's test id. */
  errorUnder(testId: string): Locator {
    return this.page.locator('.ant-form-item', { has: this.page.getByTestId(testId) }).locator('.ant-form-item-explain-error');
  }
}
