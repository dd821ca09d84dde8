import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { startWorker } from '@shop/kit/jobs';
import { hasChromium } from '../kit/browser.js';
import { ownerHeaders } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { MemberPrivacyPage } from './pages/member-privacy-page.js';
import { demoAccount } from './pages/login-page.js';

// A member's data export and erasure from the member 360 page, in real Chromium with the job worker running.
describe.skipIf(!hasChromium)('member privacy in the admin console', () => {
  let stack: ConsoleStack;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let memberId: string;

  beforeAll(async () => {
    stack = await startConsoleStack();
    worker = await startWorker(stack.database.url, stack.database.db, SUBGRAPHS, { pollInterval: 100 });
    const { body } = await stack.gateway.query(
      `mutation ($input: MemberCreateInput!) { memberCreate(input: $input) { member { id } userErrors { code } } }`,
      { input: { profile: { displayName: 'Privacy E2E', email: 'privacy.e2e@example.test', phone: '081 555 0142' } } },
      await ownerHeaders(stack.gateway),
    );
    memberId = body.data.memberCreate.member.id;
  }, 900_000);

  afterAll(async () => {
    await worker?.stop();
    await stack?.stop();
  });

  it('exports the data (progress, then a download that holds the profile) and erases after a typed confirmation', async () => {
    const { password } = demoAccount('customer_service');
    const page = await stack.signedIn('customer_service');
    const privacy = new MemberPrivacyPage(page);
    await privacy.goto(stack.baseUrl, memberId);
    await privacy.exportData(password);
    const href = await privacy.downloadHref();
    const file = await page.request.get(new URL(href, stack.baseUrl).toString());
    expect(file.status()).toBe(200);
    expect((await file.json()).members.profile).toMatchObject({ id: memberId, email: 'privacy.e2e@example.test' });

    await privacy.erase('E2E ticket 42', 'ERASE', password);
    await expect.poll(async () => (await privacy.rows().allTextContents()).join(' | '), { timeout: 60_000 }).toMatch(/Erasure.*Done/);
    await page.reload();
    await expect.poll(async () => (await privacy.rows().allTextContents()).join(' | '), { timeout: 10_000 }).toMatch(/Data export.*Expired/);
    await page.context().close();
  }, 300_000);

  it('shows the privacy section in Arabic, right to left', async () => {
    const page = await stack.signedIn('customer_service');
    await page.context().addCookies([{ name: 'locale', value: 'ar', url: stack.baseUrl }]);
    const privacy = new MemberPrivacyPage(page);
    await privacy.goto(stack.baseUrl, memberId);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await privacy.section().locator('h2').textContent()).toBe('الخصوصية');
    expect(await page.getByTestId('privacy-export').textContent()).toBe('تصدير البيانات');
    await page.context().close();
  });

  it('has no privacy section for staff without members:write and members:read_pii', async () => {
    const page = await stack.signedIn('marketing');
    await page.goto(new URL(`/members/${memberId}`, stack.baseUrl).toString());
    await page.getByTestId('member-profile').waitFor();
    expect(await page.getByTestId('member-privacy').count()).toBe(0);
    await page.context().close();
  });
});
