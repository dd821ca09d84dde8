import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { SegmentsPage } from './pages/segments-page.js';

const PREVIEW = `query ($rules: SegmentRulesInput!) { segmentPreview(rules: $rules) { count } }`;

// Segments in Chromium: a segment built from two rules shows its live size as the rules change,
// is saved, and appears in the list — in English and in Arabic (right to left).
describe.skipIf(!hasChromium)('segment builder in the admin console', () => {
  let stack: ConsoleStack;

  // The stack builds the console when its sources changed since the last build: minutes on a busy machine.
  beforeAll(async () => {
    stack = await startConsoleStack();
  }, 1_500_000);
  afterAll(() => stack?.stop());

  /** Tags five members with `a` and three of them also with `b`; answers what the API counts for both tags. */
  async function tagMembers(a: string, b: string): Promise<number> {
    const rows = await stack.database.db.execute<{ id: string }>(sql`select id from members.member where disabled_at is null order by created_at limit 5`);
    for (const [index, { id }] of rows.entries()) {
      await stack.database.db.execute(sql`update members.member set tags = ${sql.param(index < 3 ? [a, b] : [a])}::text[] where id = ${id}`);
    }
    const owner = { authorization: `Bearer ${await staffLogin(stack.gateway, 'owner@shop.test', 'demo-owner-password')}` };
    const { body } = await stack.gateway.query(PREVIEW, { rules: { groups: [{ rules: [{ kind: 'TAG', tag: a }, { kind: 'TAG', tag: b }] }] } }, owner);
    return body.data.segmentPreview.count as number;
  }

  async function buildAndSave(locale: 'en' | 'ar') {
    const a = `e2e-${locale}-a`;
    const b = `e2e-${locale}-b`;
    const both = await tagMembers(a, b);
    expect(both).toBe(3);
    const page = await stack.signedIn('customer_service');
    const list = new SegmentsPage(page);
    await list.goto(stack.baseUrl);
    if (locale === 'ar') {
      await list.setLocale('ar');
      await expect.poll(() => list.dir()).toBe('rtl');
    }
    const builder = await list.newSegment();
    const name = `E2E ${locale} segment`;
    await builder.setName(name);
    await builder.setKind(0, 'TAG');
    await builder.setTag(0, a);
    await expect.poll(() => builder.liveSize(), { timeout: 15_000 }).toBe(5);
    await builder.addRule();
    await builder.setTag(1, b);
    await expect.poll(() => builder.liveSize(), { timeout: 15_000 }).toBe(both);
    if (locale === 'ar') expect(await builder.previewText()).toContain('الحجم الحالي');
    const saved = await builder.save();
    await saved.row(name).waitFor();
    expect(await saved.row(name).textContent()).toContain(locale === 'ar' ? 'لم تُحدَّث بعد' : 'Not refreshed yet');
    if (locale === 'ar') expect(await saved.dir()).toBe('rtl');
    await page.context().close();
  }

  it('builds a segment with two rules, sees the live size, saves it and finds it in the list', () => buildAndSave('en'), 120_000);

  it('does the same in Arabic, laid out right to left', () => buildAndSave('ar'), 120_000);
});
