// Coupon templates: create, update and archive, each one transaction with the audit's change record.
import { eq, sql } from 'drizzle-orm';
import { changeOf, isId, ok, type ChangeRecord, type Db } from '@shop/kit';
import { couponCode } from '../coupon-codes/tables.js';
import { couponFail, type CouponResult } from '../errors/index.js';
import { coupon, type CouponRow } from '../tables.js';
import { couponValues, type CouponTemplateInput, type CouponValues } from './input.js';

/** What the audit log keeps of a template: everything but the counters, amounts as minor-unit strings (JSON has no bigint). */
const audited = (row: CouponRow): Record<string, unknown> => {
  const { issuedCount: _i, redeemedCount: _r, createdAt: _c, updatedAt: _u, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, typeof value === 'bigint' ? value.toString() : value]));
};

/** Whether a shared code is taken by another coupon or by any generated or personal code. */
async function codeTaken(tx: Db, code: string, exceptCouponId?: string): Promise<boolean> {
  const [row] = await tx.execute<{ taken: boolean }>(sql`
    select exists (select 1 from ${coupon} where ${coupon.code} = ${code} ${exceptCouponId ? sql`and ${coupon.id} <> ${exceptCouponId}` : sql``})
        or exists (select 1 from ${couponCode} where ${couponCode.code} = ${code}) as taken`);
  return row!.taken;
}

/** Creates a template from checked input. `tx` is the mutation's. */
export async function createCoupon(tx: Db, input: CouponTemplateInput, changes: ChangeRecord[]): Promise<CouponResult<CouponRow>> {
  const values = couponValues(input, null);
  if (!values.ok) return values;
  if (values.value.code && (await codeTaken(tx, values.value.code))) return couponFail('CODE_TAKEN', ['input', 'code']);
  // The unique constraint settles a race between two creates of one code.
  const [row] = await tx.insert(coupon).values(values.value).onConflictDoNothing().returning();
  if (!row) return couponFail('CODE_TAKEN', ['input', 'code']);
  changes.push({ entity: 'Coupon', id: row.id, before: {}, after: audited(row) });
  return ok(row);
}

/** The template locked for a write: it exists and is not archived. */
export async function writableCoupon(tx: Db, id: string, field: string[] = ['input', 'id']): Promise<CouponResult<CouponRow>> {
  if (!isId(id)) return couponFail('COUPON_NOT_FOUND', field);
  const [row] = await tx.select().from(coupon).where(eq(coupon.id, id)).for('update');
  if (!row) return couponFail('COUPON_NOT_FOUND', field);
  if (row.archivedAt) return couponFail('COUPON_ARCHIVED', field);
  return ok(row);
}

/**
 * Changes the fields given. The quantity may not go below what was already
 * handed out or redeemed (the row is locked, so no redemption slips between).
 */
export async function updateCoupon(tx: Db, id: string, input: CouponTemplateInput, changes: ChangeRecord[]): Promise<CouponResult<CouponRow>> {
  const found = await writableCoupon(tx, id);
  if (!found.ok) return found;
  const current = found.value;
  const values = couponValues(input, current as CouponValues);
  if (!values.ok) return values;
  const used = Math.max(current.issuedCount, current.redeemedCount);
  if (values.value.totalQuantity !== null && values.value.totalQuantity < used) {
    return couponFail('QUANTITY_BELOW_USED', ['input', 'totalQuantity'], { used });
  }
  if (values.value.code && values.value.code !== current.code && (await codeTaken(tx, values.value.code, id))) {
    return couponFail('CODE_TAKEN', ['input', 'code']);
  }
  const [row] = await tx.update(coupon).set({ ...values.value, updatedAt: new Date() }).where(eq(coupon.id, id)).returning();
  const change = changeOf('Coupon', id, audited(current), audited(row!));
  if (change) changes.push(change);
  return ok(row!);
}

/** Archives a template: no longer claimable, issuable or redeemable; redemptions already made stay. */
export async function archiveCoupon(tx: Db, id: string, changes: ChangeRecord[]): Promise<CouponResult<CouponRow>> {
  const found = await writableCoupon(tx, id);
  if (!found.ok) return found;
  const [row] = await tx.update(coupon).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(coupon.id, id)).returning();
  changes.push({ entity: 'Coupon', id, before: { archived: false }, after: { archived: true } });
  return ok(row!);
}
