// Tables of coupon codes and their redemptions: personal and generated codes, who used what, per-member counts.
import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coupon, coupons } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const CODE_SOURCES = ['CLAIMED', 'ISSUED', 'GENERATED'] as const;
export type CodeSource = (typeof CODE_SOURCES)[number];

/**
 * A single-use code of a coupon: claimed by a customer, pushed to a member by
 * staff (both bound to that member) or generated in bulk (anyone's). A code is
 * used by at most one order at a time: redeemedOrderId is set by a conditional
 * UPDATE at checkout and cleared when that order is cancelled.
 */
export const couponCode = coupons.table(
  'coupon_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    couponId: uuid('coupon_id').notNull().references(() => coupon.id),
    /** Upper case; unique across generated codes (shared codes are checked against them on write). */
    code: text('code').notNull().unique(),
    /** The member the code belongs to (claimed or pushed); null for generated codes anyone may type. */
    memberId: uuid('member_id'),
    source: text('source').$type<CodeSource>().notNull(),
    /** The generation batch or segment push that made it. */
    batchId: uuid('batch_id'),
    redeemedOrderId: uuid('redeemed_order_id'),
    redeemedAt: at('redeemed_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('coupon_code_member_idx').on(t.memberId, t.createdAt),
    index('coupon_code_batch_idx').on(t.batchId, t.code),
    // A push job that runs again hands nobody a second code.
    uniqueIndex('coupon_code_batch_member_idx').on(t.batchId, t.memberId).where(sql`${t.batchId} is not null and ${t.memberId} is not null`),
    check('coupon_code_source', sql`${t.source} in ('CLAIMED', 'ISSUED', 'GENERATED')`),
  ],
);

/**
 * One coupon used by one order. released_at is set once, when the order is
 * cancelled or expires: the conditional UPDATE that sets it is what gives the
 * counters back exactly once.
 */
export const couponRedemption = coupons.table(
  'coupon_redemption',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    couponId: uuid('coupon_id').notNull().references(() => coupon.id),
    /** The personal or generated code used; null for the coupon's shared code. */
    codeId: uuid('code_id').references(() => couponCode.id),
    code: text('code').notNull(),
    orderId: uuid('order_id').notNull(),
    memberId: uuid('member_id'),
    discountMinor: bigint('discount_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    redeemedAt: at('redeemed_at').notNull().defaultNow(),
    releasedAt: at('released_at'),
  },
  (t) => [
    unique('coupon_redemption_order_coupon').on(t.orderId, t.couponId),
    index('coupon_redemption_coupon_idx').on(t.couponId, t.redeemedAt),
    check('coupon_redemption_discount_not_negative', sql`${t.discountMinor} >= 0`),
  ],
);

/**
 * What one member holds of a coupon: redemptions by live orders and claims.
 * The per-member limit is a conditional upsert on this row, so parallel carts
 * of one member queue on it and only as many as the limit get through.
 */
export const couponMemberUsage = coupons.table(
  'coupon_member_usage',
  {
    couponId: uuid('coupon_id').notNull().references(() => coupon.id),
    memberId: uuid('member_id').notNull(),
    used: integer('used').notNull().default(0),
    claimed: integer('claimed').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.couponId, t.memberId] }),
    check('coupon_member_usage_not_negative', sql`${t.used} >= 0 and ${t.claimed} >= 0`),
  ],
);

export type CouponCodeRow = typeof couponCode.$inferSelect;
export type CouponRedemptionRow = typeof couponRedemption.$inferSelect;
