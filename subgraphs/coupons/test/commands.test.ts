import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { insertMembers, makeMember } from '../../members/test/factories.js';
import { commitPricing, priceForOrder, releasePricing } from '../src/commands.js';
import { promotion } from '../src/promotions/tables.js';

let database: TestDatabase;
const gold = makeMember({ tier: 'GOLD' });

beforeAll(async () => {
  database = await createTestDatabase();
  await insertMembers(database.db, [gold]);
  await database.db.insert(promotion).values([
    {
      kind: 'TIERED_SPEND', lifecycle: 'ACTIVE', titles: { en: 'Spend 500 save 50' }, currencyCode: 'THB',
      spendTiers: [{ thresholdMinor: '50000', offMinor: '5000' }],
    },
    { kind: 'TIER_PRICE', lifecycle: 'ACTIVE', titles: { en: 'Gold 10%' }, currencyCode: 'THB', percentBp: 1000, memberTiers: ['GOLD'] },
    { kind: 'PERCENT_OFF', lifecycle: 'DRAFT', titles: { en: 'Draft' }, currencyCode: 'THB', percentBp: 9000 },
  ]);
});
afterAll(() => database.close());

const line = (unitPriceMinor: bigint, quantity = 1) => ({ variantId: randomUUID(), productId: randomUUID(), quantity, unitPriceMinor });
const base = {
  currencyCode: 'THB', channel: 'ONLINE_STORE', at: new Date(), couponCodes: [],
  shipping: { feeMinor: 5000n, freeFromMinor: 100_000n },
};

test('priceForOrder applies active promotions with the member standing, explains the rest, and prices points as a payment', async () => {
  const guest = await priceForOrder(database.db, { ...base, memberId: null, lines: [line(38_000n)] });
  expect(guest.result.applied).toEqual([]);
  expect(guest.result.rejected.map((r) => r.reason.code).sort()).toEqual(['MIN_SPEND_NOT_MET', 'SIGN_IN_REQUIRED']);
  expect(guest.result.totalMinor).toBe(43_000n);

  const member = await priceForOrder(database.db, { ...base, memberId: gold.id, lines: [line(30_000n), line(30_000n)], pointsToRedeem: 10 });
  expect(member.request.cart.member).toMatchObject({ tier: 'GOLD' });
  // 600 − 10% (60) = 540 ≥ 500 → 50 off: 490, plus 50 shipping; points pay what they are worth.
  expect(member.result.applied.map((a) => [a.source, a.stage, a.amountMinor])).toEqual([
    ['TIER_PRICE', 'ITEM', 6000n],
    ['PROMOTION', 'ORDER', 5000n],
    ['POINTS', 'PAYMENT', member.result.paidMinor],
  ]);
  expect(member.result.shippingMinor).toBe(5000n);
  expect(member.result.totalMinor).toBe(49_000n + 5000n - member.result.paidMinor);
});

test('commitPricing and releasePricing run every source (none of promotions holds anything)', async () => {
  const priced = await priceForOrder(database.db, { ...base, memberId: null, lines: [line(1000n)] });
  const orderId = randomUUID();
  expect(await commitPricing(database.db, { orderId, memberId: null, request: priced.request, result: priced.result })).toEqual({ ok: true, value: {} });
  await expect(releasePricing(database.db, orderId)).resolves.toBeUndefined();
});
