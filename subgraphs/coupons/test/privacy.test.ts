import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mutate } from '@shop/kit/mutation';
import { privacyTaskName, reportPrivacyPartsWith } from '@shop/kit/privacy-parts';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { couponCode, redeemCoupons } from '../src/coupon-codes/index.js';
import { coupons } from '../src/index.js';
import { insertCoupons, makeCoupon } from './factories.js';

let database: TestDatabase;
const reported: { requestId: string; domain: string; data?: unknown }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // Members records parts in the full graph; here the report is only captured.
  reportPrivacyPartsWith(async (_tx, requestId, domain, data) => {
    reported.push({ requestId, domain, data });
  });
});
afterAll(() => database.close());

test("coupons' privacy part exports the member's codes and redemptions (and no one else's), and erasure reports its part", async () => {
  const memberId = randomUUID();
  const [row] = await insertCoupons(database.db, [makeCoupon({ code: null })]);
  await database.db.insert(couponCode).values([
    { couponId: row!.id, code: `MINE${randomUUID().slice(0, 6).toUpperCase()}`, memberId, source: 'CLAIMED' },
    { couponId: row!.id, code: `OTHER${randomUUID().slice(0, 6).toUpperCase()}`, memberId: randomUUID(), source: 'CLAIMED' },
  ]);
  const [mine] = await database.db.select().from(couponCode).where(eq(couponCode.memberId, memberId));
  const orderId = randomUUID();
  const redeemed = await mutate(database.db, (tx) =>
    redeemCoupons(tx, {
      orderId,
      memberId,
      result: { currencyCode: 'THB', applied: [{ ruleId: `coupon:${mine!.code}`, source: 'COUPON', stage: 'ORDER', title: 't', amountMinor: 500n, lines: [] }] },
    } as Parameters<typeof redeemCoupons>[1]),
  );
  expect(redeemed.ok).toBe(true);

  const requestId = randomUUID();
  await coupons.tasks[privacyTaskName('coupons', 'EXPORT')]!({ requestId, memberId }, database.db);
  const part = reported.find((r) => r.requestId === requestId)!;
  expect(part.domain).toBe('coupons');
  const data = part.data as { codes: { code: string }[]; redemptions: { orderId: string; memberId: string }[] };
  expect(data.codes.map((c) => c.code)).toEqual([mine!.code]);
  expect(data.redemptions).toEqual([expect.objectContaining({ orderId, memberId })]);

  const eraseId = randomUUID();
  await coupons.tasks[privacyTaskName('coupons', 'ERASE')]!({ requestId: eraseId, memberId }, database.db);
  expect(reported.find((r) => r.requestId === eraseId)).toMatchObject({ domain: 'coupons' });
});
