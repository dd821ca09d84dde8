// TEMPORARY (helper H4)
import { spawn } from 'node:child_process';
export async function h4Stack() {
  const { seedDemo } = await import('@shop/gateway/seed/index');
  const { demoAccount, LoginPage } = await import('./pages/login-page.js');
  const { freePort, launchChromium } = await import('../kit/browser.js');
  const { startTestGateway } = await import('../kit/gateway.js');
  const { createTestDatabase } = await import('../kit/test-db.js');
  return {
    async startConsoleStack() {
      const database = await createTestDatabase();
      await seedDemo(database.db, { scale: 1 });
      const gateway = await startTestGateway('in-process', database.db);
      const port = await freePort();
      const dir = '/work/main/.h4-wa';
      const admin = spawn(`${dir}/node_modules/.bin/next`, ['start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: dir,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GATEWAY_URL: gateway.url },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      for (let i = 0; i < 240; i++) {
        const up = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' }).then(() => true).catch(() => false);
        if (up) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const baseUrl = `http://127.0.0.1:${port}`;
      const browser = await launchChromium();
      return {
        database, gateway, browser, baseUrl,
        async signedIn(role: string) {
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
    },
  };
}
