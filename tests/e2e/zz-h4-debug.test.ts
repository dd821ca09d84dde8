// TEMPORARY (helper H4)
import { it } from 'vitest';
import { h4Stack } from './zz-h4-stack.js';
import { ProductEditorPage } from './pages/product-editor-page.js';
it('debug', async () => {
  const { startConsoleStack } = await h4Stack();
  const stack = await startConsoleStack();
  const page = await stack.signedIn('owner');
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  const editor = new ProductEditorPage(page);
  await editor.gotoNew(stack.baseUrl);
  await page.getByTestId('translation-tab-ar').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/h4/tab.png', fullPage: true });
  console.log('TABS', await page.locator('.ant-tabs-tab').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 200))));
  await editor.openTranslation('ar');
  await editor.translationTitle('ar').fill('قميص');
  await page.getByTestId('product-title').fill('Cotton AR dbg');
  await editor.addOption('المقاس', ['S', 'M']);
  await editor.addOption('اللون', ['أحمر', 'أزرق']);
  await editor.fillVariant(0, { price: '99' });
  await editor.applyPriceToAll();
  await editor.save();
  await page.waitForTimeout(4000);
  console.log('URL', page.url());
  console.log('ERRORS', await page.locator('.ant-form-item-explain-error, [data-testid=form-errors], .ant-message').allTextContents());
  await page.screenshot({ path: '/tmp/h4/ar.png', fullPage: true });
  await stack.stop();
}, 120000);
