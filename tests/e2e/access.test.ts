import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import type { TestGateway } from '../kit/gateway.js';
import { ApiKeysPage } from './pages/api-keys-page.js';
import { demoAccount, LoginPage } from './pages/login-page.js';
import { PlaygroundPage } from './pages/playground-page.js';
import { ProductsPage } from './pages/products-page.js';

/** A partner key with catalog:read, created through the API as the owner (login, step-up, apiKeyCreate). */
async function createPartnerKey(gateway: TestGateway): Promise<string> {
  const owner = demoAccount('owner');
  const auth = { authorization: `Bearer ${await staffLogin(gateway, owner.email, owner.password)}` };
  const stepUp = await gateway.query(
    'mutation($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken userErrors { code } } }',
    { input: { password: owner.password } },
    auth,
  );
  const created = await gateway.query(
    'mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret userErrors { code } } }',
    { input: { name: 'playground e2e', scopes: ['catalog:read'] } },
    { ...auth, 'x-step-up': stepUp.body.data.stepUpConfirm.stepUpToken },
  );
  return created.body.data.apiKeyCreate.secret;
}

// Who may see and do what, in real Chromium against the real gateway and database.
describe.skipIf(!hasChromium)('access in the admin console', () => {
  let stack: ConsoleStack;
  let gateway: TestGateway;
  let browser: Browser;
  let baseUrl: string;
  const signedIn = (role: string) => stack.signedIn(role);

  async function close(page: Page): Promise<void> {
    await page.context().close();
  }

  beforeAll(async () => {
    stack = await startConsoleStack();
    ({ gateway, browser, baseUrl } = stack);
  });

  afterAll(() => stack?.stop());

  it('sends a visitor without a session to /login and back to the page after signing in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('/products?q=x', baseUrl).toString());
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/products?q=x');
    const login = new LoginPage(page);
    const { email } = demoAccount('owner');
    await login.submit(email, 'not-the-password');
    expect(await login.errorCode()).toBe('INVALID_CREDENTIALS');
    await login.login(email, demoAccount('owner').password);
    expect(new URL(page.url()).pathname).toBe('/products');
    expect(new URL(page.url()).searchParams.get('q')).toBe('x');
    await context.close();
  });

  it('shows a catalog manager products without costs, and no staff, API key or audit navigation', async () => {
    const page = await signedIn('catalog_manager');
    const products = new ProductsPage(page);
    await products.goto(baseUrl);
    await expect.poll(() => products.rows().count()).toBe(20);
    const costs = (await page.getByTestId('cost-cell').allTextContents()).map((text) => text.trim());
    expect(costs).toHaveLength(20);
    for (const cost of costs) expect(cost).toBe('—');
    expect(await page.getByTestId('restricted').count()).toBeGreaterThan(0);

    await expect.poll(() => page.getByTestId('nav-products').count()).toBe(1);
    expect(await page.getByTestId('nav-staff').count()).toBe(0);
    expect(await page.getByTestId('nav-apiKeys').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);

    // Reached by URL, a page outside the role answers 403 (and the gateway refuses anyway).
    await page.goto(new URL('/api-keys', baseUrl).toString());
    await page.getByTestId('forbidden').waitFor();

    const login = new LoginPage(page);
    await login.logout();
    await page.goto(new URL('/products', baseUrl).toString());
    await page.waitForURL((url) => url.pathname === '/login');
    await close(page);
  });

  it('shows the owner cost amounts and unmasked member emails', async () => {
    const page = await signedIn('owner');
    const products = new ProductsPage(page);
    await products.goto(baseUrl);
    await expect.poll(() => products.rows().count()).toBe(20);
    const costs = (await page.getByTestId('cost-cell').allTextContents()).map((text) => text.trim());
    expect(costs.some((cost) => /\d/.test(cost))).toBe(true);
    expect(await page.getByTestId('restricted').count()).toBe(0);

    for (const nav of ['nav-staff', 'nav-apiKeys', 'nav-audit']) {
      expect(await page.getByTestId(nav).count()).toBe(1);
    }

    await page.goto(new URL('/members', baseUrl).toString());
    await page.getByRole('table').waitFor();
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(20);
    const emails = page.getByTestId('member-email');
    expect(await emails.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=member-email][data-masked]').count()).toBe(0);
    for (const email of await emails.allTextContents()) {
      expect(email).toMatch(/^[^\s*•]+@[^\s*•]+$/);
    }
    await close(page);
  });

  let keyName: string;

  it('creates an API key after a step-up password prompt and shows its secret only once', async () => {
    const page = await signedIn('owner');
    const keys = new ApiKeysPage(page);
    await keys.goto(baseUrl);
    keyName = `e2e key ${Date.now()}`;
    await keys.startCreate(keyName, ['catalog:read']);

    // apiKeyCreate is sensitive: the gateway answers STEP_UP_REQUIRED and the console asks for the password.
    await keys.stepUpPassword().waitFor();
    await keys.confirmStepUp(demoAccount('owner').password);

    const secret = await keys.secret();
    expect(secret.length).toBeGreaterThan(16);
    await keys.closeSecret();
    await expect.poll(async () => (await keys.rows().allTextContents()).some((row) => row.includes(keyName))).toBe(true);

    await page.reload();
    await page.getByRole('table').waitFor();
    expect(await keys.secretBox().count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect((await keys.rows().allTextContents()).some((row) => row.includes(keyName))).toBe(true);
    await close(page);
  });

  it('lists the apiKeyCreate entry in the audit log', async () => {
    const page = await signedIn('owner');
    await page.goto(new URL('/audit', baseUrl).toString());
    await page.getByRole('table').waitFor();
    await page.getByTestId('audit-root-field').fill('apiKeyCreate');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('rootField') === 'apiKeyCreate'),
      page.getByTestId('audit-apply').click(),
    ]);
    await page.getByRole('table').waitFor();
    const rows = page.getByTestId('audit-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('apiKeyCreate');
    // The first attempt was refused for want of a step-up; the retry succeeded.
    expect(await page.locator('[data-testid=audit-row] [data-outcome=SUCCESS]').count()).toBeGreaterThan(0);
    await close(page);
  });

  it('runs a products query in the playground with a partner key pasted into the headers', async () => {
    const secret = await createPartnerKey(gateway);
    expect(secret).toBeTruthy();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(gateway.url).origin,
    });
    const page = await context.newPage();
    const playground = new PlaygroundPage(page);
    await playground.goto(gateway.url);
    await playground.setHeaders({ Authorization: `Bearer ${secret}` });
    // The playground opens on a products query: run it as the partner.
    const response = await playground.run();
    expect(response).toContain('"products"');
    expect(response).toContain('"title"');
    expect(response).not.toContain('"errors"');
    await context.close();
  });
});
