import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { refreshSegmentNow } from '../../subgraphs/members/test/factories.js';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { LoyaltyProgrammePage } from './pages/loyalty-programme-page.js';

const SETTINGS = `{ loyaltySettings { earnPoints earnPer { amount } birthdayPoints } }`;
const SEGMENT_CREATE = `mutation ($input: SegmentCreateInput!) { segmentCreate(input: $input) { segment { id } userErrors { code } } }`;

// The points programme in Chromium: a bad value is refused on its field and changes nothing; a good one is saved
// and read back through the API. The member 360 names the segments the member is in.
describe.skipIf(!hasChromium)('points programme and member segments in the admin console', () => {
  let stack: ConsoleStack;
  let owner: Record<string, string>;

  beforeAll(async () => {
    stack = await startConsoleStack();
    owner = { authorization: `Bearer ${await staffLogin(stack.gateway, 'owner@shop.test', 'demo-owner-password')}` };
  }, 1_500_000);
  afterAll(() => stack?.stop());

  const settings = async () => (await stack.gateway.query(SETTINGS, {}, owner)).body.data.loyaltySettings;

  it('refuses a zero point value on its field, then saves a new earn rate and birthday points', async () => {
    const before = await settings();
    const page = await stack.signedIn('customer_service');
    const programme = new LoyaltyProgrammePage(page);
    await programme.goto(stack.baseUrl);
    await programme.set('pointValue', '0');
    await programme.save();
    await expect.poll(() => programme.fieldError('pointValue'), { timeout: 15_000 }).toBeTruthy();
    expect(await settings()).toEqual(before);

    await programme.set('pointValue', '0.50');
    await programme.set('earnPer', '10.00');
    await programme.set('birthdayPoints', '250');
    await programme.save();
    await expect.poll(settings, { timeout: 15_000 }).toEqual({ earnPoints: before.earnPoints, earnPer: { amount: '10.00' }, birthdayPoints: 250 });
    await page.reload();
    await programme.form().waitFor();
    expect(await programme.field('birthdayPoints').inputValue()).toBe('250');
    await page.context().close();
  }, 120_000);

  it("lists the member's segments on the member 360", async () => {
    const [member] = await stack.database.db.execute<{ id: string }>(sql`select id from members.member where disabled_at is null order by created_at limit 1`);
    await stack.database.db.execute(sql`update members.member set tags = array_append(tags, 'e2e-vip') where id = ${member!.id}`);
    const { body } = await stack.gateway.query(SEGMENT_CREATE, { input: { name: 'E2E VIP', rules: { groups: [{ rules: [{ kind: 'TAG', tag: 'e2e-vip' }] }] } } }, owner);
    const segmentId = body.data.segmentCreate.segment.id as string;
    await refreshSegmentNow(stack.database.db, segmentId);
    const page = await stack.signedIn('customer_service');
    await page.goto(new URL(`/members/${member!.id}`, stack.baseUrl).toString());
    await expect.poll(() => page.getByTestId('member-segments').textContent(), { timeout: 15_000 }).toContain('E2E VIP');
    await page.context().close();
  }, 120_000);
});
