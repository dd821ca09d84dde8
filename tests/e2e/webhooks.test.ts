import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '@shop/access';
import { publishEvent } from '@shop/kit/domain-events';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { queuedJobs } from '../kit/jobs.js';
import { startPartnerEndpoint, type PartnerEndpoint } from '../kit/webhook-partner.js';
import { setConsoleLocale } from './pages/console-locale.js';
import { WebhooksPage } from './pages/webhooks-page.js';

// Partner webhooks in real Chromium: subscribe (secret shown once), a failing endpoint's delivery in the log with its
// attempt, redeliver, delivered; in English and Arabic (right to left); hidden from roles without webhooks:manage.
describe.skipIf(!hasChromium)('partner webhooks in the admin console', () => {
  let stack: ConsoleStack;
  let partner: PartnerEndpoint;

  const runQueued = async (task: string) => {
    const db = stack.database.db;
    const jobs = await queuedJobs(db, task);
    await db.execute(sql`delete from graphile_worker._private_jobs j using graphile_worker._private_tasks t where t.id = j.task_id and t.identifier = ${task}`);
    for (const job of jobs) await access.tasks[task]!(job.payload, db);
  };

  beforeAll(async () => {
    stack = await startConsoleStack();
    partner = await startPartnerEndpoint();
    // The first run builds the console.
  }, 1_500_000);
  afterAll(async () => {
    await partner?.close();
    await stack?.stop();
  });

  it('an owner subscribes, sees a failed attempt in the log, redelivers it and sees it delivered; in Arabic the page is right to left', async () => {
    const page = await stack.signedIn('owner');
    page.on('pageerror', (error) => console.error('page error:', error.message));
    const webhooks = new WebhooksPage(page);
    await webhooks.goto(stack.baseUrl);
    await webhooks.create(partner.url, ['Shipment delivered']);
    console.log('e2e webhooks: create submitted');
    const secret = await webhooks.takeSecret();
    console.log('e2e webhooks: secret shown');
    expect(secret).toMatch(/^whsec_/);
    partner.setSecret(secret);
    await expect.poll(() => webhooks.subscriptionRows().count()).toBe(1);

    partner.failNext(1);
    await stack.database.db.transaction((tx) =>
      publishEvent(tx, { type: 'shipment.delivered', subject: { orderId: randomUUID(), orderNumber: 'SO-E2E', memberId: null }, data: { status: 'DELIVERED' } }),
    );
    await runQueued('access.webhookFanOut');
    await runQueued('access.webhookDeliver');

    console.log('e2e webhooks: delivered once with a failure');
    await webhooks.goto(stack.baseUrl, 'RETRYING');
    const row = webhooks.deliveryRows().first();
    await expect.poll(() => row.getAttribute('data-status')).toBe('RETRYING');
    await webhooks.expand(row);
    await expect.poll(() => page.getByText('HTTP 500').count()).toBeGreaterThan(0);

    console.log('e2e webhooks: attempt shown');
    await row.getByTestId('webhook-redeliver').click();
    // The first failure already queued its retry (at +30 s): wait for the redelivery itself, which sets PENDING.
    const status = async () => (await stack.database.db.execute<{ status: string }>(sql`select status from access.webhook_delivery`))[0]?.status;
    await expect.poll(status).toBe('PENDING');
    await runQueued('access.webhookDeliver');
    await webhooks.goto(stack.baseUrl, 'DELIVERED');
    await expect.poll(() => webhooks.deliveryRows().first().getAttribute('data-status')).toBe('DELIVERED');
    expect(partner.processed).toHaveLength(1);

    console.log('e2e webhooks: delivered after redelivery');
    await setConsoleLocale(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByText('خطافات الويب للشركاء').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 240_000);

  it('a catalog manager has no webhooks navigation and the page answers 403', async () => {
    const page = await stack.signedIn('catalog_manager');
    await expect.poll(() => page.getByTestId('nav-products').count()).toBe(1);
    expect(await page.getByTestId('nav-webhooks').count()).toBe(0);
    await page.goto(new URL('/webhooks', stack.baseUrl).toString());
    await expect.poll(() => page.getByTestId('forbidden').count()).toBe(1);
    await page.context().close();
  });
});
