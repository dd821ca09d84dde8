// Tables of purchase statistics: members' copy of each order (order facts) and each member's figures per currency.
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, index, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * One row per order, copied from the orders domain by the members.orderFact
 * task (the newest fact by the order's updated_at wins). Ids of other domains
 * are plain columns, no foreign keys; no contact data. Segments and
 * recommendations read it inside members.
 */
export const memberOrder = members.table(
  'member_order',
  {
    orderId: uuid('order_id').primaryKey(),
    // Null for guest, walk-in and marketplace orders: kept for what they say about products.
    memberId: uuid('member_id'),
    /** The order's status as orders names it (PENDING_PAYMENT … CLOSED). */
    status: text('status').notNull(),
    placedAt: at('placed_at').notNull(),
    /** The order's own updated_at when the fact was taken: an older fact never overwrites a newer one. */
    updatedAt: at('updated_at').notNull(),
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    channel: text('channel').notNull(),
    countryCode: char('country_code', { length: 2 }),
    couponUsed: boolean('coupon_used').notNull().default(false),
    productIds: text('product_ids').array().notNull().default(sql`'{}'::text[]`),
    /** The products' categories when the fact was recorded (products' categoryIdsByProduct). */
    categoryIds: text('category_ids').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('member_order_member_idx').on(t.memberId, t.placedAt)],
);

/**
 * A member's purchase figures in one currency, over their counted orders
 * (every status but CANCELLED and CLOSED), recomputed from member_order by the
 * fact task. No row when the member has no counted order in the currency.
 */
export const memberStatistics = members.table(
  'member_statistics',
  {
    memberId: uuid('member_id').notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    ordersCount: integer('orders_count').notNull(),
    totalSpentMinor: bigint('total_spent_minor', { mode: 'bigint' }).notNull(),
    /** Total spent over orders count, rounded half up. */
    averageOrderMinor: bigint('average_order_minor', { mode: 'bigint' }).notNull(),
    firstOrderAt: at('first_order_at').notNull(),
    lastOrderAt: at('last_order_at').notNull(),
    /** Up to FAVOURITE_CATEGORIES category ids, those of the most counted orders first. */
    favouriteCategoryIds: text('favourite_category_ids').array().notNull().default(sql`'{}'::text[]`),
    /** When the row was last recomputed. */
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.currencyCode] })],
);

export type MemberOrderRow = typeof memberOrder.$inferSelect;
export type MemberStatisticsRow = typeof memberStatistics.$inferSelect;
