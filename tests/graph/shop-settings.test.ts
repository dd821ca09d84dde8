import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { shopToday } from '@shop/kit/shop-time';
import { demoStaffHeaders, DEMO_PARTNER_KEY, bearer, customerLogin, DEMO_CUSTOMER } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { startGatewayWith, startSubgraphProcess, type SubgraphProcess } from '../kit/subgraph-process.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

const READ = `{ shopSettings { timeZone currencyCode weekStartsOn buddhistEra hijri } }`;
const UPDATE = `mutation ($input: ShopSettingsUpdateInput!) {
  shopSettingsUpdate(input: $input) { shopSettings { timeZone currencyCode weekStartsOn buddhistEra hijri } userErrors { field code message } }
}`;
const DEFAULTS = { timeZone: 'Asia/Bangkok', currencyCode: 'THB', weekStartsOn: 1, buddhistEra: true, hijri: false };

async function steppedUp(gateway: TestGateway, role: 'owner' | 'admin') {
  const headers = await demoStaffHeaders(gateway, role);
  const { body } = await gateway.query(
    `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
    { input: { password: `demo-${role}-password` } },
    headers,
  );
  return { ...headers, 'x-step-up': body.data.stepUpConfirm.stepUpToken as string };
}

const storedRows = async (database: TestDatabase) =>
  JSON.stringify(await database.db.execute(sql`select time_zone, currency_code, week_starts_on, buddhist_era, hijri from kit.shop_settings`));

describe.each(['in-process', 'distributed'] as const)('shop settings through the gateway (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    owner = await steppedUp(gateway, 'owner');
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('anyone reads the settings, the defaults before the first change', async () => {
    const { body } = await gateway.query(READ);
    expect(body.errors).toBeUndefined();
    expect(body.data.shopSettings).toEqual(DEFAULTS);
  });

  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['customer', 'FORBIDDEN'],
    ['partner', 'FORBIDDEN'],
    ['analyst', 'FORBIDDEN'],
    ['order_operator', 'FORBIDDEN'],
    ['owner without a step-up', 'STEP_UP_REQUIRED'],
    ['admin without a step-up', 'STEP_UP_REQUIRED'],
  ])('%s may not change them (%s), nothing written', async (who, code) => {
    const headers =
      who === 'anonymous'
        ? {}
        : who === 'customer'
          ? bearer(await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password))
          : who === 'partner'
            ? bearer(DEMO_PARTNER_KEY)
            : await demoStaffHeaders(gateway, who.split(' ')[0] as 'analyst');
    const before = await storedRows(database);
    const { body } = await gateway.query(UPDATE, { input: { timeZone: 'Asia/Riyadh' } }, headers);
    expect([code, 'FORBIDDEN']).toContain(body.errors?.[0]?.extensions?.code);
    if (code === 'STEP_UP_REQUIRED') expect(body.errors[0].extensions.code).toBe(code);
    expect(body.data?.shopSettingsUpdate ?? null).toBeNull();
    expect(await storedRows(database)).toBe(before);
  });

  it.each([
    [{ timeZone: 'Asia/Bangkokk' }, 'timeZone', 'UNKNOWN_TIME_ZONE'],
    [{ timeZone: '+07:00' }, 'timeZone', 'UNKNOWN_TIME_ZONE'],
    [{ timeZone: "Asia/Bangkok'; select 1" }, 'timeZone', 'UNKNOWN_TIME_ZONE'],
    [{ weekStartsOn: 0 }, 'weekStartsOn', 'INVALID'],
    [{ weekStartsOn: 8, timeZone: 'Asia/Riyadh' }, 'weekStartsOn', 'INVALID'],
  ])('%j is refused on %s with %s, nothing written', async (input, field, code) => {
    const before = await storedRows(database);
    const { body } = await gateway.query(UPDATE, { input }, owner);
    expect(body.errors).toBeUndefined();
    expect(body.data.shopSettingsUpdate.shopSettings).toBeNull();
    expect(body.data.shopSettingsUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', field], code })]);
    expect(await storedRows(database)).toBe(before);
  });

  it('a currency outside CurrencyCode is a coded validation error that names no internals', async () => {
    const { body } = await gateway.query(UPDATE, { input: { currencyCode: 'XXX' } }, owner);
    expect(body.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(JSON.stringify(body)).not.toMatch(/select|postgres|drizzle|\.ts:|at \w+ \(/i);
  });

  it('refusals read in the caller language', async () => {
    const { body } = await gateway.query(UPDATE, { input: { timeZone: 'Nowhere/Land' } }, { ...owner, 'accept-language': 'th-TH,th;q=0.9,en;q=0.5' });
    expect(body.data.shopSettingsUpdate.userErrors[0].message).toBe('ไม่ใช่ชื่อเขตเวลา เช่น Asia/Bangkok');
    const arabic = await gateway.query(UPDATE, { input: { weekStartsOn: 9 } }, { ...owner, 'accept-language': 'ar' });
    expect(arabic.body.data.shopSettingsUpdate.userErrors[0].message).toContain('الأسبوع');
  });

  it('owner and admin change them after a step-up; fields left out keep their value; the change is audited', async () => {
    const changed = await gateway.query(UPDATE, { input: { timeZone: 'Asia/Shanghai', weekStartsOn: 7, hijri: true } }, owner);
    expect(changed.body.data.shopSettingsUpdate).toEqual({
      shopSettings: { ...DEFAULTS, timeZone: 'Asia/Shanghai', weekStartsOn: 7, hijri: true },
      userErrors: [],
    });
    const admin = await steppedUp(gateway, 'admin');
    const again = await gateway.query(UPDATE, { input: { currencyCode: 'SAR', timeZone: 'Asia/Riyadh' } }, admin);
    expect(again.body.data.shopSettingsUpdate.shopSettings).toEqual({ ...DEFAULTS, timeZone: 'Asia/Riyadh', currencyCode: 'SAR', weekStartsOn: 7, hijri: true });
    expect((await gateway.query(READ)).body.data.shopSettings.timeZone).toBe('Asia/Riyadh');
    const [audit] = await database.db.execute<{ outcome: string; changes: unknown }>(
      sql`select outcome, changes from access.audit_log where root_fields @> array['shopSettingsUpdate'] order by id desc limit 1`,
    );
    expect(JSON.stringify(audit!.changes)).toContain('Asia/Shanghai');
    expect(JSON.stringify(audit!.changes)).toContain('Asia/Riyadh');
    await gateway.query(UPDATE, { input: DEFAULTS }, owner);
  });

  it('two concurrent changes of different fields both land', async () => {
    await Promise.all([
      gateway.query(UPDATE, { input: { weekStartsOn: 6 } }, owner),
      gateway.query(UPDATE, { input: { buddhistEra: false } }, owner),
    ]);
    expect((await gateway.query(READ)).body.data.shopSettings).toEqual({ ...DEFAULTS, weekStartsOn: 6, buddhistEra: false });
    await gateway.query(UPDATE, { input: DEFAULTS }, owner);
  });
});

describe('a zone change reaches another subgraph process within seconds (distributed)', () => {
  let database: TestDatabase;
  let members: SubgraphProcess;
  let gateway: TestGateway;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    members = await startSubgraphProcess('members', database.url);
    gateway = await startGatewayWith(database.db, 'members', members.url);
  }, 300_000);
  afterAll(async () => {
    await gateway?.stop();
    await members?.stop();
    await database?.close();
  });

  it("members' own 'today' (follow-ups due) moves with the zone", async () => {
    const owner = await steppedUp(gateway, 'owner');
    // Kiritimati (+14) and Pago Pago (−11) never share a date: a day that is today in one is ahead in the other.
    const setZone = (timeZone: string) => gateway.query(UPDATE, { input: { timeZone } }, owner);
    await setZone('Pacific/Pago_Pago');
    const day = shopToday(new Date(), 'Pacific/Kiritimati');
    const [member] = await database.db.execute<{ id: string }>(sql`select id from members.member order by created_at limit 1`);
    const added = await gateway.query(
      `mutation ($input: ContactLogAddInput!) { contactLogAdd(input: $input) { userErrors { code message } } }`,
      { input: { memberId: member!.id, channel: 'CALL', summary: 'call back on their day', followUpOn: day } },
      owner,
    );
    expect(added.body.data.contactLogAdd.userErrors).toEqual([]);
    const due = async () =>
      (await gateway.query(`{ contactFollowUpsDue(first: 100) { edges { node { followUpOn } } } }`, {}, owner)).body.data.contactFollowUpsDue.edges.map(
        (e: { node: { followUpOn: string } }) => e.node.followUpOn,
      );
    expect(await due()).not.toContain(day);
    const changedAt = Date.now();
    await setZone('Pacific/Kiritimati');
    await expect.poll(due, { timeout: 5_000, interval: 100 }).toContain(day);
    console.log(`members process followed the zone change in ${Date.now() - changedAt} ms`);
  });
});
