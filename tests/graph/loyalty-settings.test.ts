import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

const SETTINGS = `{ loyaltySettings { currencyCode earnPoints earnPer { amount } pointValue { amount } pointsExpireDays birthdayPoints winBackDays } }`;
const UPDATE = `mutation ($input: LoyaltySettingsUpdateInput!) {
  loyaltySettingsUpdate(input: $input) { settings { earnPoints earnPer { amount } pointValue { amount } } userErrors { code field } }
}`;

// The points programme's settings through the gateway: members:read reads them, members:write changes them,
// a bad value is a userError on its input field that changes nothing.
describe.each(['in-process', 'distributed'] as const)('loyalty settings (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    owner = { authorization: `Bearer ${await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password')}` };
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('answers the defaults, refuses a zero point value on its field, then saves a new rate', async () => {
    const before = (await gateway.query(SETTINGS, {}, owner)).body.data.loyaltySettings;
    expect(before).toMatchObject({ currencyCode: 'THB', earnPoints: 1, earnPer: { amount: '25.00' }, pointValue: { amount: '0.25' } });

    const refused = (await gateway.query(UPDATE, { input: { pointValue: '0' } }, owner)).body.data.loyaltySettingsUpdate;
    expect(refused).toEqual({ settings: null, userErrors: [{ code: 'INVALID', field: ['input', 'pointValue'] }] });
    expect((await gateway.query(SETTINGS, {}, owner)).body.data.loyaltySettings).toEqual(before);

    const saved = (await gateway.query(UPDATE, { input: { earnPoints: 3, earnPer: '100.00', pointValue: '0.50' } }, owner)).body.data.loyaltySettingsUpdate;
    expect(saved).toEqual({ settings: { earnPoints: 3, earnPer: { amount: '100.00' }, pointValue: { amount: '0.50' } }, userErrors: [] });
  });

  it('is FORBIDDEN without a session', async () => {
    const { body } = await gateway.query(UPDATE, { input: { earnPoints: 2 } }, {});
    expect(body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
