// TEMPORARY (helper H4)
import { it } from 'vitest';
import { h4Stack } from './zz-h4-stack.js';
it('debug', async () => {
  const { startConsoleStack } = await h4Stack();
  const stack = await startConsoleStack();
  const page = await stack.signedIn('catalog_manager');
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await page.goto(stack.baseUrl + '/products/new');
  await page.waitForTimeout(5000);
  await page.screenshot({ path: '/tmp/h4/new.png', fullPage: true });
  console.log((await page.locator('body').innerText()).slice(0, 3000));
  await stack.stop();
}, 120000);
