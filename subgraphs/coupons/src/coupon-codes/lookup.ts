// Finding what a typed code stands for: a coupon's shared code, or a personal or generated single-use code.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { coupon, type CouponRow } from '../tables.js';
import { couponCode, type CouponCodeRow } from './tables.js';

export interface FoundCode {
  coupon: CouponRow;
  /** The single-use code row; null for the coupon's shared code. */
  code: CouponCodeRow | null;
}

/** Codes as the customer may type them: trimmed, any case. */
export const canonicalCode = (code: string) => code.trim().toUpperCase();

/** What each code stands for (keys are canonical codes); codes that name nothing are absent. Two queries however many codes. */
export async function findCodes(tx: Db, codes: readonly string[]): Promise<Map<string, FoundCode>> {
  const wanted = [...new Set(codes.map(canonicalCode))].filter((c) => c.length > 0 && c.length <= 64);
  const found = new Map<string, FoundCode>();
  if (!wanted.length) return found;
  const list = sql`any(${sql.param(wanted)}::text[])`;
  const [shared, single] = await Promise.all([
    tx.select().from(coupon).where(sql`${coupon.code} = ${list}`),
    tx.select({ code: couponCode, coupon }).from(couponCode).innerJoin(coupon, eq(coupon.id, couponCode.couponId)).where(sql`${couponCode.code} = ${list}`),
  ]);
  for (const row of shared) found.set(row.code!, { coupon: row, code: null });
  for (const row of single) found.set(row.code.code, { coupon: row.coupon, code: row.code });
  return found;
}
