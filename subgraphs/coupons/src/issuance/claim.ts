// A customer claims a coupon in the storefront: a personal single-use code within the per-member limit and the quantity.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isMemberInSegment } from '@shop/members/commands';
import { isId, ok, type Db } from '@shop/kit';
import { couponCode, couponMemberUsage, type CouponCodeRow } from '../coupon-codes/tables.js';
import { couponFail, type CouponResult } from '../errors/index.js';
import { couponStatus } from '../service.js';
import { coupon, type CouponRow } from '../tables.js';
import { randomCodes } from './codes.js';

/**
 * Takes up to `n` of the coupon's quantity and answers how many it got: the
 * row is locked first, so parallel issuers queue and the total is never
 * passed (the table's check refuses it besides). FOR NO KEY UPDATE: the code
 * and usage rows a parallel claim inserts hold a KEY SHARE lock on the coupon
 * (their foreign key), which FOR UPDATE would deadlock with. `tx` is the caller's.
 */
export async function takeQuantity(tx: Db, couponId: string, n: number): Promise<number> {
  const [row] = await tx.select({ issued: coupon.issuedCount, total: coupon.totalQuantity }).from(coupon).where(eq(coupon.id, couponId)).for('no key update');
  if (!row) return 0;
  const granted = row.total === null ? n : Math.max(0, Math.min(n, row.total - row.issued));
  if (granted > 0) await tx.update(coupon).set({ issuedCount: row.issued + granted, updatedAt: new Date() }).where(eq(coupon.id, couponId));
  return granted;
}

/** Gives back quantity taken for codes that were not made after all (a rerun found them made). */
export async function returnQuantity(tx: Db, couponId: string, n: number): Promise<void> {
  if (n > 0) await tx.update(coupon).set({ issuedCount: sql`${coupon.issuedCount} - ${n}` }).where(eq(coupon.id, couponId));
}

/** Inserts one code row under a fresh random code, trying again on the (astronomically rare) collision. */
export async function insertPersonalCode(tx: Db, values: Omit<typeof couponCode.$inferInsert, 'code'>): Promise<CouponCodeRow> {
  for (;;) {
    const [row] = await tx.insert(couponCode).values({ ...values, code: randomCodes(1)[0]! }).onConflictDoNothing().returning();
    if (row) return row;
  }
}

/** Whether the member may hold the coupon by its segments (any of them); tiers are checked when it is used. */
async function inSegments(tx: Db, row: CouponRow, memberId: string): Promise<boolean> {
  if (!row.segmentIds.length) return true;
  for (const segmentId of row.segmentIds) if (await isMemberInSegment(tx, segmentId, memberId)) return true;
  return false;
}

/**
 * The signed-in customer's claim: the coupon is claimable and running, the
 * member is in its segments, holds fewer claims than the per-member limit (a
 * conditional upsert, so parallel claims of one member cannot pass it) and
 * the quantity has one left. `tx` is the mutation's.
 */
export async function claimCoupon(tx: Db, memberId: string, couponId: string, now: Date = new Date()): Promise<CouponResult<{ code: CouponCodeRow; coupon: CouponRow }>> {
  const field = ['input', 'couponId'];
  if (!isId(couponId)) return couponFail('COUPON_NOT_FOUND', field);
  const [row] = await tx.select().from(coupon).where(and(eq(coupon.id, couponId), isNull(coupon.archivedAt)));
  if (!row || !row.claimable) return couponFail(row ? 'NOT_CLAIMABLE' : 'COUPON_NOT_FOUND', field);
  const status = couponStatus(row, now);
  if (status === 'SCHEDULED') return couponFail('NOT_STARTED', field);
  if (status === 'EXPIRED') return couponFail('ENDED', field);
  if (!(await inSegments(tx, row, memberId))) return couponFail('NOT_ELIGIBLE', field);
  const [held] = await tx
    .insert(couponMemberUsage)
    .values({ couponId, memberId, claimed: 1 })
    .onConflictDoUpdate({
      target: [couponMemberUsage.couponId, couponMemberUsage.memberId],
      set: { claimed: sql`${couponMemberUsage.claimed} + 1` },
      setWhere: sql`${row.perMemberLimit}::int is null or ${couponMemberUsage.claimed} < ${row.perMemberLimit}::int`,
    })
    .returning();
  if (!held) return couponFail('LIMIT_REACHED', field, { limit: row.perMemberLimit ?? 0 });
  if ((await takeQuantity(tx, couponId, 1)) < 1) return couponFail('SOLD_OUT', field);
  const code = await insertPersonalCode(tx, { couponId, memberId, source: 'CLAIMED' });
  return ok({ code, coupon: row });
}
