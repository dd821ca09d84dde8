import type { Locator, Page } from 'playwright-core';

/**
 * The gateway's self-hosted GraphiQL at `/playground`. Editors are filled by pasting
 * (clipboard + Ctrl/Cmd+V) so the editor's bracket auto-closing does not garble the text.
 */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async goto(gatewayUrl: string): Promise<void> {
    await this.page.goto(gatewayUrl.replace('/graphql', '/playground'));
    await this.page.locator('.graphiql-container').first().waitFor();
  }

  private async paste(editor: Locator, text: string): Promise<void> {
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    const pasted = await this.page
      .evaluate((value) => navigator.clipboard.writeText(value).then(() => true), text)
      .catch(() => false);
    if (pasted) await this.page.keyboard.press('ControlOrMeta+V');
    else await this.page.keyboard.insertText(text);
  }

  /** Opens the Headers tab and pastes the headers JSON into its editor. */
  async setHeaders(headers: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: /^headers$/i }).first().click();
    const editor = this.page
      .locator('.graphiql-editor-tool .graphiql-editor:visible, .graphiql-editor-tool [aria-label*="Headers" i]:visible')
      .first();
    await this.paste(editor, JSON.stringify(headers));
  }

  /** Runs the operation and returns the response pane's text once it shows `"data"` or `"errors"`. */
  async run(): Promise<string> {
    await this.page.locator('.graphiql-execute-button').click();
    const response = this.page.locator('.graphiql-response');
    await this.page.waitForFunction(
      () => /"(data|errors)"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
    );
    return (await response.textContent()) ?? '';
  }
}
