import type { Page } from 'playwright-core';

/** Picks a language in the console header's switcher (e.g. `ar`) and waits for the reloaded page in it. */
export async function setConsoleLocale(page: Page, locale: string): Promise<void> {
  await page.getByTestId('language-switcher').click();
  await page.locator(`.ant-select-item-option[data-locale="${locale}"]`).click();
  // The switcher reloads the page: poll across the navigation until the new document has the language.
  await page.waitForFunction((lang) => document.documentElement?.lang === lang, locale);
  await page.waitForLoadState('load');
}
