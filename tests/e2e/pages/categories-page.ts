import type { Locator, Page } from 'playwright-core';

/** The category tree (web-admin `/products/categories`). */
export class CategoriesPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/products/categories', baseUrl).toString());
    await this.node('Apparel').waitFor();
  }

  /** A category's node, by its name. */
  node(name: string): Locator {
    return this.page.locator(`[data-testid=category-node][data-name="${name}"]`);
  }

  /** The id of a category's parent ('' at the top level). */
  async parentOf(name: string): Promise<string | null> {
    return this.node(name).getAttribute('data-parent');
  }

  async idOf(name: string): Promise<string | null> {
    return this.node(name).getAttribute('data-id');
  }

  /**
   * Drags a category with the mouse and drops it onto the middle of another, which moves it
   * into that category (antd Tree's HTML5 drag and drop).
   */
  async dragInto(name: string, targetName: string): Promise<void> {
    const source = this.page.locator('.ant-tree-treenode').filter({ has: this.node(name) });
    const target = this.page.locator('.ant-tree-node-content-wrapper').filter({ has: this.node(targetName) });
    await source.dragTo(target);
  }

  /** The keyboard way: the node's menu → Move → pick the new parent → Save. */
  async moveWithMenu(name: string, parentName: string): Promise<void> {
    await this.node(name).getByTestId('category-menu').click();
    await this.page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').nth(2).click();
    const dialog = this.page.locator('.ant-modal:visible');
    await dialog.getByTestId('category-parent').click();
    await this.page.locator(`.ant-select-tree-node-content-wrapper[title="${parentName}"]:visible`).click();
    await this.page.getByTestId('category-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
