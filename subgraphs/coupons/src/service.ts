// Coupon reads: the list, lookups by id and the status derived from dates and archiving.
import { count } from 'drizzle-orm';
import { anyId, connectionOf, type ConnectionArgs, type Db } from '@shop/kit';
import { coupon, type CouponRow } from './tables.js';

export type CouponStatus = 'SCHEDULED' | 'ACTIVE' | 'EXPIRED' | 'ARCHIVED';

/** Where a coupon stands at `now`: archiving wins; the window is [startsAt, endsAt). */
export function couponStatus(row: Pick<CouponRow, 'startsAt' | 'endsAt' | 'archivedAt'>, now: Date): CouponStatus {
  if (row.archivedAt) return 'ARCHIVED';
  if (now < row.startsAt) return 'SCHEDULED';
  if (now >= row.endsAt) return 'EXPIRED';
  return 'ACTIVE';
}

/** One keyset page of coupons, newest first, archived ones included. `tx` may be the pool. */
export async function listCoupons(tx: Db, args: ConnectionArgs) {
  return connectionOf(args, {
    sort: coupon.createdAt,
    id: coupon.id,
    descending: true,
    rows: (page) => tx.select().from(coupon).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(coupon))[0]!.n,
  });
}

export function couponsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(coupon).where(anyId(coupon.id, ids));
}
