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

  /** Saves; answers once the coupon's own page is shown, or null when the form shows errors instead. */
  async save(): Promise<string | null> {
    await this.page.getByTestId('coupon-save').click();
    const saved = this.page.waitForURL(/\/coupons\/[0-9a-f-]{36}$/).then(() => this.page.url());
    const refused = this.page.locator('.ant-form-item-explain-error').first().waitFor().then(() => null);
    return Promise.race([saved, refused]);
  }

  /** The error shown under an input, by the input's test id. */
  errorUnder(testId: string): Locator {
    return this.page.locator('.ant-form-item', { has: this.page.getByTestId(testId) }).locator('.ant-form-item-explain-error');
  }
}
