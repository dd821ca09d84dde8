import type { Locator, Page } from 'playwright-core';
import { setConsoleLocale } from './console-locale.js';

/** The console's segment list (web-admin `/members/segments`). */
export class SegmentsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/members/segments', baseUrl).toString());
    await this.page.getByRole('table').waitFor();
  }

  /** The row of the segment with this name. */
  row(name: string): Locator {
    return this.page.locator('[data-testid=segment-row]', { has: this.page.getByTestId('segment-link').getByText(name, { exact: true }) });
  }

  /** Follows "New segment" to the builder. */
  async newSegment(): Promise<SegmentBuilderPage> {
    await Promise.all([this.page.waitForURL(/\/members\/segments\/new$/), this.page.getByTestId('segment-new').click()]);
    const builder = new SegmentBuilderPage(this.page);
    await builder.ready();
    return builder;
  }

  /** Picks a language in the header switcher (e.g. `ar`) and waits for the reloaded page. */
  setLocale(locale: string): Promise<void> {
    return setConsoleLocale(this.page, locale);
  }

  async dir(): Promise<string | null> {
    return this.page.locator('html').getAttribute('dir');
  }
}

/** The segment builder (`/members/segments/new` and `/members/segments/[id]`). */
export class SegmentBuilderPage {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.getByTestId('segment-builder').waitFor();
    await this.page.getByTestId('segment-preview').waitFor();
  }

  rules(): Locator {
    return this.page.getByTestId('segment-rule');
  }

  async setName(name: string): Promise<void> {
    await this.page.getByTestId('segment-name').fill(name);
  }

  /** Changes rule `index` to a kind, through its select's dropdown (the option carries the kind, whatever the language). */
  async setKind(index: number, kind: string): Promise<void> {
    await this.rules().nth(index).getByTestId('rule-kind').click();
    await this.page.locator(`.ant-select-dropdown:visible [data-testid=rule-kind-option-${kind}]`).click();
  }

  async setTag(index: number, tag: string): Promise<void> {
    await this.rules().nth(index).getByTestId('rule-tag').fill(tag);
  }

  /** Adds a rule row (a tag rule) to the first group. */
  async addRule(): Promise<void> {
    const before = await this.rules().count();
    await this.page.getByTestId('rule-add').first().click();
    await this.rules().nth(before).waitFor();
  }

  /** The live size as counted for the rules now on screen (null while there is none to show). */
  async liveSize(): Promise<number | null> {
    const count = this.page.getByTestId('segment-preview-count');
    if (!(await count.isVisible())) return null;
    return Number(await count.getAttribute('data-count'));
  }

  previewText(): Promise<string | null> {
    return this.page.getByTestId('segment-preview').textContent();
  }

  /** Saves and waits for the list the builder returns to. */
  async save(): Promise<SegmentsPage> {
    await Promise.all([this.page.waitForURL(/\/members\/segments$/), this.page.getByTestId('segment-save').click()]);
    const list = new SegmentsPage(this.page);
    await this.page.getByRole('table').waitFor();
    return list;
  }
}
