// Tables of the coupons schema.
import { sql } from 'drizzle-orm';
import { bigint, char, check, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const coupons = pgSchema('coupons');

export const couponKind = coupons.enum('coupon_kind', ['PERCENTAGE', 'FIXED_AMOUNT']);

// Millisecond precision: keyset cursors carry JS Dates, and a microsecond
// created_at would compare greater than its own cursor and repeat rows across pages.
export const coupon = coupons.table(
  'coupon',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    kind: couponKind('kind').notNull(),
    /** Percent off for PERCENTAGE, minor units off for FIXED_AMOUNT. */
    value: bigint('value', { mode: 'bigint' }).notNull(),
    /** Currency of a fixed amount and of the minimum spend. */
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    minimumSpendMinor: bigint('minimum_spend_minor', { mode: 'bigint' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    // Soft archive: orders that redeemed the coupon keep pointing at it.
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('coupon_created_idx').on(t.createdAt, t.id),
    // The database refuses coupons that no checkout could apply sensibly.
    check('coupon_value_positive', sql`${t.value} > 0`),
    check('coupon_percent_at_most_100', sql`${t.kind} <> 'PERCENTAGE' or ${t.value} <= 100`),
    check('coupon_minimum_spend_not_negative', sql`${t.minimumSpendMinor} >= 0`),
    check('coupon_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export type CouponRow = typeof coupon.$inferSelect;
