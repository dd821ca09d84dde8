import type { Page } from 'playwright-core';

/** The console's sign-in page (web-admin `/login`) and the header's Log out. */
export class LoginPage {
  constructor(readonly page: Page) {}

  /** Opens /login (optionally with `?next=`); `baseUrl` is the console's origin. */
  async goto(baseUrl: string, next?: string): Promise<void> {
    const url = new URL('/login', baseUrl);
    if (next) url.searchParams.set('next', next);
    await this.page.goto(url.toString());
    await this.page.getByTestId('login-form').waitFor();
  }

  /** Fills email and password and submits; resolves once the console has left /login. */
  async login(email: string, password: string): Promise<void> {
    await this.submit(email, password);
    await this.page.waitForURL((url) => url.pathname !== '/login');
    await this.page.getByTestId('user-menu').waitFor();
  }

  /** Submits the form without expecting success (for error cases). */
  async submit(email: string, password: string): Promise<void> {
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** The inline error's code (INVALID_CREDENTIALS, LOGIN_THROTTLED, ACCOUNT_DISABLED), once shown. */
  async errorCode(): Promise<string | null> {
    const alert = this.page.getByTestId('login-error');
    await alert.waitFor();
    return alert.getAttribute('data-code');
  }

  /** Opens the header user menu, logs out, waits for /login. */
  async logout(): Promise<void> {
    await this.page.getByTestId('user-menu').click();
    await Promise.all([
      this.page.waitForURL((url) => url.pathname === '/login'),
      this.page.getByTestId('logout').click(),
    ]);
  }
}

/** A seeded demo account: `<role>@shop.test` / `demo-<role>-password`. */
export function demoAccount(role: string): { email: string; password: string } {
  return { email: `${role}@shop.test`, password: `demo-${role}-password` };
}
