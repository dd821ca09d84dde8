import type { Locator, Page } from 'playwright-core';

/** The console's banner list (web-admin `/content`). */
export class BannersPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/content', baseUrl).toString());
    await this.page.getByRole('table').waitFor();
  }

  /** Every banner row, in display order. */
  rows(): Locator {
    return this.page.getByTestId('placement-row');
  }

  /** The row of the banner with this (English) title. */
  row(title: string): Locator {
    return this.page.locator('[data-testid=placement-row]', { has: this.page.getByTestId('placement-link').getByText(title, { exact: true }) });
  }

  /** The titles of the rows, top to bottom. */
  async titles(): Promise<string[]> {
    return this.page.getByTestId('placement-link').allTextContents();
  }

  /** Follows "New banner" to the editor. */
  async newBanner(): Promise<BannerEditorPage> {
    await Promise.all([this.page.waitForURL(/\/content\/banners\/new$/), this.page.getByTestId('banner-new').click()]);
    const editor = new BannerEditorPage(this.page);
    await editor.ready();
    return editor;
  }

  /** Moves the banner with this title one place up and waits for the saved order. */
  async moveUp(title: string): Promise<void> {
    await this.row(title).getByTestId('placement-up').click();
  }
}

/** The banner editor (`/content/banners/new` and `/content/banners/[id]`). */
export class BannerEditorPage {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.getByTestId('placement-editor').waitFor();
  }

  /** Writes the title in one language, on that language's tab. */
  async setTitle(locale: string, title: string): Promise<void> {
    await this.page.getByTestId(`locale-tab-${locale}`).click();
    await this.page.getByTestId(`placement-title-${locale}`).fill(title);
  }

  /** The writing direction of a language's title field. */
  async titleDir(locale: string): Promise<string | null> {
    return this.page.getByTestId(`placement-title-${locale}`).getAttribute('dir');
  }

  async setImage(url: string): Promise<void> {
    await this.page.getByTestId('placement-image').fill(url);
  }

  /** Saves and lands on the list again. */
  async save(): Promise<BannersPage> {
    await Promise.all([this.page.waitForURL(/\/content$/), this.page.getByTestId('placement-save').click()]);
    const list = new BannersPage(this.page);
    await this.page.getByRole('table').waitFor();
    return list;
  }
}
