import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import {
  applyStoreCredit,
  earnPointsForOrder,
  redeemPoints,
  refundToStoreCredit,
  reversePointsForOrder,
  verifyLoyaltyLedgers,
} from '../src/commands.js';
import { expirePoints, reevaluateTiers } from '../src/loyalty/index.js';
import { adjustPoints, pointsBalancesOf } from '../src/loyalty/service.js';
import { loadTierRules, updateTierRules } from '../src/loyalty/tiers.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 12 });
});
afterAll(() => database.close());

const staff = (stepUpUntil: number | null): Principal => ({
  kind: 'staff', staffId: randomUUID(), sessionId: randomUUID(), roles: ['customer_service'], scopes: ['members:write'], stepUpUntil,
});

async function newMember(points = 0) {
  const [row] = await insertMembers(database.db, [makeMember({ points })]);
  return row!.id;
}

const balance = async (memberId: string) => (await pointsBalancesOf(database.db, [memberId]))[0]!;

describe('points earning', () => {
  test('an order earns at the settings rate (1 point per 25.00) once, however often it completes', async () => {
    const memberId = await newMember();
    const orderId = randomUUID();
    const first = await database.db.transaction((tx) => earnPointsForOrder(tx, { memberId, orderId, amountMinor: 100_000n, currency: 'THB' }));
    const again = await database.db.transaction((tx) => earnPointsForOrder(tx, { memberId, orderId, amountMinor: 100_000n, currency: 'THB' }));
    expect(first).toMatchObject({ ok: true, value: { points: 40, created: true, balance: 40 } });
    expect(again).toMatchObject({ ok: true, value: { points: 40, created: false, balance: 40 } });
    expect(await balance(memberId)).toBe(40);
  });

  test('the same order completing concurrently earns once', async () => {
    const memberId = await newMember();
    const orderId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => database.db.transaction((tx) => earnPointsForOrder(tx, { memberId, orderId, amountMinor: 50_000n, currency: 'THB' }))),
    );
    expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(1);
    expect(await balance(memberId)).toBe(20);
  });

  test('an order in another currency earns nothing: CURRENCY_MISMATCH', async () => {
    const memberId = await newMember();
    const result = await database.db.transaction((tx) => earnPointsForOrder(tx, { memberId, orderId: randomUUID(), amountMinor: 100_000n, currency: 'USD' }));
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'CURRENCY_MISMATCH' }] });
  });
});

describe('points redemption', () => {
  test('redeeming answers the money value (0.25 a point) and refuses beyond the balance with INSUFFICIENT_POINTS, leaving the transaction usable', async () => {
    const memberId = await newMember(100);
    const ok = await database.db.transaction((tx) => redeemPoints(tx, { memberId, orderId: randomUUID(), points: 60 }));
    expect(ok).toMatchObject({ ok: true, value: { points: 60, value: { amount: '15.00', currencyCode: 'THB' }, balance: 40 } });
    const after = await database.db.transaction(async (tx) => {
      const refused = await redeemPoints(tx, { memberId, orderId: randomUUID(), points: 41 });
      // The checkout goes on after a refusal: the transaction still answers.
      const [row] = await tx.execute<{ one: number }>(sql`select 1 as one`);
      return { refused, one: row!.one };
    });
    expect(after.refused).toMatchObject({ ok: false, errors: [{ code: 'INSUFFICIENT_POINTS', message: 'Only 40 points are available.' }] });
    expect(after.one).toBe(1);
    expect(await balance(memberId)).toBe(40);
  });

  test('100 concurrent redemptions of 7 points against 300: the balance never goes below zero and equals its ledger', async () => {
    const memberId = await newMember(300);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => database.db.transaction((tx) => redeemPoints(tx, { memberId, orderId: randomUUID(), points: 7 }))),
    );
    const succeeded = results.filter((r) => r.ok).length;
    expect(succeeded).toBe(42);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.errors[0]!.code === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(await balance(memberId)).toBe(300 - succeeded * 7);
    expect((await verifyLoyaltyLedgers(database.db)).mismatches).toEqual([]);
  });

  test('reversal returns redeemed points and takes back earned ones, once', async () => {
    const memberId = await newMember(100);
    const orderId = randomUUID();
    await database.db.transaction(async (tx) => {
      await redeemPoints(tx, { memberId, orderId, points: 50 });
      await earnPointsForOrder(tx, { memberId, orderId, amountMinor: 25_000n, currency: 'THB' });
    });
    expect(await balance(memberId)).toBe(60);
    const first = await database.db.transaction((tx) => reversePointsForOrder(tx, { memberId, orderId }));
    const again = await database.db.transaction((tx) => reversePointsForOrder(tx, { memberId, orderId }));
    expect(first).toMatchObject({ ok: true, value: { returned: 50, takenBack: 10, shortfall: 0, balance: 100 } });
    expect(again).toMatchObject({ ok: true, value: { returned: 0, takenBack: 0, balance: 100 } });
  });
});

