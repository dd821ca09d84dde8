import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { startWorker } from '@shop/kit/jobs';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { hasChromium } from '../kit/browser.js';
import { DEMO_CUSTOMER } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { MemberPage } from './pages/member-page.js';

/** The shop's calendar (SHOP_TIME_ZONE is unset in tests: the default). */
const SHOP_TIME_ZONE = 'Asia/Bangkok';

// A member's purchase statistics on the member 360 page, in real Chromium, in English and Arabic.
describe.skipIf(!hasChromium)('member statistics in the console', () => {
  let stack: ConsoleStack;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let memberId: string;
  let expected: { count: number; first: Date; last: Date };

  beforeAll(async () => {
    stack = await startConsoleStack();
    // The seed queued the order-facts backfill; the worker turns it into statistics.
    worker = await startWorker(stack.database.url, stack.database.db, SUBGRAPHS, { pollInterval: 100 });
    const [demo] = await stack.database.db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
    memberId = demo!.id;
    const [orders] = await stack.database.db.execute<{ count: number; first: string; last: string }>(sql`
      select count(*)::int as count, min(created_at) as first, max(created_at) as last
      from orders."order" where member_id = ${memberId} and status not in ('CANCELLED', 'CLOSED')`);
    expected = { count: orders!.count, first: new Date(orders!.first), last: new Date(orders!.last) };
    await vi.waitFor(
      async () => {
        const [held] = await stack.database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.member_statistics where member_id = ${memberId}`);
        expect(held!.n).toBe(1);
      },
      { timeout: 120_000, interval: 500 },
    );
  }, 600_000);

  afterAll(async () => {
    await worker?.stop();
    await stack?.stop();
  });

  const onShopCalendar = (date: Date, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: SHOP_TIME_ZONE }).format(date);

  it('shows orders, totals and first and last order on the shop calendar, in English and in Arabic', async () => {
    const page = await stack.signedIn('customer_service');
    const member = new MemberPage(page);
    await member.goto(stack.baseUrl, memberId);
    await member.statistics().waitFor();
    expect(await member.statistics().locator('h2').innerText()).toBe('Purchase statistics');
    const [row] = await member.statisticsRows();
    expect(row![0]).toBe(new Intl.NumberFormat('en').format(expected.count));
    expect(row![1]).toMatch(/^THB|฿/);
    expect(row![3]).toBe(onShopCalendar(expected.first, 'en'));
    expect(row![4]).toBe(onShopCalendar(expected.last, 'en'));

    await page.context().addCookies([{ name: 'locale', value: 'ar', url: stack.baseUrl }]);
    await member.goto(stack.baseUrl, memberId);
    await member.statistics().waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await member.statistics().locator('h2').innerText()).toBe('إحصاءات الشراء');
    const [arabic] = await member.statisticsRows();
    expect(arabic![3]).toBe(onShopCalendar(expected.first, 'ar'));
    await page.context().close();
  }, 120_000);

  it('a member with no counted order sees the empty state', async () => {
    const [fresh] = await stack.database.db.execute<{ id: string }>(sql`
      insert into members.member (display_name, email) values ('No orders', ${`no-orders-${randomUUID()}@example.test`}) returning id`);
    const page = await stack.signedIn('customer_service');
    const member = new MemberPage(page);
    await member.goto(stack.baseUrl, fresh!.id);
    await member.statistics().waitFor();
    expect(await member.statisticsRows()).toEqual([]);
    expect(await member.statisticsEmptyText()).toBe('No counted orders yet');
    await page.context().close();
  }, 120_000);
});
