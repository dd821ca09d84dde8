import type { Locator, Page } from 'playwright-core';

/** One row of the variant matrix to fill. */
export interface VariantEntry {
  sku?: string;
  price?: string;
}

/** The product editor (web-admin `/products/new` and `/products/<id>`), as a person uses it. */
export class ProductEditorPage {
  constructor(readonly page: Page) {}

  /** Opens the editor for a new product. */
  async gotoNew(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/products/new', baseUrl).toString());
    // The description editor renders in the browser only: once it shows, the form is interactive.
    await this.page.getByTestId('product-description').waitFor();
  }

  form(): Locator {
    return this.page.getByTestId('product-editor');
  }

  async setTitle(title: string): Promise<void> {
    await this.page.getByTestId('product-title').fill(title);
  }

  /** The handle the editor says it will generate (its hint under the handle field). */
  async handleHint(): Promise<string> {
    return (await this.page.getByTestId('product-handle-preview').textContent()) ?? '';
  }

  /** Adds an option axis with its values (typed into the tags select, Enter after each). */
  async addOption(name: string, values: string[]): Promise<void> {
    const index = await this.page.locator('[data-testid^=option-axis-]').count();
    await this.page.getByTestId('option-add').click();
    const axis = this.page.getByTestId(`option-axis-${index}`);
    await axis.waitFor();
    await axis.getByTestId(`option-name-${index}`).fill(name);
    await axis.locator('.ant-select').click();
    for (const value of values) {
      await this.page.keyboard.type(value);
      await this.page.keyboard.press('Enter');
    }
    await axis.locator('.ant-select-selection-item').nth(values.length - 1).waitFor();
  }

  variantRows(): Locator {
    return this.page.locator('[data-testid=variant-row]');
  }

  /** The variant titles in matrix order, e.g. ["S / Red", "S / Blue", …]. */
  async variantTitles(): Promise<string[]> {
    return (await this.page.getByTestId('variant-title').allTextContents()).map((text) => text.trim());
  }

  /** Fills SKU and price of the matrix row at `index`. */
  async fillVariant(index: number, entry: VariantEntry): Promise<void> {
    const row = this.variantRows().nth(index);
    if (entry.sku !== undefined) await row.getByTestId('variant-sku').fill(entry.sku);
    if (entry.price !== undefined) await row.getByTestId('variant-price').fill(entry.price);
  }

  /** Copies the first row's price to every row. */
  async applyPriceToAll(): Promise<void> {
    // The header cell only: a scrolling antd table repeats headers in a hidden measuring row.
    await this.page.locator('.ant-table-thead [data-testid=variants-apply-price]').click();
  }

  /** Uploads an image file through the editor's upload button and waits for its card. */
  async uploadImage(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const before = await this.mediaItems().count();
    await this.page.locator('.ant-upload input[type=file]').setInputFiles(file);
    await this.mediaItems().nth(before).waitFor();
  }

  mediaItems(): Locator {
    return this.page.locator('[data-testid=media-item]');
  }

  /** A translation tab's title input (th, zh-CN, zh-TW, ar). */
  translationTitle(locale: string): Locator {
    return this.page.getByTestId(`translation-${locale}-title`);
  }

  async openTranslation(locale: string): Promise<void> {
    await this.page.getByTestId(`translation-tab-${locale}`).click();
    await this.translationTitle(locale).waitFor();
  }

  /** Saves a new product and waits for its own page; returns its id. */
  async createAndWait(): Promise<string> {
    await Promise.all([
      this.page.waitForURL((url) => /^\/products\/(?!new$)[^/]+$/.test(url.pathname)),
      this.page.getByTestId('product-save').click(),
    ]);
    await this.form().waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').at(-1) ?? '');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('product-save').click();
  }

  /** The inline error under a variant's SKU, once one shows. */
  skuError(index: number): Locator {
    return this.variantRows().nth(index).locator('.ant-form-item-explain-error');
  }
}