describe('manual adjustments', () => {
  test('need a step-up, a reason, and never go below zero', async () => {
    const memberId = await newMember(10);
    await expect(database.db.transaction((tx) => adjustPoints(tx, staff(null), { memberId, delta: 5, reason: 'goodwill' }))).rejects.toMatchObject({
      extensions: { code: 'STEP_UP_REQUIRED' },
    });
    const stepped = staff(Date.now() + 60_000);
    expect(await database.db.transaction((tx) => adjustPoints(tx, stepped, { memberId, delta: 5, reason: '  ' }))).toMatchObject({
      ok: false, errors: [{ code: 'REASON_REQUIRED', field: ['input', 'reason'] }],
    });
    expect(await database.db.transaction((tx) => adjustPoints(tx, stepped, { memberId, delta: -11, reason: 'correction' }))).toMatchObject({
      ok: false, errors: [{ code: 'INSUFFICIENT_POINTS' }],
    });
    const done = await database.db.transaction((tx) => adjustPoints(tx, stepped, { memberId, delta: -10, reason: 'correction' }));
    expect(done).toMatchObject({ ok: true, value: { balance: 0, entry: { note: 'correction', reason: 'MANUAL', sourceKind: 'STAFF' } } });
  });
});

describe('store credit', () => {
  test('a refund credits once per refund id; applying more than the balance is INSUFFICIENT_CREDIT', async () => {
    const memberId = await newMember();
    const refundId = randomUUID();
    for (let i = 0; i < 2; i++) {
      await database.db.transaction((tx) => refundToStoreCredit(tx, { memberId, refundId, amountMinor: 12_050n, currency: 'THB' }));
    }
    const short = await database.db.transaction((tx) => applyStoreCredit(tx, { memberId, orderId: randomUUID(), amountMinor: 12_051n, currency: 'THB' }));
    expect(short).toMatchObject({ ok: false, errors: [{ code: 'INSUFFICIENT_CREDIT' }] });
    const paid = await database.db.transaction((tx) => applyStoreCredit(tx, { memberId, orderId: randomUUID(), amountMinor: 12_050n, currency: 'THB' }));
    expect(paid).toMatchObject({ ok: true, value: { applied: { amount: '120.50' }, balance: { amount: '0.00' } } });
  });
});

describe('expiry and tiers', () => {
  test('expiry takes only earned points past their date that were not spent, once per day', async () => {
    const memberId = await newMember();
    await database.db.transaction((tx) => earnPointsForOrder(tx, { memberId, orderId: randomUUID(), amountMinor: 250_000n, currency: 'THB' }));
    await database.db.transaction((tx) => redeemPoints(tx, { memberId, orderId: randomUUID(), points: 30 }));
    const later = new Date(Date.now() + 400 * 86_400_000);
    expect(await database.db.transaction((tx) => expirePoints(tx, memberId, later))).toBe(70);
    expect(await database.db.transaction((tx) => expirePoints(tx, memberId, later))).toBe(0);
    expect(await balance(memberId)).toBe(0);
  });

  test('a member reaches the highest tier whose spend rule they meet; rules must ascend', async () => {
    const memberId = await newMember();
    await database.db.transaction((tx) => earnPointsForOrder(tx, { memberId, orderId: randomUUID(), amountMinor: 3_500_000n, currency: 'THB' }));
    expect(await reevaluateTiers(database.db, [memberId])).toBe(1);
    const [row] = await database.db.execute<{ tier: string }>(sql`select tier from members.member where id = ${memberId}`);
    expect(row!.tier).toBe('GOLD');

    const changes: never[] = [];
    const bad = await database.db.transaction((tx) =>
      updateTierRules(tx, { rules: [{ tier: 'SILVER', basis: 'SPEND', threshold: '4000000', windowDays: 365, multiplierBp: 12_500, benefits: '' }] }, 'staff-1', changes),
    );
    expect(bad).toMatchObject({ ok: false, errors: [{ code: 'THRESHOLDS_NOT_ASCENDING' }] });
    const good = await database.db.transaction((tx) =>
      updateTierRules(tx, { rules: [{ tier: 'GOLD', basis: 'SPEND', threshold: '5000000', windowDays: 365, multiplierBp: 15_000, benefits: 'Free shipping' }] }, 'staff-1', changes),
    );
    expect(good.ok).toBe(true);
    expect((await loadTierRules(database.db)).find((r) => r.tier === 'GOLD')).toMatchObject({ threshold: 5_000_000n, benefits: 'Free shipping', updatedBy: 'staff-1' });
    expect(await reevaluateTiers(database.db, [memberId])).toBe(1);
    const [after] = await database.db.execute<{ tier: string }>(sql`select tier from members.member where id = ${memberId}`);
    expect(after!.tier).toBe('SILVER');
  });
});
