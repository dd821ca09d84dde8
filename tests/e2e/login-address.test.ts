import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { demoAccount, LoginPage } from './pages/login-page.js';

// The console signs everyone in from its own address; it must pass on each visitor's.
describe.skipIf(!hasChromium)('sign-in address through the console', () => {
  let stack: ConsoleStack;

  beforeAll(async () => {
    stack = await startConsoleStack();
  });
  afterAll(() => stack?.stop());

  it("a wrong password typed into the console is counted against the visitor's address, not the console's", async () => {
    const context = await stack.browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.9' } });
    const login = new LoginPage(await context.newPage());
    await login.goto(stack.baseUrl);
    const { email } = demoAccount('analyst');
    await login.submit(email, 'not the analyst password');
    expect(await login.errorCode()).toBe('INVALID_CREDENTIALS');
    const rows = await stack.database.db.execute<{ client_address: string }>(
      sql`select client_address from access.login_attempt where email = ${email}`,
    );
    expect(rows.map((r) => r.client_address)).toEqual(['203.0.113.9']);
    await context.close();
  });
});
