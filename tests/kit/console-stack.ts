import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startAdminConsole } from '@shop/gateway/admin-console';
import { seedDemo } from '@shop/gateway/seed/index';
import { demoAccount, LoginPage } from '../e2e/pages/login-page.js';
import { freePort, launchChromium } from './browser.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/** The whole system for a browser test: seeded database, gateway, production console, Chromium. */
export interface ConsoleStack {
  database: TestDatabase;
  gateway: TestGateway;
  browser: Browser;
  baseUrl: string;
  /** A fresh browser context (no cookies) signed in as the demo account of `role`. */
  signedIn(role: string): Promise<Page>;
  stop(): Promise<void>;
}

export async function startConsoleStack(): Promise<ConsoleStack> {
  const database = await createTestDatabase();
  await seedDemo(database.db, { scale: 1 });
  const gateway = await startTestGateway('in-process', database.db);
  const port = await freePort();
  // As gateway/src/main.ts does: the in-process gateway and the console share the forwarding secret.
  process.env.CONSOLE_FORWARDING_SECRET ??= randomBytes(32).toString('base64url');
  const admin: ChildProcess = await startAdminConsole({
    port,
    gatewayUrl: gateway.url,
    forwardingSecret: process.env.CONSOLE_FORWARDING_SECRET,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  return {
    database,
    gateway,
    browser,
    baseUrl,
    async signedIn(role) {
      const page = await (await browser.newContext()).newPage();
      const login = new LoginPage(page);
      await login.goto(baseUrl);
      const { email, password } = demoAccount(role);
      await login.login(email, password);
      return page;
    },
    async stop() {
      await browser.close();
      admin.kill('SIGTERM');
      await gateway.stop();
      await database.close();
    },
  };
}
