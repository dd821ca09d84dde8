import { randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { coupon } from '../src/tables.js';

type CouponInsert = typeof coupon.$inferInsert;

const DAY = 86_400_000;
let sequence = 0;

/** A valid 10%-off coupon running from yesterday to next week; each call gets a unique code and later createdAt. */
export function makeCoupon(overrides: Partial<CouponInsert> = {}): CouponInsert {
  sequence += 1;
  return {
    id: randomUUID(),
    code: `SAVE${sequence}`,
    title: `Save ${sequence}`,
    kind: 'PERCENTAGE',
    value: 10n,
    currencyCode: 'THB',
    minimumSpendMinor: 0n,
    startsAt: new Date(Date.now() - DAY),
    endsAt: new Date(Date.now() + 7 * DAY),
    createdAt: new Date(Date.UTC(2026, 0, 1) + sequence * 60_000),
    ...overrides,
  };
}

export async function insertCoupons(db: Db, rows: CouponInsert[]) {
  return db.insert(coupon).values(rows).returning();
}
