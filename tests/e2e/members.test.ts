import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopToday } from '@shop/kit/shop-time';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { demoAccount } from './pages/login-page.js';
import { FollowUpsPage, MembersListPage, type MemberPage } from './pages/member-page.js';

const MEMBER_CREATE = `mutation ($input: MemberCreateInput!) {
  memberCreate(input: $input) { member { id } userErrors { code message } }
}`;

// Members in Chromium, as customer service works: find a member, edit them, tag them, log a call
// with a follow-up and find it among the follow-ups due; the 360 page and the call again in Arabic.
describe.skipIf(!hasChromium)('members in the admin console', () => {
  let stack: ConsoleStack;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await startConsoleStack();
    baseUrl = stack.baseUrl;
  });

  afterAll(() => stack?.stop());

  /** A member no seeded one resembles, created through the gateway as a till would; their id and name. */
  async function newMember(prefix: string): Promise<{ id: string; name: string }> {
    const { email, password } = demoAccount('customer_service');
    const token = await staffLogin(stack.gateway, email, password);
    const n = randomInt(100_000, 1_000_000);
    const name = `${prefix} ${n}`;
    const profile = { displayName: name, email: `e2e-${n}@example.test`, phone: `08${randomInt(1, 10)} ${randomInt(100, 1000)} ${randomInt(1000, 10000)}` };
    const { body } = await stack.gateway.query(MEMBER_CREATE, { input: { profile } }, { authorization: `Bearer ${token}` });
    const id = body.data?.memberCreate?.member?.id as string | undefined;
    if (!id) throw new Error(JSON.stringify(body));
    return { id, name };
  }

  async function openMember(page: Page, name: string, locale?: string): Promise<{ list: MembersListPage; member: MemberPage }> {
    // A stuck step fails naming its locator, well inside the test's own timeout.
    page.setDefaultTimeout(20_000);
    const list = new MembersListPage(page);
    await list.goto(baseUrl);
    if (locale) await list.setLocale(locale);
    await list.search(name);
    await expect.poll(() => list.rows().count()).toBe(1);
    return { list, member: await list.open(name) };
  }

  it('searches, edits the profile, adds a tag, logs a call with a follow-up, finds it among the follow-ups due and marks it done', async () => {
    const { id, name } = await newMember('E2E Somchai');
    const page = await stack.signedIn('customer_service');
    const { list, member } = await openMember(page, name);

    await member.editProfile({ givenName: 'Somchai', notes: 'Prefers LINE in the evening' });
    await expect.poll(() => member.profileText()).toContain('Prefers LINE in the evening');

    await member.addTag('vip-e2e');
    await page.reload();
    await member.ready();
    expect(await member.tags()).toContain('vip-e2e');

    const today = shopToday();
    await member.logCall('Asked about the size exchange; call back with stock news', today);
    const entry = member.contactEntries().first();
    expect(await entry.getAttribute('data-channel')).toBe('CALL');
    expect(await entry.textContent()).toContain('Asked about the size exchange');
    expect(await entry.getByTestId('contact-follow-up-tag').count()).toBe(1);

    // The follow-up is due today in the shop's calendar: the follow-ups page lists it, linked to the member.
    await list.goto(baseUrl);
    const followUps = new FollowUpsPage(page);
    await followUps.openFromTab();
    await expect.poll(() => followUps.rowsOf(id).count()).toBe(1);
    expect(await followUps.rowsOf(id).textContent()).toContain('Asked about the size exchange');
    // Done, it leaves the list.
    await followUps.markDone(id);
    expect(await followUps.rowsOf(id).count()).toBe(0);
    await page.context().close();
  }, 240_000);

  it('opens the 360 page and logs a call in Arabic, laid out right to left', async () => {
    const { name } = await newMember('E2E Fatima');
    const page = await stack.signedIn('customer_service');
    const { member } = await openMember(page, name, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await member.contactLogTitle()).toContain('سجل التواصل');
    expect(await page.getByTestId('contact-log-submit').textContent()).toContain('تسجيل التواصل');

    await member.logCall('سأل عن استبدال المقاس');
    const entry = member.contactEntries().first();
    expect(await entry.getAttribute('data-channel')).toBe('CALL');
    expect(await entry.textContent()).toContain('مكالمة');
    expect(await entry.textContent()).toContain('سأل عن استبدال المقاس');
    expect(await member.contactEntries().count()).toBe(1);
    await page.context().close();
  }, 120_000);
});
