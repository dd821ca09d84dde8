import type { Locator, Page } from 'playwright-core';
import { setConsoleLocale } from './console-locale.js';

/** The console's promotion list (web-admin `/promotions`). */
export class PromotionsPage {
  constructor(readonly page: Page) {}

  /** The list, of one status when given (by default the list leaves archived promotions out). */
  async goto(baseUrl: string, status?: string): Promise<void> {
    await this.page.goto(new URL(status ? `/promotions?status=${status}` : '/promotions', baseUrl).toString());
    await this.page.getByRole('table').waitFor();
  }

  /** The row of the promotion with this id. */
  row(id: string): Locator {
    return this.page.locator(`[data-testid=promotion-row][data-id="${id}"]`);
  }

  /** Follows "New promotion" to the editor. */
  async newPromotion(): Promise<PromotionEditorPage> {
    await Promise.all([this.page.waitForURL(/\/promotions\/new$/), this.page.getByTestId('promotion-new').click()]);
    const editor = new PromotionEditorPage(this.page);
    await editor.ready();
    return editor;
  }

  setLocale(locale: string): Promise<void> {
    return setConsoleLocale(this.page, locale);
  }

  async dir(): Promise<string | null> {
    return this.page.locator('html').getAttribute('dir');
  }

  /**
   * Where the parts of a row's title are drawn, left to right on screen (x of each part's left edge):
   * the '%' sign, the number and the first Arabic word of a title like "رمضان كريم 15%".
   */
  async titleLayout(id: string, number: string, word: string): Promise<{ percent: number; number: number; word: number }> {
    return this.row(id).getByTestId('promotion-link').locator('bdi').evaluate((bdi, [n, w]) => {
      const text = bdi.firstChild as Text;
      const content = text.textContent ?? '';
      const leftOf = (from: number, length: number) => {
        const range = document.createRange();
        range.setStart(text, from);
        range.setEnd(text, from + length);
        return range.getBoundingClientRect().left;
      };
      return { percent: leftOf(content.indexOf('%'), 1), number: leftOf(content.indexOf(n!), n!.length), word: leftOf(content.indexOf(w!), w!.length) };
    }, [number, word]);
  }
}

/** The promotion editor with its "try a cart" panel (`/promotions/new`, `/promotions/[id]`). */
export class PromotionEditorPage {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.getByTestId('promotion-editor').waitFor();
    await this.page.getByTestId('try-cart').waitFor();
  }

  async setTitle(locale: string, title: string): Promise<void> {
    await this.page.getByTestId(`promotion-title-${locale}`).fill(title);
  }

  titleInput(locale: string): Locator {
    return this.page.getByTestId(`promotion-title-${locale}`);
  }

  /** Picks a kind through its select's dropdown (the option carries the kind, whatever the language). */
  async setKind(kind: string): Promise<void> {
    await this.page.getByTestId('promotion-kind').click();
    await this.page.locator(`.ant-select-dropdown:visible [data-testid=promotion-kind-option-${kind}]`).click();
  }

  /** Fills tier rows (adding rows as needed): spend `threshold`, take `off` off. */
  async setTiers(tiers: { threshold: string; off: string }[]): Promise<void> {
    for (const [index, tier] of tiers.entries()) {
      if ((await this.page.getByTestId('promotion-tier').count()) <= index) await this.page.getByTestId('promotion-tier-add').click();
      await this.page.getByTestId(`promotion-tier-threshold-${index}`).fill(tier.threshold);
      await this.page.getByTestId(`promotion-tier-off-${index}`).fill(tier.off);
    }
  }

  async setPercentOff(percent: string): Promise<void> {
    await this.page.getByTestId('promotion-percentOff').fill(percent);
  }

  /** Saves as a draft; answers the saved promotion's id. */
  async saveDraft(): Promise<string> {
    await this.page.getByTestId('promotion-save-draft').click();
    return this.savedId();
  }

  /** Saves and publishes; answers the saved promotion's id (the URL turns to /promotions/<id>). */
  async publish(): Promise<string> {
    await this.page.getByTestId('promotion-publish').click();
    return this.savedId();
  }

  private async savedId(): Promise<string> {
    await this.page.waitForURL(/\/promotions\/(?!new$)[^/]+$/);
    await this.page.getByTestId('promotion-editor-status').waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').at(-1)!);
  }

  async status(): Promise<string | null> {
    return this.page.getByTestId('promotion-editor-status').getAttribute('data-status');
  }

  /** Adds the variant with this SKU to the trial cart through the product search. */
  async addToCart(search: string, sku: string): Promise<void> {
    await this.page.getByTestId('try-cart-search').click();
    await this.page.getByTestId('try-cart-search').locator('input').fill(search);
    await this.page.locator(`.ant-select-dropdown:visible [data-testid=try-cart-option][data-sku="${sku}"]`).click();
    await this.cartLine(sku).waitFor();
  }

  cartLine(sku: string): Locator {
    return this.page.locator(`[data-testid=try-cart-line][data-sku="${sku}"]`);
  }

  async setQuantity(sku: string, quantity: number): Promise<void> {
    // antd's InputNumber puts the test id on its <input> itself.
    const input = this.cartLine(sku).getByTestId('try-cart-quantity');
    await input.fill(String(quantity));
    await input.blur();
  }

  explanation(): Locator {
    return this.page.getByTestId('explanation');
  }

  /** The subtotal the explanation shows, as the API's decimal (null while there is none). */
  async subtotal(): Promise<string | null> {
    const cell = this.page.getByTestId('explanation-subtotal');
    if (!(await cell.isVisible())) return null;
    return cell.getAttribute('data-amount');
  }

  /** The amount a rule took off (the API's decimal), or null when it did not apply. */
  async appliedAmount(ruleId: string): Promise<string | null> {
    const row = this.page.locator(`[data-testid=explanation-applied][data-rule-id="${ruleId}"]`);
    if (!(await row.isVisible())) return null;
    return row.getByTestId('explanation-applied-amount').getAttribute('data-amount');
  }

  /** The reason code and message of a rule that did not apply, or null. */
  async rejection(ruleId: string): Promise<{ code: string | null; message: string | null } | null> {
    const row = this.page.locator(`[data-testid=explanation-rejected][data-rule-id="${ruleId}"]`);
    if (!(await row.isVisible())) return null;
    return { code: await row.getAttribute('data-reason'), message: await row.getByTestId('explanation-reason').textContent() };
  }

  /** Archives after the confirmation and waits for the list the editor returns to. */
  async archive(): Promise<PromotionsPage> {
    await this.page.getByTestId('promotion-archive').click();
    await Promise.all([this.page.waitForURL(/\/promotions$/), this.page.getByTestId('promotion-archive-confirm').click()]);
    await this.page.getByRole('table').waitFor();
    return new PromotionsPage(this.page);
  }
}
