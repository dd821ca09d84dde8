import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { insertMembers, makeMember } from '../../members/test/factories.js';
import { checkCouponCode } from '../src/commands.js';
import { couponCode, couponMemberUsage } from '../src/coupon-codes/index.js';
import { insertCoupons, makeCoupon } from './factories.js';

const DAY = 86_400_000;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const check = (code: string, overrides: Partial<Parameters<typeof checkCouponCode>[1]> = {}) =>
  checkCouponCode(database.db, { code, memberId: null, currencyCode: 'THB', channel: 'ONLINE_STORE', at: new Date(), ...overrides });
const codeOf = async (code: string, overrides: Partial<Parameters<typeof checkCouponCode>[1]> = {}) => {
  const result = await check(code, overrides);
  return result.ok ? result.value.code : result.errors[0]!.code;
};

test('a running shared code is accepted in any case and answered upper case', async () => {
  await insertCoupons(database.db, [makeCoupon({ code: 'CARTOK' })]);
  expect(await codeOf(' cartok ')).toBe('CARTOK');
});

test('each refusal has its code; unknown, archived and another member\'s code read the same', async () => {
  const [member] = await insertMembers(database.db, [makeMember({ tier: 'SILVER' })]);
  const [, , , , , personal, limited] = await insertCoupons(database.db, [
    makeCoupon({ code: 'OLDONE', startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) }),
    makeCoupon({ code: 'LATERON', startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + 2 * DAY) }),
    makeCoupon({ code: 'APPONLY', channels: ['MOBILE_APP'] }),
    makeCoupon({ code: 'GOLDONLY', tiers: ['GOLD'] }),
    makeCoupon({ code: 'WITHDRAWN', archivedAt: new Date() }),
    makeCoupon({ code: null }),
    makeCoupon({ code: 'ONCEEACH', perMemberLimit: 1 }),
    makeCoupon({ code: 'USDONLY', currencyCode: 'USD' }),
  ]);
  await database.db.insert(couponCode).values({ couponId: personal!.id, code: 'SOMEONEELSE', memberId: randomUUID(), source: 'CLAIMED' });
  await database.db.insert(couponMemberUsage).values({ couponId: limited!.id, memberId: member!.id, used: 1 });
  expect(await codeOf('NOSUCH')).toBe('CODE_NOT_FOUND');
  expect(await codeOf('WITHDRAWN')).toBe('CODE_NOT_FOUND');
  expect(await codeOf('SOMEONEELSE', { memberId: member!.id })).toBe('CODE_NOT_FOUND');
  expect(await codeOf('SOMEONEELSE')).toBe('SIGN_IN_REQUIRED');
  expect(await codeOf('OLDONE')).toBe('ENDED');
  expect(await codeOf('LATERON')).toBe('NOT_STARTED');
  expect(await codeOf('APPONLY')).toBe('CHANNEL_NOT_ELIGIBLE');
  expect(await codeOf('APPONLY', { channel: 'MOBILE_APP' })).toBe('APPONLY');
  expect(await codeOf('GOLDONLY')).toBe('SIGN_IN_REQUIRED');
  expect(await codeOf('GOLDONLY', { memberId: member!.id })).toBe('NOT_ELIGIBLE');
  expect(await codeOf('ONCEEACH')).toBe('SIGN_IN_REQUIRED');
  expect(await codeOf('ONCEEACH', { memberId: member!.id })).toBe('LIMIT_REACHED');
  expect(await codeOf('USDONLY')).toBe('CURRENCY_MISMATCH');
});
